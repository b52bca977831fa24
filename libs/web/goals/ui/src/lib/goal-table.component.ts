import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { TranslocoPipe } from '@jsverse/transloco';
import { injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import { formatQuantity, formatShare, formatSignedQuantity } from './goal-formatting';
import { GoalStatusComponent } from './goal-status.component';

/** A row as the table shows it: the data-access GoalTableRow (kept structural so ui needs no data-access). */
export interface GoalTableRowView {
  key: string;
  areaCode: string | null;
  areaName: string;
  collaboration: boolean;
  baseline: Quantity | null;
  latest: Quantity | null;
  latestPeriod: string | null;
  change: Quantity | null;
  relativeChange: Quantity | null;
  target: Quantity | null;
  expected: Quantity | null;
  progress: Quantity | null;
  status: string;
  flags: string[];
  included: number | null;
}

interface Quantity {
  value: number | null;
  low: number;
  high: number | null;
}

export type GoalTableSort = { active: string; direction: 'asc' | 'desc' | '' };

/**
 * A goal's figures per member, sortable by any column (the page sorts: `sortChange`), with
 * the collaboration's row (from summed counts) in the table foot, apart from the sorting.
 */
@Component({
  selector: 'ks-goal-table',
  imports: [NgTemplateOutlet, MatSort, MatSortHeader, TranslocoPipe, GoalStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-table-scroll" tabindex="0" role="region" [attr.aria-label]="caption()">
      <table
        class="ks-table ks-goal-table"
        matSort
        (matSortChange)="sorted.set($event)"
        data-testid="goal-table"
      >
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col" mat-sort-header="areaName">{{ 'goals.table.area' | transloco }}</th>
            <th scope="col" mat-sort-header="baseline" class="ks-num">
              {{ 'goals.table.baseline' | transloco }}
            </th>
            <th scope="col" mat-sort-header="latest" class="ks-num">
              {{ 'goals.table.latest' | transloco }}
            </th>
            <th scope="col" mat-sort-header="change" class="ks-num">
              {{ 'goals.table.change' | transloco }}
            </th>
            <th scope="col" mat-sort-header="relativeChange" class="ks-num">
              {{ 'goals.table.relativeChange' | transloco }}
            </th>
            <th scope="col" mat-sort-header="target" class="ks-num">
              {{ 'goals.table.target' | transloco }}
            </th>
            <th scope="col" mat-sort-header="expected" class="ks-num">
              {{ 'goals.table.expected' | transloco }}
            </th>
            <th scope="col" mat-sort-header="progress" class="ks-num">
              {{ 'goals.table.progress' | transloco }}
            </th>
            <th scope="col" mat-sort-header="status">{{ 'goals.table.status' | transloco }}</th>
            <th scope="col">{{ 'goals.table.flags' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of sortedRows(); track row.key) {
            <ng-container *ngTemplateOutlet="line; context: { $implicit: row }" />
          }
        </tbody>
        <tfoot>
          <ng-container *ngTemplateOutlet="line; context: { $implicit: collaboration() }" />
        </tfoot>
      </table>
    </div>
    <ng-template #line let-row>
      <tr [class.ks-goal-table__total]="row.collaboration" [attr.data-area]="row.areaCode ?? 'collaboration'">
        <th scope="row">
          {{ row.collaboration ? ('goals.table.collaboration' | transloco) : row.areaName }}
          @if (row.collaboration && row.included !== null) {
            <span class="ks-muted ks-small">{{
              'goals.table.included' | transloco: { count: row.included }
            }}</span>
          }
        </th>
        <td class="ks-num">{{ q(row.baseline) || ('goals.value.missing' | transloco) }}</td>
        <td class="ks-num">
          {{ q(row.latest) || ('goals.value.missing' | transloco) }}
          @if (row.latestPeriod) {
            <span class="ks-muted ks-small ks-block">{{ period(row.latestPeriod) }}</span>
          }
        </td>
        <td class="ks-num">{{ signed(row.change) }}</td>
        <td class="ks-num">{{ share(row.relativeChange, true) }}</td>
        <td class="ks-num">{{ q(row.target) }}</td>
        <td class="ks-num">{{ q(row.expected) }}</td>
        <td class="ks-num">{{ share(row.progress) }}</td>
        <td><ks-goal-status [status]="row.status" /></td>
        <td>
          @if (row.flags.length) {
            <ul class="ks-goal-table__flags">
              @for (flag of row.flags; track flag) {
                <li [attr.data-flag]="flag">{{ 'goals.flags.' + flag | transloco }}</li>
              }
            </ul>
          }
        </td>
      </tr>
    </ng-template>
  `,
  styles: `
    .ks-num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .ks-small {
      font-size: 0.8125rem;
    }
    .ks-block {
      display: block;
    }
    .ks-goal-table__total {
      border-top: 2px solid var(--mat-sys-outline);
      font-weight: 600;
      background: var(--mat-sys-surface-container);
    }
    .ks-goal-table__flags {
      margin: 0;
      padding-inline-start: 1rem;
      font-size: 0.8125rem;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: 0.5rem 0;
    }
  `,
})
export class GoalTableComponent {
  readonly members = input.required<readonly GoalTableRowView[]>();
  readonly collaboration = input.required<GoalTableRowView>();
  readonly unit = input.required<string>();
  readonly caption = input.required<string>();
  /** Sorts the member rows for a column and direction (the page owns the order). */
  readonly sort = input<(rows: readonly GoalTableRowView[], sort: GoalTableSort) => GoalTableRowView[]>(
    (rows) => [...rows],
  );

  private readonly language = injectLanguage();
  readonly sorted = signal<Sort>({ active: '', direction: '' });
  readonly sortedRows = computed(() => this.sort()(this.members(), this.sorted()));

  q(quantity: Quantity | null): string {
    return formatQuantity(quantity, this.unit(), this.language());
  }

  signed(quantity: Quantity | null): string {
    return formatSignedQuantity(quantity, this.unit(), this.language());
  }

  share(quantity: Quantity | null, signed = false): string {
    return formatShare(quantity, this.language(), signed);
  }

  period(code: string): string {
    return periodLabel(code, this.language());
  }
}
