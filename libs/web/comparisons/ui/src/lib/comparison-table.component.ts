import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComparisonCell, ComparisonRow, ComparisonRows } from './comparison-table';

interface CellView {
  text: string;
  /** "range" or "missing": marked with a note reference, explained below the table. */
  note: 'range' | 'missing' | null;
}

interface RowView {
  key: string;
  row: ComparisonRow;
  cells: CellView[];
}

let nextId = 0;

/**
 * The comparison as an accessible data table, the text alternative of the charts: one row
 * per area (rank, quartile, the value of each period shown), then the set's total, the median
 * and the country. A range ("1–4", from a `<5` count) and a missing value ("–") are marked
 * and explained below the table; an area without a rank says why. Only the columns asked for
 * are drawn (a window of the periods), so 290 areas stay quick.
 */
@Component({
  selector: 'ks-comparison-table',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table class="ks-table ks-comparison-table" data-testid="comparison-table">
        <caption [id]="captionId">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="ks-num">{{ 'comparisons.table.rank' | transloco }}</th>
            <th scope="col" class="ks-num">{{ 'comparisons.table.quartile' | transloco }}</th>
            <th scope="col">{{ 'comparisons.table.area' | transloco }}</th>
            @for (column of columns(); track column.index) {
              <th scope="col" class="ks-num" [class.ks-rank-column]="column.index === rankIndex()">
                {{ column.label }}
                @if (column.index === rankIndex()) {
                  <span class="ks-visually-hidden">({{ 'comparisons.table.rankPeriod' | transloco }})</span>
                }
              </th>
            }
            <th scope="col">{{ 'comparisons.table.note' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (view of views(); track view.key) {
            @let row = view.row;
            <tr [class.ks-focus-row]="row.focus" [class.ks-reference-row]="row.kind !== 'area'">
              <td class="ks-num">{{ row.rank ?? '' }}</td>
              <td class="ks-num">{{ row.quartile ?? '' }}</td>
              <th scope="row">
                {{ row.areaName }}
                @if (row.focus) {
                  <span class="ks-focus-tag">{{ 'comparisons.table.focus' | transloco }}</span>
                }
              </th>
              @for (cell of view.cells; track $index) {
                <td class="ks-num">
                  {{ cell.text }}
                  @if (cell.note === 'range') {
                    <sup
                      ><a
                        [href]="'#' + notesId + '-range'"
                        [attr.aria-label]="'comparisons.table.rangeNoteRef' | transloco"
                        >*</a
                      ></sup
                    >
                  } @else if (cell.note === 'missing') {
                    <sup
                      ><a
                        [href]="'#' + notesId + '-missing'"
                        [attr.aria-label]="'comparisons.table.missingNoteRef' | transloco"
                        >†</a
                      ></sup
                    >
                  }
                </td>
              }
              <td>{{ noteOf()(row) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <ul class="ks-table-notes" [id]="notesId">
      <li [id]="notesId + '-range'">* {{ 'comparisons.table.rangeNote' | transloco }}</li>
      <li [id]="notesId + '-missing'">† {{ 'comparisons.table.missingNote' | transloco }}</li>
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .ks-table-scroll {
      overflow: auto;
      max-height: 70vh;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5rem;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--mat-sys-surface, #fff);
      z-index: 1;
    }
    .ks-focus-row {
      font-weight: 700;
      outline: 2px solid currentColor;
      outline-offset: -2px;
    }
    .ks-reference-row {
      font-style: italic;
    }
    .ks-focus-tag {
      font-weight: 400;
      font-style: normal;
      margin-inline-start: 0.25rem;
    }
    .ks-rank-column {
      text-decoration: underline;
    }
    .ks-table-notes {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    sup a {
      text-decoration: none;
      padding-inline: 0.125rem;
    }
  `,
})
export class ComparisonTableComponent {
  readonly rows = input.required<ComparisonRows>();
  readonly periods = input.required<readonly string[]>();
  /** The first and last index of the periods shown. */
  readonly window = input.required<{ start: number; end: number }>();
  readonly rankIndex = input.required<number>();
  readonly caption = input.required<string>();
  readonly periodLabel = input.required<(period: string) => string>();
  /** The visible text of a value, a range ("1–4") or a missing value ("–"). */
  readonly cellText = input.required<(cell: ComparisonCell) => string>();
  /** Why a row is not ranked, or is a reference row; empty when there is nothing to say. */
  readonly noteOf = input.required<(row: ComparisonRow) => string>();

  protected readonly captionId = `ks-comparison-caption-${nextId}`;
  protected readonly notesId = `ks-comparison-notes-${nextId++}`;

  protected readonly columns = computed(() => {
    const { start, end } = this.window();
    const label = this.periodLabel();
    const periods = this.periods();
    const columns: { index: number; label: string }[] = [];
    for (let index = start; index <= end; index++)
      columns.push({ index, label: label(periods[index] ?? '') });
    return columns;
  });

  protected readonly views = computed<RowView[]>(() => {
    const { start, end } = this.window();
    const text = this.cellText();
    const { areas, references } = this.rows();
    const view = (row: ComparisonRow): RowView => {
      const cells: CellView[] = [];
      for (let index = start; index <= end; index++) {
        const cell = row.cells[index] ?? { kind: 'missing' };
        cells.push({ text: text(cell), note: cell.kind === 'value' ? null : cell.kind });
      }
      return { key: `${row.kind}:${row.areaCode}`, row, cells };
    };
    return [...areas.map(view), ...references.map(view)];
  });
}
