import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { IndicatorChartComponent } from '@kraftsamling/web/indicators/ui';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { of, throwError } from 'rxjs';
import { CATALOGUE, collaboration, unemployedRegion, unemployedSeries } from '../../testing/fixtures';
import { IndicatorPage } from './indicator.page';

describe('IndicatorPage', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver; ngx-echarts needs one.
    (window as any).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    // Nor an IntersectionObserver, which `@defer (on viewport)` watches with: here nothing
    // comes into view by itself, the tests draw the deferred parts (render()).
    (window as any).IntersectionObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  /**
   * The page with its chart and table drawn, as when they come into view (`drawn: false`
   * leaves them as their placeholders: jsdom has no viewport to come into).
   */
  async function render(
    series = of(unemployedSeries()),
    region = of(unemployedRegion()),
    { drawn = true } = {},
  ) {
    const service = { series: jest.fn(() => series), regionSeries: jest.fn(() => region) };
    const chart = { setOption: jest.fn(), isDisposed: () => false, dispose: jest.fn(), resize: jest.fn() };
    TestBed.configureTestingModule({
      deferBlockBehavior: DeferBlockBehavior.Manual,
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration())),
        },
        { provide: IndicatorService, useValue: service },
      ],
    });
    TestBed.overrideComponent(IndicatorChartComponent, {
      set: { providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init: () => chart } } }] },
    });
    const fixture = TestBed.createComponent(IndicatorPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    fixture.componentRef.setInput('code', 'af.bas.utrk.unemployed');
    await fixture.whenStable();
    if (drawn) {
      for (const block of await fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
      await fixture.whenStable();
    }
    return { fixture, element: fixture.nativeElement as HTMLElement, service, chart };
  }

  it("loads the series of the collaboration's municipalities and says what the indicator is", async () => {
    const { element, service } = await render();
    expect(service.series).toHaveBeenCalledWith('c1', 'af.bas.utrk.unemployed');
    expect(service.regionSeries).toHaveBeenCalledWith('c1', 'af.bas.utrk.unemployed');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe(CATALOGUE[0].nameSv);
    const facts = Object.fromEntries(
      Array.from(element.querySelectorAll('dl > div')).map((pair) => [
        pair.querySelector('dt')?.textContent?.trim(),
        pair.querySelector('dd')?.textContent?.trim(),
      ]),
    );
    expect(facts).toEqual({
      Enhet: 'Antal',
      Period: 'Månad',
      Källa: 'Arbetsförmedlingen',
      Riktning: 'Lägre är bättre',
      Tema: 'Arbetslöshet (BAS-arbetskraft, fr.o.m. 2023)',
      Kod: 'af.bas.utrk.unemployed',
    });
  });

  it('links to the comparison with other municipalities with this indicator chosen', async () => {
    const { element } = await render();
    const link = element.querySelector('[data-testid="indicator-compare-link"]');
    expect(link?.textContent?.trim()).toBe('Jämför med andra kommuner');
    expect(link?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/jamfor?indicator=af.bas.utrk.unemployed',
    );
  });

  it('shows a chart named by its summary and the same data as a table with a caption', async () => {
    const { element } = await render();
    const chart = element.querySelector('[role="img"]');
    expect(chart?.getAttribute('aria-label')).toContain('för 2 kommuner, juli 2024 till september 2024');
    expect(element.querySelector('table caption')?.textContent?.trim()).toBe(
      `${CATALOGUE[0].nameSv} per kommun och månad, juli 2024 till september 2024. Enhet: Antal. Senaste perioden först.`,
    );
    const headers = Array.from(element.querySelectorAll('tbody th[scope="row"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual(['september 2024', 'augusti 2024', 'juli 2024']);
    expect(element.querySelector('tbody')?.textContent).toContain('<5');
  });

  it('adds the municipalities taken together as the region: a line in the chart and a column in the table', async () => {
    const { element, fixture } = await render();
    const columns = Array.from(element.querySelectorAll('thead th[scope="col"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(columns).toEqual(['Period', 'Helsingborg', 'Perstorp', 'Regionen']);
    const cells = Array.from(element.querySelectorAll('[data-testid="region-cell"] > span:first-child')).map(
      (cell) => cell.textContent?.replace(/\s/g, ' ').trim(),
    );
    // September 1198 + 7; August only Helsingborg (marked); July 1234 + "<5" (a range).
    expect(cells).toEqual(['1 205', '1 250', '1 235–1 238']);
    expect(element.querySelector('[data-testid="region-notes"]')?.textContent).toContain('1 av 2 kommuner');
    const label = element.querySelector('[role="img"]')?.getAttribute('aria-label')?.replace(/\s/g, ' ');
    expect(label).toContain(
      'Regionen (samtliga 2 kommuner), senaste perioden med en fullständig siffra, september 2024: 1 205.',
    );
    const option = fixture.debugElement
      .query(By.directive(IndicatorChartComponent))
      .componentInstance.options() as { series: { name: string }[] };
    expect(option.series.map((s: { name: string }) => s.name)).toEqual([
      'Helsingborg',
      'Perstorp',
      'Regionen',
    ]);
  });

  it('draws the chart and the table only when they come into view, the latest values at once', async () => {
    const { element } = await render(undefined, undefined, { drawn: false });
    expect(element.querySelectorAll('[data-testid="latest-value"]').length).toBe(2);
    expect(element.querySelector('[data-testid="chart-placeholder"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="table-placeholder"]')).not.toBeNull();
    expect(element.querySelector('ks-indicator-chart')).toBeNull();
    expect(element.querySelector('table')).toBeNull();
  });

  it("lists each municipality's latest value by its proper name, over all periods whatever the range", async () => {
    const { element, fixture } = await render();
    // The range leaves the newest period out; the list still gives each one's latest.
    fixture.componentInstance.to.set('2024-08');
    await fixture.whenStable();
    const section = element.querySelector('[aria-labelledby="indicator-latest-heading"]');
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Senaste värdet per kommun');
    const items = Array.from(section?.querySelectorAll('[data-testid="latest-value"]') ?? []).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      'Helsingborg kommun 1 198 (preliminär uppgift) september 2024',
      'Perstorp kommun 7 september 2024',
    ]);
  });

  it('narrows the chart and the table to the periods chosen in the lists', async () => {
    const { element, fixture } = await render();
    const from = element.querySelector<HTMLSelectElement>('select[data-testid="range-from"]')!;
    // The browser's own list, labelled, with every period and the first one shown chosen.
    expect(from.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim()).toBe('Från');
    expect(Array.from(from.options).map((option) => option.textContent?.trim())).toEqual([
      'juli 2024',
      'augusti 2024',
      'september 2024',
    ]);
    expect(from.value).toBe('2024-07');
    from.value = '2024-08';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const headers = Array.from(element.querySelectorAll('tbody th[scope="row"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual(['september 2024', 'augusti 2024']);
    expect(element.querySelector('[role="img"]')?.getAttribute('aria-label')).toContain(
      'augusti 2024 till september 2024',
    );
  });

  it('explains a ratio: numerator over denominator, summed over municipalities', async () => {
    const ratio = { ...unemployedSeries(), indicator: CATALOGUE[1] };
    const { element } = await render(of(ratio));
    expect(element.querySelector('[data-testid="indicator-ratio"]')?.textContent).toContain(
      'Beräknas som af.bas.utrk.unemployed delat med af.bas.utrk.labour_force gånger 100',
    );
  });

  it('says so when there are no values yet', async () => {
    const empty = {
      ...unemployedSeries(),
      periods: [],
      areas: unemployedSeries().areas.map((a) => ({ ...a, values: [] })),
    };
    const { element } = await render(of(empty));
    expect(element.querySelector('[data-testid="indicator-no-values"]')?.textContent).toContain(
      'Det finns inga värden för det här nyckeltalet ännu',
    );
    expect(element.querySelector('[role="img"]')).toBeNull();
  });

  it('says the indicator does not exist, with a way back, for an unknown code', async () => {
    const notFound = new CombinedGraphQLErrors({ data: null }, [
      { message: 'x', extensions: { code: 'NOT_FOUND' } },
    ]);
    const { element } = await render(throwError(() => notFound));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Det du letar efter finns inte');
    expect(
      Array.from(element.querySelectorAll('a')).some(
        (a) => a.getAttribute('href') === '/s/familjen-helsingborg/nyckeltal',
      ),
    ).toBe(true);
  });
});
