import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService, MeStore } from '@kraftsamling/web/collaborations/data-access';
import { Indicator, IndicatorService, recentPeriods } from '@kraftsamling/web/indicators/data-access';
import { periodLabel } from '@kraftsamling/web/indicators/ui';
import type { EnterValuesInput } from '@kraftsamling/web/shared/graphql';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { Observable, Subject, of, throwError } from 'rxjs';
import {
  COORDINATOR_PERMISSIONS,
  EDITOR_PERMISSIONS,
  collaboration,
  indicator,
} from '../../testing/fixtures';
import { ValueEntryPage } from './value-entry.page';

const JOBBSPAR = indicator('local.jobbspar', {
  nameSv: 'Deltagare i jobbspår',
  nameEn: 'Participants in job tracks',
  source: 'LOCAL',
  collaborationId: 'c1',
  theme: 'Insatser',
});
const ARBETSTRANING = indicator('local.arbetstraning', {
  nameSv: 'Deltagare i arbetsträning',
  nameEn: 'Participants in work training',
  source: 'LOCAL',
  collaborationId: 'c1',
  theme: 'Insatser',
});

/** The grid's months, newest first (they follow today's date). */
const PERIODS = recentPeriods('MONTH', 12);

/** Stored values: 12 and 10 participants in job tracks in the two latest months. */
function localSeries(code: string, areaCode: string) {
  const stored = code === 'local.jobbspar';
  return {
    indicator: code === JOBBSPAR.code ? JOBBSPAR : ARBETSTRANING,
    periods: [PERIODS[1], PERIODS[0]],
    areas: [
      {
        areaCode,
        areaName: 'Helsingborg',
        values: stored ? [10, 12] : [null, null],
        lowerBounds: [null, null],
        upperBounds: [null, null],
        preliminary: [false, false],
        status: [null, null],
        batchId: stored ? ['b1', 'b2'] : [null, null],
        publishedAt: [null, null],
        versions: stored ? [1, 3] : [null, null],
      },
    ],
  };
}

