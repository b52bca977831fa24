import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  formatValue,
  formatValueWithUnit,
  injectLanguage,
  periodLabel,
} from '@kraftsamling/web/indicators/ui';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { GoalChartInput, goalChartOption, goalChartRows } from './goal-chart';
import { formatQuantity } from './goal-formatting';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One member's progress toward a goal as a small chart, named by a summary for assistive
 * technology (role="img"), with the same figures as a table under it (WCAG 1.1.1): a
 * disclosure on screen, always open in print.
 */
@Component({
  selector: 'ks-goal-chart',
  imports: [NgxEchartsDirective, TranslocoPipe],
  // ECharts is loaded when the first chart is drawn, with only the parts the chart uses.
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div echarts class="ks-goal-chart" role="img" [attr.aria-label]="label()" [options]="options()"></div>
    <details class="ks-goal-chart__data">
      <summary>{{ 'goals.chart.showTable' | transloco: { name: name() } }}</summary>
      <div
        class="ks-table-scroll"
        role="region"
        tabindex="0"
        [attr.aria-label]="'goals.chart.tableCaption' | transloco: { name: name() }"
      >
        <table class="ks-table ks-goal-chart__table">
          <caption class="ks-visually-hidden">
            {{
              'goals.chart.tableCaption' | transloco: { name: name() }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'goals.chart.period' | transloco }}</th>
              <th scope="col">{{ 'goals.chart.actual' | transloco }}</th>
              <th scope="col">{{ 'goals.chart.expected' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.period) {
              @if (
                row.value !== null || row.low !== null || row.expected !== null || row.projection !== null
              ) {
                <tr>
                  <th scope="row">{{ periodText(row.period) }}</th>
                  <td>{{ actual(row.value, row.low, row.high) }}</td>
                  <td>
                    {{ row.expected === null ? '' : number(row.expected) }}
                    @if (row.projection !== null) {
                      <span class="ks-muted">
                        {{ 'goals.chart.projectionCell' | transloco: { value: number(row.projection) } }}
                      </span>
                    }
                  </td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styles: `
    :host {
      display: block;
    }
    .ks-goal-chart {
      height: 14rem;
      width: 100%;
    }
    .ks-goal-chart__data summary {
      cursor: pointer;
      padding: 0.25rem 0;
      color: var(--mat-sys-primary);
    }
    .ks-goal-chart__table {
      font-size: 0.875rem;
    }
    @media print {
      .ks-goal-chart {
        height: 9.5rem;
      }
      .ks-goal-chart__data {
        display: none;
      }
    }
  `,
})
export class GoalChartComponent {
  readonly input = input.required<GoalChartInput>();
  readonly unit = input.required<string>();
  /** The member's (or the collaboration's) name. */
  readonly name = input.required<string>();

  private readonly transloco = inject(TranslocoService);
  private readonly language = injectLanguage();

  readonly rows = computed(() => goalChartRows(this.input()));

  readonly options = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const t = (key: string) => this.transloco.translate(key);
    return goalChartOption(this.input(), {
      animation: !prefersReducedMotion(),
      periodLabel: (period) => periodLabel(period, language, true),
      value: (value) => formatValueWithUnit(value, unit, language),
      names: {
        actual: t('goals.chart.actual'),
        baseline: t('goals.chart.baseline'),
        target: t('goals.chart.target'),
        expected: t('goals.chart.expected'),
        projection: t('goals.chart.projection'),
      },
    });
  });

  /** The chart's text alternative: baseline, latest value, target and projection in words. */
  readonly label = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const input = this.input();
    const missing = this.transloco.translate('goals.value.missing');
    const figure = (quantity: GoalChartInput['baseline']) =>
      formatQuantity(quantity, unit, language) || missing;
    return this.transloco.translate('goals.chart.label', {
      name: this.name(),
      baselinePeriod: periodLabel(input.baselinePeriod, language),
      baseline: figure(input.baseline),
      latestPeriod: input.latestPeriod ? periodLabel(input.latestPeriod, language) : missing,
      latest: figure(input.latest),
      targetPeriod: periodLabel(input.targetPeriod, language),
      target: figure(input.target),
      projection: figure(input.projection),
    });
  });

  periodText(period: string): string {
    return periodLabel(period, this.language());
  }

  number(value: number): string {
    return formatValue(value, this.unit(), this.language());
  }

  /** The measured figure: a range as every range is written ("<5", "1 235–1 238", "≥12"). */
  actual(value: number | null, low: number | null, high: number | null): string {
    if (value !== null) return this.number(value);
    if (low !== null) return formatQuantity({ value: null, low, high }, this.unit(), this.language());
    return '';
  }
}
