import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { unemployedRegion, unemployedSeries } from '../testing/series';
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

  it('lists the lines in a legend that wraps, each a toggle button that hides or shows its line', async () => {
    const setOption = jest.fn();
    const chart = { setOption, isDisposed: () => false, dispose: jest.fn(), resize: jest.fn() };
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    TestBed.overrideComponent(IndicatorChartComponent, {
      set: { providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init: () => chart } } }] },
    });
    const fixture = TestBed.createComponent(IndicatorChartComponent);
    fixture.componentRef.setInput(
      'table',
      seriesTable(unemployedSeries(), { order: 'oldestFirst', region: unemployedRegion() }),
    );
    fixture.componentRef.setInput('unit', 'COUNT');
    fixture.componentRef.setInput('indicatorName', 'Inskrivna arbetslösa, utrikes födda kvinnor');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    const element = fixture.nativeElement as HTMLElement;
    const legend = element.querySelector('[data-testid="chart-legend"]');
    expect(legend?.getAttribute('aria-label')).toBe(
      'Linjerna i diagrammet: tryck på en för att dölja eller visa den',
    );
    const buttons = Array.from(legend?.querySelectorAll('button') ?? []);
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      'Helsingborg',
      'Perstorp',
      'Regionen',
    ]);
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['true', 'true', 'true']);
    // The swatch is drawn as SVG (not HTML elements of the same names) and hidden from screen readers.
    const swatch = buttons[1].querySelector('svg');
    expect(swatch?.getAttribute('aria-hidden')).toBe('true');
    expect(swatch?.querySelector('rect')?.namespaceURI).toBe('http://www.w3.org/2000/svg');

    buttons[1].click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(buttons[1].getAttribute('aria-pressed')).toBe('false');
    const last = setOption.mock.calls[setOption.mock.calls.length - 1][0];
    expect(last.legend.selected).toEqual({ Perstorp: false });

    buttons[1].click();
    await fixture.whenStable();
    expect(buttons[1].getAttribute('aria-pressed')).toBe('true');
    expect(fixture.componentInstance.hidden()).toEqual([]);
  });
});
