import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { LegendEntry, chartLegend, lineChartOption } from './chart-option';
import { formatRange, formatValueWithUnit, periodLabel } from './formatting';
import { injectLanguage } from './language';
import { rowSourceText } from './provenance-text';
import { regionText } from './region-text';
import { SeriesTable, regionPlotted, summarise } from './series-table';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A line chart of an indicator for several areas over time. The chart is an image to
 * assistive technology (role="img") with a summary as its name; the data itself is in
 * the table that always accompanies it (ks-series-table). Its legend is HTML below the
 * canvas: it wraps on a narrow screen instead of paging, and each entry is a toggle
 * button that shows or hides its line, for the keyboard as for the mouse.
 */
@Component({
  selector: 'ks-indicator-chart',
  imports: [NgxEchartsDirective, TranslocoPipe],
  // ECharts is loaded when the first chart is drawn, with only the parts the chart uses.
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div echarts class="ks-chart" role="img" [attr.aria-label]="label()" [options]="options()"></div>
    <ul
      class="ks-chart-legend"
      role="list"
      data-testid="chart-legend"
      [attr.aria-label]="'indicators.chart.legend' | transloco"
    >
      @for (entry of legend(); track entry.name) {
        <li>
          <button
            type="button"
            class="ks-chart-legend__item"
            [class.ks-chart-legend__item--off]="hidden().includes(entry.name)"
            [attr.aria-pressed]="!hidden().includes(entry.name)"
            (click)="toggle(entry.name)"
          >
            <svg
              class="ks-chart-legend__swatch"
              width="24"
              height="12"
              viewBox="0 0 24 12"
              aria-hidden="true"
              focusable="false"
              [attr.fill]="entry.colour"
              [attr.stroke]="entry.colour"
            >
              <line
                x1="0"
                y1="6"
                x2="24"
                y2="6"
                [attr.stroke-width]="entry.region ? 3 : 2"
                [attr.stroke-dasharray]="dashes[entry.lineType]"
              />
              @switch (entry.symbol) {
                @case ('rect') {
                  <rect x="8" y="2" width="8" height="8" />
                }
                @case ('roundRect') {
                  <rect x="8" y="2" width="8" height="8" rx="2" />
                }
                @case ('triangle') {
                  <path d="M12 1.5 16.5 10h-9z" />
                }
                @case ('diamond') {
                  <path d="M12 1 17 6 12 11 7 6z" />
                }
                @case ('pin') {
                  <path d="M12 11 8.5 6.5a4 4 0 1 1 7 0z" />
                }
                @case ('arrow') {
                  <path d="M12 1 16.5 11 12 8.5 7.5 11z" />
                }
                @default {
                  <circle cx="12" cy="6" r="4" />
                }
              }
            </svg>
            <span>{{ entry.name }}</span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .ks-chart {
      height: 24rem;
      width: 100%;
    }
    /* The entries wrap onto as many lines as the width needs. */
    .ks-chart-legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      margin: 0.5rem 0 0;
      padding: 0;
    }
    .ks-chart-legend__item {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.75rem;
      padding: 0 0.5rem;
      border: 1px solid transparent;
      border-radius: 4px;
      background: none;
      color: var(--mat-sys-on-surface);
      font: inherit;
      cursor: pointer;
      &:hover {
        border-color: var(--mat-sys-outline-variant);
      }
    }
    /* A line switched off: struck through, its swatch faded (the text keeps its contrast). */
    .ks-chart-legend__item--off span {
      text-decoration: line-through;
    }
    .ks-chart-legend__item--off .ks-chart-legend__swatch {
      opacity: 0.3;
    }
    .ks-chart-legend__swatch {
      flex: none;
    }
  `,
})
export class IndicatorChartComponent {
  /** Oldest period first. */
  readonly table = input.required<SeriesTable>();
  readonly unit = input.required<string>();
  readonly indicatorName = input.required<string>();

  private readonly transloco = inject(TranslocoService);
  private readonly language = injectLanguage();
  /** The lines switched off in the legend, by name. */
  readonly hidden = signal<readonly string[]>([]);

  readonly legend = computed(() =>
    chartLegend(
      this.table(),
      this.table().region ? this.transloco.translate('indicators.region.name') : null,
    ),
  );

  toggle(name: string): void {
    this.hidden.update((hidden) =>
      hidden.includes(name) ? hidden.filter((other) => other !== name) : [...hidden, name],
    );
  }

  /** The line styles as SVG dashes. */
  protected readonly dashes: Readonly<Record<LegendEntry['lineType'], string | null>> = {
    solid: null,
    dashed: '4 2',
    dotted: '1.5 2',
  };

  readonly options = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const missing = this.transloco.translate('indicators.value.missing');
    return lineChartOption(this.table(), {
      animation: !prefersReducedMotion(),
      hidden: this.hidden(),
      periodLabel: (period) => periodLabel(period, language, true),
      value: (value) => formatValueWithUnit(value, unit, language),
      cellText: (table, rowIndex, areaIndex) => {
        const value = table.rows[rowIndex]?.cells[areaIndex]?.value;
        switch (value?.kind) {
          case 'value':
            return formatValueWithUnit(value.value, unit, language);
          case 'range':
            return formatRange(value, unit, language);
          default:
            return missing;
        }
      },
      rowSource: (table, rowIndex) =>
        rowSourceText(table, rowIndex, language, (key, params) => this.transloco.translate(key, params)),
      region: {
        name: this.transloco.translate('indicators.region.name'),
        // Counts summed over the areas dwarf each area's own; a ratio is on the same scale.
        ownAxis: unit === 'COUNT',
        text: (table, rowIndex) => {
          const cell = table.rows[rowIndex]?.region;
          return cell
            ? regionText(cell, unit, language, (key, params) => this.transloco.translate(key, params))
            : missing;
        },
      },
    });
  });

  /** The chart's text alternative: what it shows, the latest period's extremes, and where the data is. */
  readonly label = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const summary = summarise(this.table());
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const latest = summary.latest
      ? t('indicators.chart.latest', {
          period: periodLabel(summary.latest.period, language),
          highArea: summary.latest.highest.areaName,
          high: formatValueWithUnit(summary.latest.highest.value, unit, language),
          lowArea: summary.latest.lowest.areaName,
          low: formatValueWithUnit(summary.latest.lowest.value, unit, language),
        })
      : t('indicators.chart.noValues');
    const label = t('indicators.chart.label', {
      name: this.indicatorName(),
      count: summary.areaCount,
      from: summary.from ? periodLabel(summary.from, language) : '',
      to: summary.to ? periodLabel(summary.to, language) : '',
      latest,
    });
    const table = this.table();
    if (!table.region) return label;
    // The newest period the region's line is drawn for with an exact figure.
    const regionLatest = [...table.rows].reverse().find((row) => regionPlotted(row.region)?.bound === false);
    const plotted = regionLatest ? regionPlotted(regionLatest.region) : null;
    const region =
      regionLatest && plotted
        ? t('indicators.region.chartLatest', {
            total: table.region.total,
            period: periodLabel(regionLatest.period, language),
            value: formatValueWithUnit(plotted.value, unit, language),
          })
        : t('indicators.region.chartNoLatest');
    return `${label} ${region} ${t('indicators.region.chartGaps')}`;
  });
}
