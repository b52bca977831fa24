import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import {
  IndicatorActionsDirective,
  IndicatorColumn,
  IndicatorRow,
  IndicatorTableComponent,
} from './indicator-table.component';

interface LocalIndicator extends IndicatorRow {
  version: number;
}

const INDICATORS: LocalIndicator[] = [
  {
    id: 'i1',
    code: 'LOKAL_JOBBSPAR',
    nameSv: 'Deltagare i jobbspår',
    nameEn: 'Participants in job tracks',
    unit: 'COUNT',
    periodicity: 'MONTH',
    source: 'LOCAL',
    direction: 'HIGHER_IS_BETTER',
    version: 3,
  },
  {
    id: 'i2',
    code: 'LOKAL_ARBETSTRANING',
    nameSv: 'Deltagare i arbetsträning',
    nameEn: '',
    unit: 'COUNT',
    periodicity: 'QUARTER',
    source: 'LOCAL',
    direction: 'HIGHER_IS_BETTER',
    version: 1,
  },
];

@Component({
  imports: [IndicatorTableComponent, IndicatorActionsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ks-indicator-table
      [indicators]="indicators"
      slug="familjen-helsingborg"
      caption="Egna nyckeltal"
      [columns]="columns()"
    >
      @if (withActions()) {
        <ng-template ksIndicatorActions [ksIndicatorActionsOf]="indicators" let-indicator let-name="name">
          <button type="button" (click)="edited.set(indicator.version)">{{ name }}</button>
        </ng-template>
      }
    </ks-indicator-table>
  `,
})
class HostComponent {
  readonly indicators = INDICATORS;
  readonly columns = signal<IndicatorColumn[]>([]);
  readonly withActions = signal(false);
  readonly edited = signal<number | null>(null);
}

describe('IndicatorTableComponent', () => {
  async function render(columns: IndicatorColumn[], withActions: boolean) {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.columns.set(columns);
    fixture.componentInstance.withActions.set(withActions);
    await fixture.whenStable();
    const table: HTMLTableElement = fixture.nativeElement.querySelector('table');
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    return { fixture, table, headers, rows };
  }

  it('lists each indicator with a link to its page, code, unit, periodicity and the chosen column', async () => {
    const { table, headers, rows } = await render(['source'], false);

    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Egna nyckeltal');
    expect(headers).toEqual(['Namn', 'Kod', 'Enhet', 'Period', 'Källa']);
    expect(rows[0]).toEqual(['Deltagare i jobbspår', 'LOKAL_JOBBSPAR', 'Antal', 'Månad', 'Egna nyckeltal']);
    const link = table.querySelector('tbody a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/s/familjen-helsingborg/nyckeltal/LOKAL_JOBBSPAR');
  });

  it("gives each row the page's actions, with the indicator and its name as shown", async () => {
    const { fixture, headers, rows, table } = await render(['direction'], true);

    expect(headers).toEqual(['Namn', 'Kod', 'Enhet', 'Period', 'Riktning', 'Åtgärder']);
    expect(rows[1]?.[4]).toBe('Högre är bättre');
    expect(rows[1]?.[5]).toBe('Deltagare i arbetsträning');
    (table.querySelector('tbody tr button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.edited()).toBe(3);
  });

  it('names indicators in the language shown, falling back to the other language', async () => {
    const { fixture } = await render([], false);
    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();
    const names = [...fixture.nativeElement.querySelectorAll('tbody th')].map((th: Element) =>
      th.textContent?.trim(),
    );
    expect(names).toEqual(['Participants in job tracks', 'Deltagare i arbetsträning']);
  });

  it('marks a name shown in Swedish in the English interface with lang="sv", and only that one', async () => {
    const { fixture } = await render([], false);
    const langs = () =>
      [...fixture.nativeElement.querySelectorAll('tbody th a')].map((a: Element) => a.getAttribute('lang'));
    expect(langs()).toEqual([null, null]);
    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();
    expect(langs()).toEqual([null, 'sv']);
  });
});
