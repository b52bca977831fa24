import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { lineChartOption } from './chart-option';
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
 * the table that always accompanies it (ks-series-table).
 */
@Component({
  selector: 'ks-indicator-chart',
  imports: [NgxEchartsDirective],
  // ECharts is loaded when the first chart is drawn, with only the parts the chart uses.
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div echarts class="ks-chart" role="img" [attr.aria-label]="label()" [options]="options()"></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ks-chart {
      height: 24rem;
      width: 100%;
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

  readonly options = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const missing = this.transloco.translate('indicators.value.missing');
    return lineChartOption(this.table(), {
      animation: !prefersReducedMotion(),
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
