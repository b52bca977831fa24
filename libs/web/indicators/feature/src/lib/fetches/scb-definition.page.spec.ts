import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { IndicatorService, ScbTable } from '@kraftsamling/web/indicators/data-access';
import { AppError } from '@kraftsamling/web/shared/errors';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { Subject, of, throwError } from 'rxjs';
import { indicator } from '../../testing/fixtures';
import { ScbDefinitionPage } from './scb-definition.page';

const TABLE: ScbTable = {
  id: 'TAB9990',
  label: 'Förvärvsarbetande efter region och kön',
  url: 'https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/-/TAB9990/',
  updated: null,
  preliminary: false,
  definedCodes: [],
  dimensions: [
    { code: 'Region', label: 'region', role: 'REGION', elimination: false, classes: [] },
    {
      code: 'Kon',
      label: 'kön',
      role: 'OTHER',
      elimination: true,
      classes: [
        { code: '1', label: 'män', unit: null },
        { code: '2', label: 'kvinnor', unit: null },
      ],
    },
    {
      code: 'ContentsCode',
      label: 'tabellinnehåll',
      role: 'CONTENTS',
      elimination: false,
      classes: [{ code: '000009TE', label: 'Förvärvsarbetande', unit: 'antal' }],
    },
    { code: 'Tid', label: 'år', role: 'TIME', elimination: false, classes: [] },
  ],
};

describe('ScbDefinitionPage', () => {
  async function render(defineScbIndicator: jest.Mock) {
    const service = { scbTable: jest.fn(() => of(TABLE)), defineScbIndicator };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([]), provideNoopAnimations(), { provide: IndicatorService, useValue: service }],
    });
    const fixture = TestBed.createComponent(ScbDefinitionPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    fixture.componentRef.setInput('tabell', 'tab9990');
    await fixture.whenStable();
    const page = fixture.componentInstance;
    page.form.patchValue({ nameSv: 'Förvärvsarbetande kvinnor', nameEn: 'Employed women', unit: 'COUNT' });
    page.form.controls.classes.controls['Kon'].setValue(['2']);
    return { element: fixture.nativeElement as HTMLElement, service, fixture, page };
  }

  it('reads the table from the address and shows its contents and the dimensions to choose classes of', async () => {
    const { element, service } = await render(jest.fn());
    expect(service.scbTable).toHaveBeenCalledWith('TAB9990');
    expect(element.querySelector('#scb-definition-heading')?.textContent).toContain(
      'TAB9990: Förvärvsarbetande efter region och kön',
    );
    expect(element.querySelector('[data-testid="scb-classes-Kon"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="scb-classes-Region"]')).toBeNull();
  });

  it('reads the table from the address once, not again when its answer arrives', async () => {
    const answers: Subject<ScbTable>[] = [];
    const scbTable = jest.fn(() => {
      const answer = new Subject<ScbTable>();
      answers.push(answer);
      return answer;
    });
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideNoopAnimations(),
        { provide: IndicatorService, useValue: { scbTable, defineScbIndicator: jest.fn() } },
      ],
    });
    const fixture = TestBed.createComponent(ScbDefinitionPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    fixture.componentRef.setInput('tabell', 'tab9990');
    fixture.detectChanges();
    expect(scbTable).toHaveBeenCalledTimes(1);
    answers[0].next(TABLE);
    answers[0].complete();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(scbTable).toHaveBeenCalledTimes(1);
    expect((fixture.nativeElement as HTMLElement).querySelector('#scb-definition-heading')).not.toBeNull();
  });

  it('saves the choice and says where to fetch the values', async () => {
    const define = jest.fn(() => of(indicator('scb.tab9990.000009te.kon_2', { nameSv: 'Förvärvsarbetande kvinnor' })));
    const { element, fixture } = await render(define);
    element.querySelector<HTMLButtonElement>('[data-testid="scb-define-submit"]')!.click();
    await fixture.whenStable();
    expect(define).toHaveBeenCalledWith({
      table: 'TAB9990',
      contentsCode: '000009TE',
      classes: [{ dimension: 'Kon', codes: ['2'] }],
      nameSv: 'Förvärvsarbetande kvinnor',
      nameEn: 'Employed women',
      unit: 'COUNT',
      periodicity: 'YEAR',
      direction: 'HIGHER_IS_BETTER',
    });
    const saved = element.querySelector('[data-testid="scb-defined-result"]')!;
    expect(saved.textContent).toContain('(scb.tab9990.000009te.kon_2) är sparat i katalogen');
    expect(saved.querySelector('a')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/import/hamtningar?source=SCB&subject=TAB9990',
    );
  });

  it("shows the API's error of a class choice at its dimension", async () => {
    const error: AppError = {
      code: 'BAD_USER_INPUT',
      messageKey: 'errors.badUserInput',
      fields: [{ field: 'classes.0', message: 'Kon has no class 2' }],
    };
    const { page, fixture } = await render(jest.fn(() => throwError(() => error)));
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="scb-define-submit"]')!.click();
    await fixture.whenStable();
    expect(page.form.controls.classes.controls['Kon'].errors).toEqual({ server: 'Kon has no class 2' });
  });
});
