import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { unemployedRegion, unemployedSeries } from '../testing/series';
import { seriesTable } from './series-table';
import { SeriesTableComponent } from './series-table.component';

describe('SeriesTableComponent', () => {
  async function render(language: 'sv' | 'en' = 'sv') {
    TestBed.configureTestingModule({ imports: [translocoTesting(language)] });
    const fixture = TestBed.createComponent(SeriesTableComponent);
    fixture.componentRef.setInput('table', seriesTable(unemployedSeries()));
    fixture.componentRef.setInput('caption', 'Inskrivna arbetslösa, utrikes födda kvinnor');
    fixture.componentRef.setInput('unit', 'COUNT');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const cell = (row: number, column: number) =>
      element.querySelectorAll('tbody tr')[row].querySelectorAll('td')[column] as HTMLElement;
    return { fixture, element, cell };
  }

  it('has a caption, the areas as column headers and the periods as row headers', async () => {
    const { element } = await render();
    expect(element.querySelector('caption')?.textContent?.trim()).toBe(
      'Inskrivna arbetslösa, utrikes födda kvinnor',
    );
    const columns = Array.from(element.querySelectorAll('thead th[scope="col"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(columns).toEqual(['Period', 'Helsingborg', 'Perstorp']);
    const rows = Array.from(element.querySelectorAll('tbody th[scope="row"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(rows).toEqual(['september 2024', 'augusti 2024', 'juli 2024']);
    const region = element.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-labelledby')).toBe(element.querySelector('caption')?.id);
  });

  it('shows "<5" with "färre än 5" for screen readers, never 0', async () => {
    const { cell } = await render();
    const below = cell(2, 1);
    expect(below.querySelector('[aria-hidden="true"]')?.textContent).toBe('<5');
    expect(below.querySelector('.ks-visually-hidden')?.textContent).toBe('färre än 5');
    expect(below.textContent).not.toContain('0');
  });

  it('shows a missing value as "–" with a visually hidden "saknas", not focusable when nothing is known', async () => {
    const { cell } = await render();
    const missing = cell(1, 1);
    expect(missing.querySelector('[aria-hidden="true"]')?.textContent).toBe('–');
    expect(missing.querySelector('.ks-visually-hidden')?.textContent).toBe('saknas');
    expect(missing.querySelector('[tabindex]')).toBeNull();
  });

  it('formats numbers the Swedish way and marks preliminary values', async () => {
    const { cell } = await render();
    expect(cell(1, 0).textContent?.replace(/\s/g, ' ').trim()).toBe('1 250,5');
    expect(cell(0, 0).textContent).toContain('p');
    expect(cell(0, 0).querySelectorAll('.ks-visually-hidden')[0]?.textContent).toContain(
      'preliminär uppgift',
    );
  });

  it('makes each value with provenance focusable and describes it with source, dates, file and flags, never an id', async () => {
    const { cell } = await render();
    const value = cell(0, 0).querySelector<HTMLElement>('.ks-cell');
    expect(value?.getAttribute('tabindex')).toBe('0');
    const describedBy = value?.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const description = document.getElementById(describedBy ?? '')?.textContent;
    const imported = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2024-10-16T08:02:00Z'),
    );
    expect(description).toBe(
      `Källa: Arbetsförmedlingen · publicerad 15 okt. 2024 · importerad ${imported} ur filen arbetslosa-2024-10.xlsx · preliminär uppgift`,
    );
    expect(description).not.toContain('b7d3e5f0');
  });

  it('says a suppressed count is only a range, and who entered a value by hand', async () => {
    const { cell } = await render();
    const describe = (element: HTMLElement | null | undefined) =>
      document.getElementById(element?.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(describe(cell(2, 1).querySelector<HTMLElement>('.ks-cell'))).toContain(
      'känd bara som ett intervall',
    );
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ imports: [translocoTesting('en')] });
    const series = unemployedSeries();
    series.indicator = { source: 'LOCAL', kind: 'MEASURED' };
    series.batches = series.batches!.map((batch) => ({
      ...batch,
      source: 'LOCAL',
      format: 'MANUAL',
      fileName: null,
      publishedAt: null,
      enteredBy: 'Hedda Exempelsdotter',
      official: false,
    }));
    series.areas[0].publishedAt = [null, null, null];
    const fixture = TestBed.createComponent(SeriesTableComponent);
    fixture.componentRef.setInput('table', seriesTable(series));
    fixture.componentRef.setInput('caption', 'Deltagare');
    fixture.componentRef.setInput('unit', 'COUNT');
    await fixture.whenStable();
    const first = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('tbody td .ks-cell');
    const entered = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2024-10-16T08:02:00Z'),
    );
    expect(describe(first)).toBe(
      `Source: Own indicators · entered by hand by Hedda Exempelsdotter ${entered} · preliminary figure`,
    );
  });

  it('speaks English in English', async () => {
    const { cell, element } = await render('en');
    expect(cell(2, 1).querySelector('.ks-visually-hidden')?.textContent).toBe('fewer than 5');
    expect(element.querySelector('tbody th')?.textContent?.trim()).toBe('September 2024');
    expect(cell(1, 0).textContent?.trim()).toBe('1,250.5');
  });

  it('lets keyboard users skip past the table', async () => {
    const { element } = await render();
    element.querySelector<HTMLButtonElement>('.ks-skip-table')?.click();
    expect(document.activeElement?.classList.contains('ks-series-legend')).toBe(true);
  });
});

describe('SeriesTableComponent with the region', () => {
  async function render(language: 'sv' | 'en' = 'sv') {
    TestBed.configureTestingModule({ imports: [translocoTesting(language)] });
    const fixture = TestBed.createComponent(SeriesTableComponent);
    fixture.componentRef.setInput('table', seriesTable(unemployedSeries(), { region: unemployedRegion() }));
    fixture.componentRef.setInput('caption', 'Inskrivna arbetslösa, utrikes födda kvinnor');
    fixture.componentRef.setInput('unit', 'COUNT');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const regionCells = Array.from(element.querySelectorAll<HTMLElement>('[data-testid="region-cell"]'));
    const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
    return { element, regionCells, text };
  }

  it('adds the region as the last column', async () => {
    const { element } = await render();
    const columns = Array.from(element.querySelectorAll('thead th[scope="col"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(columns).toEqual(['Period', 'Helsingborg', 'Perstorp', 'Regionen']);
  });

  it('shows the complete sum as it is, and marks the others with a numbered note', async () => {
    const { regionCells, text } = await render();
    // Newest first: September complete, August one of two municipalities, July a range.
    expect(text(regionCells[0]?.querySelector('[aria-hidden="true"]'))).toBe('1 205');
    expect(text(regionCells[0]?.querySelector('sup'))).toBe('');
    expect(text(regionCells[1]?.querySelector('[aria-hidden="true"]'))).toBe('1 250,5');
    expect(text(regionCells[1]?.querySelector('sup'))).toBe('1');
    expect(text(regionCells[1]?.querySelector('.ks-visually-hidden'))).toBe('1 250,5 (1 av 2 kommuner)');
    expect(text(regionCells[2]?.querySelector('[aria-hidden="true"]'))).toBe('1 235–1 238');
    expect(text(regionCells[2]?.querySelector('sup'))).toBe('2');
    expect(text(regionCells[2]?.querySelector('.ks-visually-hidden'))).toBe('minst 1 235, högst 1 238');
  });

  it('explains each marked figure in a footnote: how many municipalities, or the range', async () => {
    const { element, text } = await render();
    const notes = Array.from(element.querySelectorAll('[data-testid="region-notes"] li'));
    expect(notes.map((li) => li.getAttribute('value'))).toEqual(['1', '2']);
    expect(text(notes[0])).toBe(
      'augusti 2024: 1 av 2 kommuner har ett värde för perioden, så siffran gäller bara dem och är inte regionens.',
    );
    expect(text(notes[1])).toBe(
      'juli 2024: Minst 1 235, högst 1 238: minst en kommuns antal redovisas bara som färre än 5.',
    );
    expect(text(element.querySelector('[data-testid="region-about"]'))).toContain(
      'samverkans 2 medlemskommuner tillsammans',
    );
  });

  it('speaks English too', async () => {
    const { regionCells, text } = await render('en');
    expect(text(regionCells[1]?.querySelector('.ks-visually-hidden'))).toBe(
      '1,250.5 (1 of 2 municipalities)',
    );
  });
});
