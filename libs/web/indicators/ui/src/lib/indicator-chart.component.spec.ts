import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { unemployedSeries } from '../testing/series';
import { IndicatorChartComponent } from './indicator-chart.component';
import { seriesTable } from './series-table';

describe('IndicatorChartComponent', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver; ngx-echarts needs one to follow the container's size.
    (window as any).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  it('is an image named by a summary of what it shows, pointing to the table', async () => {
    const setOption = jest.fn();
    const chart = { setOption, isDisposed: () => false, dispose: jest.fn(), resize: jest.fn() };
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    TestBed.overrideComponent(IndicatorChartComponent, {
      set: { providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init: () => chart } } }] },
    });
    const fixture = TestBed.createComponent(IndicatorChartComponent);
    fixture.componentRef.setInput('table', seriesTable(unemployedSeries(), { order: 'oldestFirst' }));
    fixture.componentRef.setInput('unit', 'COUNT');
    fixture.componentRef.setInput('indicatorName', 'Inskrivna arbetslösa, utrikes födda kvinnor');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    const image = (fixture.nativeElement as HTMLElement).querySelector('[role="img"]');
    expect(image?.getAttribute('aria-label')?.replace(/\u00a0/g, ' ')).toBe(
      'Linjediagram: Inskrivna arbetslösa, utrikes födda kvinnor för 2 kommuner, juli 2024 till september 2024. ' +
        'Senaste perioden med värden, september 2024: högst i Helsingborg (1 198), lägst i Perstorp (7). ' +
        'Samma uppgifter finns i tabellen under diagrammet.',
    );
    expect(setOption).toHaveBeenCalledWith(expect.objectContaining({ series: expect.any(Array) }), true);
  });
});
