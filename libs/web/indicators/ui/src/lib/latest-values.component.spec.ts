import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { LatestValuesComponent } from './latest-values.component';
import { LatestValue } from './series-table';

const VALUES: LatestValue[] = [
  {
    areaCode: '1283',
    areaName: 'Helsingborg',
    period: '2024-09',
    value: { kind: 'value', value: 6.25 },
    preliminary: true,
  },
  {
    areaCode: '1275',
    areaName: 'Perstorp',
    period: '2024-08',
    value: { kind: 'range', low: 0.24, high: 0.95 },
    preliminary: false,
  },
  { areaCode: '1260', areaName: 'Bjuv', period: null, value: { kind: 'missing' }, preliminary: false },
];

describe('LatestValuesComponent', () => {
  async function render(values: LatestValue[], unit: string, names: Record<string, string> = {}) {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(LatestValuesComponent);
    fixture.componentRef.setInput('values', values);
    fixture.componentRef.setInput('unit', unit);
    fixture.componentRef.setInput('names', names);
    await fixture.whenStable();
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li')).map((li) => ({
      name: li.querySelector('.ks-latest__name')?.textContent?.trim(),
      shown: li.querySelector('.ks-latest__value')?.textContent?.replace(/\s+/g, ' ').trim(),
      period: li.querySelector('.ks-latest__period')?.textContent?.trim(),
    }));
    return { fixture, items };
  }

  it('lists each area by its proper name with its latest figure, formatted, and its period', async () => {
    const { items } = await render(VALUES, 'PERCENT', {
      '1283': 'Helsingborgs stad',
      '1275': 'Perstorps kommun',
    });
    expect(items).toEqual([
      { name: 'Helsingborgs stad', shown: '6,3 % (preliminär uppgift)', period: 'september 2024' },
      {
        name: 'Perstorps kommun',
        shown: '0,24–0,95 %minst 0,24 %, högst 0,95 %',
        period: 'augusti 2024',
      },
      { name: 'Bjuv', shown: '–saknas', period: 'Inga värden än' },
    ]);
  });

  it('shows a suppressed count as "<5" and says it in words', async () => {
    const { fixture } = await render(
      [
        {
          areaCode: '1275',
          areaName: 'Perstorp',
          period: '2024-07',
          value: { kind: 'range', low: 1, high: 4 },
          preliminary: false,
        },
      ],
      'COUNT',
    );
    const value = (fixture.nativeElement as HTMLElement).querySelector('.ks-latest__value');
    expect(value?.querySelector('[aria-hidden="true"]')?.textContent).toBe('<5');
    expect(value?.querySelector('.ks-visually-hidden')?.textContent).toBe('färre än 5');
  });

  it('follows the language', async () => {
    const { fixture } = await render(VALUES.slice(0, 1), 'PERCENT');
    const { TranslocoService } = await import('@jsverse/transloco');
    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement)
      .querySelector('li')
      ?.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('6.3%');
    expect(text).toContain('September 2024');
    expect(text).toContain('(preliminary figure)');
  });
});