describe('ValueEntryPage', () => {
  async function render(
    options: {
      permissions?: string[];
      roles?: ('COORDINATOR' | 'MUNICIPAL_EDITOR')[];
      enterValues?: (input: EnterValuesInput) => Observable<unknown>;
      userId?: string;
      localIndicators?: Indicator[];
    } = {},
  ) {
    const { permissions = COORDINATOR_PERMISSIONS, roles = ['COORDINATOR'] } = options;
    const indicators = {
      indicators: jest.fn(() => of(options.localIndicators ?? [JOBBSPAR, ARBETSTRANING])),
      series: jest.fn((_c: string, code: string, opts: { areaCodes: string[] }) =>
        of(localSeries(code, opts.areaCodes[0])),
      ),
      enterValues: jest.fn(
        options.enterValues ?? (() => of({ batchId: 'b9', inserted: 1, changed: 1, unchanged: 0 })),
      ),
    };
    const members = {
      members: [
        {
          id: 'ms-1',
          role: 'MUNICIPAL_EDITOR',
          pending: false,
          user: { id: 'u-editor', name: 'Exempel Redaktör' },
          invitation: null,
          organization: { id: 'm-1282', kind: 'MUNICIPALITY', name: 'Landskrona', municipalityCode: '1282' },
        },
      ],
    };
    const collaborations = {
      collaboration: () => of(collaboration(permissions, roles)),
      members: jest.fn(() => of(members)),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        { provide: CollaborationService, useValue: collaborations },
        { provide: IndicatorService, useValue: indicators },
        {
          provide: MeStore,
          useValue: {
            load: async () => ({ id: options.userId ?? 'u-editor', isPlatformAdmin: false }),
            me: () => null,
            canOnPlatform: () => false,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ValueEntryPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await fixture.whenStable();
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    /** The input labelled "<indicator>, <period>", as a screen reader user finds it. */
    const cell = (name: string, period: string) => {
      const label = Array.from(element.querySelectorAll('label')).find(
        (candidate) => candidate.textContent?.trim() === `${name}, ${periodLabel(period, 'sv')}`,
      );
      return element.querySelector<HTMLInputElement>(`#${label?.getAttribute('for')}`)!;
    };
    const type = async (input: HTMLInputElement, text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await settle();
    };
    const save = async () => {
      element.querySelector<HTMLButtonElement>('[data-testid="entry-save"]')?.click();
      await settle();
    };
    return { fixture, element, indicators, collaborations, settle, cell, type, save };
  }

  it('shows a grid of periods × local indicators with stored values and a hidden label per cell', async () => {
    const { element, cell, indicators } = await render();
    expect(indicators.indicators).toHaveBeenCalledWith('c1', 'LOCAL');
    expect(indicators.series).toHaveBeenCalledWith('c1', 'local.jobbspar', {
      areaCodes: ['1283'],
      from: PERIODS[11],
      to: PERIODS[0],
    });
    const columns = Array.from(element.querySelectorAll('thead th')).map((th) =>
      th.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(columns).toEqual(['Period', 'Deltagare i jobbspår Antal', 'Deltagare i arbetsträning Antal']);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(12);
    expect(element.querySelector('caption')?.textContent?.trim()).toBe(
      'Värden för Helsingborg, senaste perioden först',
    );
    const latest = cell('Deltagare i jobbspår', PERIODS[0]);
    expect(latest.value).toBe('12');
    expect(latest.getAttribute('inputmode')).toBe('decimal');
    const label = element.querySelector(`label[for="${latest.id}"]`);
    expect(label?.classList).toContain('ks-visually-hidden');
    expect(cell('Deltagare i arbetsträning', PERIODS[0]).value).toBe('');
  });

  it('says when there are no local indicators, with a link to add them only for a coordinator', async () => {
    const coordinator = await render({ localIndicators: [] });
    const empty = coordinator.element.querySelector('[data-testid="entry-no-indicators"]');
    expect(empty?.textContent).toContain('Samverkan har inga egna nyckeltal ännu.');
    const link = empty?.querySelector('[data-testid="link-add-local-indicators"]');
    expect(link?.textContent?.trim()).toBe('Lägg till egna nyckeltal');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/nyckeltal/egna');
    expect(coordinator.element.querySelector('table')).toBeNull();
    TestBed.resetTestingModule();

    const editor = await render({
      localIndicators: [],
      permissions: EDITOR_PERMISSIONS,
      roles: ['MUNICIPAL_EDITOR'],
    });
    const editorEmpty = editor.element.querySelector('[data-testid="entry-no-indicators"]');
    expect(editorEmpty?.textContent).toContain('Samverkan har inga egna nyckeltal ännu.');
    expect(editorEmpty?.querySelector('a')).toBeNull();
  });

  it('offers a coordinator every member municipality', async () => {
    const { element, settle, collaborations } = await render();
    element.querySelector<HTMLElement>('[data-testid="entry-municipality"]')?.click();
    await settle();
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Helsingborg', 'Landskrona', 'Perstorp']);
    expect(collaborations.members).not.toHaveBeenCalled();
  });

  it('offers a municipal editor only the municipality of their membership', async () => {
    const { element, settle, indicators } = await render({
      permissions: EDITOR_PERMISSIONS,
      roles: ['MUNICIPAL_EDITOR'],
    });
    element.querySelector<HTMLElement>('[data-testid="entry-municipality"]')?.click();
    await settle();
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Landskrona']);
    expect(indicators.series).toHaveBeenCalledWith(
      'c1',
      'local.jobbspar',
      expect.objectContaining({ areaCodes: ['1282'] }),
    );
  });

  it('tells an editor linked to no municipality what to do instead of showing a grid', async () => {
    const { element } = await render({
      permissions: EDITOR_PERMISSIONS,
      roles: ['MUNICIPAL_EDITOR'],
      userId: 'u-not-an-editor',
    });
    expect(element.textContent).toContain('Du är inte kopplad till någon kommun i samverkan');
    expect(element.textContent).toContain('Be samordnaren koppla dig till din kommun som kommunredaktör.');
    expect(element.querySelector('table')).toBeNull();
  });

  it('refuses negative and non-numeric values at their cells, sends nothing and moves focus to the first', async () => {
    const { element, cell, type, save, indicators, settle } = await render();
    await type(cell('Deltagare i jobbspår', PERIODS[2]), '-3');
    await type(cell('Deltagare i arbetsträning', PERIODS[2]), 'tolv');
    await save();
    await settle();

    expect(indicators.enterValues).not.toHaveBeenCalled();
    expect(element.querySelector('[data-testid="entry-error"]')?.textContent).toContain(
      'Värden som behöver rättas: 2. Se meddelandena i tabellen.',
    );
    const errors = Array.from(element.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Skriv 0 eller ett större tal.', 'Skriv ett tal, till exempel 12 eller 3,5.']);
    expect(document.activeElement).toBe(cell('Deltagare i jobbspår', PERIODS[2]));
  });

  it('sends only the changed cells, with decimal commas read and the versions loaded, then reloads', async () => {
    const { element, cell, type, save, indicators } = await render();
    await type(cell('Deltagare i jobbspår', PERIODS[0]), '12,0'); // the same number: unchanged
    await type(cell('Deltagare i jobbspår', PERIODS[1]), '11');
    await type(cell('Deltagare i arbetsträning', PERIODS[3]), '2,5');
    expect(element.querySelector('[data-testid="entry-change-count"]')?.textContent?.trim()).toBe(
      'Ändrade värden: 2',
    );
    indicators.series.mockClear();
    await save();

    expect(indicators.enterValues).toHaveBeenCalledTimes(1);
    expect(indicators.enterValues).toHaveBeenCalledWith({
      collaborationId: 'c1',
      areaCode: '1283',
      values: [
        { indicatorCode: 'local.jobbspar', period: PERIODS[1], value: 11, expectedVersion: 1 },
        { indicatorCode: 'local.arbetstraning', period: PERIODS[3], value: 2.5 },
      ],
    });
    expect(element.querySelector('[data-testid="entry-status"]')?.textContent?.trim()).toBe(
      'Sparat. Nya värden: 1, ändrade: 1, oförändrade: 0.',
    );
    expect(indicators.series).toHaveBeenCalledTimes(2);
  });

  it('keeps what the user types while the saved values are read back, as a change to save', async () => {
    const { element, cell, type, save, settle, indicators } = await render();
    await type(cell('Deltagare i jobbspår', PERIODS[1]), '11');
    // The values read back after the save arrive only when the test says so.
    const answers: Subject<ReturnType<typeof localSeries>>[] = [];
    indicators.series.mockImplementation(() => {
      const answer = new Subject<ReturnType<typeof localSeries>>();
      answers.push(answer);
      return answer;
    });
    await save();
    expect(element.querySelector('[data-testid="entry-status"]')?.textContent).toContain('Sparat.');
    await type(cell('Deltagare i jobbspår', PERIODS[1]), '13');
    // Saving waits for the fresh grid (its versions are the ones just written).
    const button = element.querySelector('[data-testid="entry-save"]')!;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await save();
    expect(indicators.enterValues).toHaveBeenCalledTimes(1);
    for (const [i, answer] of answers.entries()) {
      answer.next(localSeries(i === 0 ? 'local.jobbspar' : 'local.arbetstraning', '1283'));
      answer.complete();
    }
    await settle();
    expect(answers).toHaveLength(2);
    expect(cell('Deltagare i jobbspår', PERIODS[1]).value).toBe('13');
    expect(cell('Deltagare i jobbspår', PERIODS[0]).value).toBe('12');
    expect(element.querySelector('[data-testid="entry-change-count"]')?.textContent?.trim()).toBe(
      'Ändrade värden: 1',
    );
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('says there is nothing to save when no cell changed', async () => {
    const { element, save, indicators } = await render();
    await save();
    expect(indicators.enterValues).not.toHaveBeenCalled();
    expect(element.querySelector('[data-testid="entry-status"]')?.textContent?.trim()).toBe(
      'Inga ändringar att spara.',
    );
  });

  it("shows the API's field errors at the cells they are about", async () => {
    const invalid = new CombinedGraphQLErrors({ data: null }, [
      {
        message: 'invalid',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.values.1.period', message: '2024-13 is not a month' }],
        },
      },
    ]);
    const { element, cell, type, save } = await render({ enterValues: () => throwError(() => invalid) });
    await type(cell('Deltagare i jobbspår', PERIODS[1]), '11');
    await type(cell('Deltagare i arbetsträning', PERIODS[4]), '3');
    await save();

    const target = cell('Deltagare i arbetsträning', PERIODS[4]);
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Kontrollera fältet: 2024-13 is not a month',
    );
    expect(element.querySelector('[data-testid="entry-error"]')?.textContent).toContain(
      'Några uppgifter behöver rättas',
    );
  });

  it('explains a conflict and reloads the values keeping what the user typed', async () => {
    const conflict = new CombinedGraphQLErrors({ data: null }, [
      {
        message: `Someone else changed local.jobbspar ${PERIODS[1]} since you loaded them.`,
        extensions: { code: 'CONFLICT' },
      },
    ]);
    const { element, cell, type, save, settle, indicators } = await render({
      enterValues: () => throwError(() => conflict),
    });
    await type(cell('Deltagare i jobbspår', PERIODS[1]), '11');
    await save();

    const alert = element.querySelector('[data-testid="entry-error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('Någon annan har ändrat några av värdena sedan du laddade dem');
    expect(alert?.textContent).toContain(`Someone else changed local.jobbspar ${PERIODS[1]}`);

    indicators.series.mockClear();
    alert?.querySelector('button')?.click();
    await settle();
    expect(indicators.series).toHaveBeenCalledTimes(2);
    expect(cell('Deltagare i jobbspår', PERIODS[1]).value).toBe('11');
    expect(element.querySelector('[data-testid="entry-error"]')).toBeNull();
  });
});
