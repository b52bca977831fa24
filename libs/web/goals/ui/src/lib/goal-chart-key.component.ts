import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { GOAL_LINES } from './goal-chart';

/**
 * The key to a goal's charts, drawn once above the small multiples: each line's colour, dash
 * and marker with its name. HTML, so it wraps on a narrow screen (ECharts' legend in each
 * chart paged instead).
 */
@Component({
  selector: 'ks-goal-chart-key',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="ks-goal-chart-key" role="list" [attr.aria-label]="'goals.chart.key' | transloco">
      @for (style of lines; track style.line) {
        <li class="ks-goal-chart-key__entry" [attr.data-line]="style.line">
          <svg width="32" height="12" viewBox="0 0 32 12" aria-hidden="true" focusable="false">
            <line
              x1="0"
              y1="6"
              x2="32"
              y2="6"
              [attr.stroke]="style.colour"
              [attr.stroke-width]="style.width"
              [attr.stroke-dasharray]="style.dashes"
            />
            @if (style.symbol === 'circle') {
              <circle cx="16" cy="6" r="3" [attr.fill]="style.colour" />
            } @else if (style.symbol === 'triangle') {
              <path d="M16 2 20 10h-8z" [attr.fill]="style.colour" />
            }
          </svg>
          <span>{{ 'goals.chart.' + style.line | transloco }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    /* The entries wrap onto as many lines as the width needs. */
    .ks-goal-chart-key {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      padding: 0;
    }
    .ks-goal-chart-key__entry {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    svg {
      flex: none;
    }
  `,
})
export class GoalChartKeyComponent {
  readonly lines = GOAL_LINES;
}
