import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { PeriodLanguage } from '@kraftsamling/shared/periods';
import { formatRange, formatValue, periodLabel, rangeWords } from './formatting';
import { provenanceText } from './provenance-text';
import { injectLanguage } from './language';
import { regionNote, regionText } from './region-text';
import { RegionCell, SeriesCell, SeriesTable, regionNeedsNote } from './series-table';

interface CellView {
  areaCode: string;
  /** what is seen */
  shown: string;
  /** what a screen reader says instead, when the symbol alone would not do ("<5", "–") */
  spoken: string | null;
  preliminary: boolean;
  /** the provenance, for the tooltip (and, through it, aria-describedby) */
  provenance: string | null;
}

interface RegionView {
  shown: string;
  /** the figure in words, with "10 of 11 municipalities" or the range */
  spoken: string;
  /** the footnote's number, when the figure needs one */
  note: number | null;
}

let nextId = 0;

/**
 * An indicator's values as an accessible data table: periods as row headers, areas as
 * column headers, "<5" and missing values shown as such (and spoken in words), and each
 * value's provenance in a tooltip that opens on hover and on keyboard focus. This is the
 * text alternative of the chart above it.
 */
@Component({
  selector: 'ks-series-table',
  imports: [MatTooltip, NgTemplateOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="ks-skip-table" (click)="skipTable()">
      {{ 'indicators.table.skip' | transloco }}
    </button>
    <!-- The caption is shown above the scrolling region, where it is never scrolled out of
         view; screen readers read it from the table (and not twice). -->
    <p class="ks-series-caption" aria-hidden="true">{{ caption() }}</p>
    <div class="ks-table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table class="ks-table ks-series-table">
        <caption class="ks-visually-hidden" [id]="captionId">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'indicators.table.period' | transloco }}</th>
            @for (area of table().areas; track area.areaCode) {
              <th scope="col" class="ks-num">{{ area.areaName }}</th>
            }
            @if (table().region) {
              <th scope="col" class="ks-num ks-region" data-testid="region-column">
                {{ 'indicators.region.name' | transloco }}
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.period) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (cell of row.cells; track cell.areaCode) {
                <td class="ks-num">
                  @if (cell.provenance) {
                    <span class="ks-cell" tabindex="0" [matTooltip]="cell.provenance">
                      <ng-container *ngTemplateOutlet="value; context: { $implicit: cell }" />
                    </span>
                  } @else {
                    <ng-container *ngTemplateOutlet="value; context: { $implicit: cell }" />
                  }
                </td>
              }
              @if (row.region; as region) {
                <td class="ks-num ks-region" data-testid="region-cell">
                  <span aria-hidden="true">{{ region.shown }}</span>
                  <span class="ks-visually-hidden">{{ region.spoken }}</span>
                  <!-- Always there, empty without a note, so the numbers stay aligned. -->
                  <sup class="ks-note-marker" aria-hidden="true">{{ region.note ?? '' }}</sup>
                  @if (region.note) {
                    <span class="ks-visually-hidden">
                      ({{ 'indicators.region.noteMarker' | transloco: { number: region.note } }})</span
                    >
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    <p class="ks-muted ks-series-legend" tabindex="-1" #after>{{ 'indicators.table.legend' | transloco }}</p>
    @if (table().region; as region) {
      <p class="ks-muted" data-testid="region-about">
        {{
          (ratio() ? 'indicators.region.aboutRatio' : 'indicators.region.about')
            | transloco: { total: region.total }
        }}
      </p>
      @if (notes().length) {
        <p class="ks-region-notes-heading" [id]="notesId">
          {{ 'indicators.region.notesHeading' | transloco }}
        </p>
        <ol class="ks-region-notes" [attr.aria-labelledby]="notesId" data-testid="region-notes">
          @for (note of notes(); track note.number) {
            <li [value]="note.number">
              <strong>{{ note.period }}:</strong> {{ note.text }}
            </li>
          }
        </ol>
      }
    }

    <ng-template #value let-cell>
      @if (cell.spoken) {
        <span aria-hidden="true">{{ cell.shown }}</span>
        <span class="ks-visually-hidden">{{ cell.spoken }}</span>
      } @else {
        {{ cell.shown }}
      }
      <!-- Always there, empty when the value is final, so the numbers stay aligned. -->
      <span class="ks-preliminary" aria-hidden="true">{{ cell.preliminary ? 'p' : '' }}</span>
      @if (cell.preliminary) {
        <span class="ks-visually-hidden">({{ 'indicators.value.preliminary' | transloco }})</span>
      }
    </ng-template>
  `,
  styles: `
    .ks-num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .ks-cell {
      display: inline-block;
      padding: 0.125rem 0.25rem;
      border-radius: 4px;
      cursor: help;
      text-decoration: underline dotted;
      text-underline-offset: 0.2em;
    }
    .ks-preliminary {
      display: inline-block;
      width: 0.75em;
      font-size: 0.75em;
      vertical-align: super;
      text-align: start;
      margin-inline-start: 0.125rem;
    }
    .ks-series-caption {
      font-weight: 600;
      margin: 0 0 0.5rem;
    }
    tbody th {
      white-space: nowrap;
    }
    /* The period column stays in place while the areas scroll past it (on a phone the table
       is wider than the screen); opaque, so the values slide under it. */
    tbody th,
    thead th:first-child {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      background: var(--mat-sys-surface);
    }
    .ks-series-legend {
      margin-top: -0.75rem;
    }
    /* The region's column stands apart from the areas' (a rule before it, bold figures). */
    .ks-region {
      border-inline-start: 2px solid var(--mat-sys-outline);
      font-weight: 600;
    }
    .ks-note-marker {
      display: inline-block;
      min-width: 1.25em;
      text-align: start;
      margin-inline-start: 0.125rem;
    }
    .ks-region-notes-heading {
      font-weight: 600;
      margin: 0.75rem 0 0.25rem;
    }
    .ks-region-notes {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .ks-skip-table {
      position: absolute;
      inset-inline-start: -10000px;
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--mat-sys-primary);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font: inherit;
      &:focus {
        position: static;
        margin-bottom: 0.5rem;
      }
    }
  `,
})
export class SeriesTableComponent {
  readonly table = input.required<SeriesTable>();
  /** Says what the table holds: indicator, areas, periods and unit. */
  readonly caption = input.required<string>();
  /** The indicator's unit (COUNT, PERCENT, …): how values are formatted. */
  readonly unit = input.required<string>();
  /** A ratio indicator: the region's figure is recomputed from summed parts (said below the table). */
  readonly ratio = input(false);

  private readonly transloco = inject(TranslocoService);
  private readonly language = injectLanguage();
  private readonly after = viewChild.required<ElementRef<HTMLElement>>('after');
  protected readonly captionId = `ks-series-caption-${nextId++}`;
  protected readonly notesId = `ks-region-notes-${nextId++}`;

  readonly rows = computed(() => {
    const language = this.language();
    const unit = this.unit();
    let note = 0;
    return this.table().rows.map((row) => ({
      period: row.period,
      label: periodLabel(row.period, language),
      cells: row.cells.map((cell) => this.cellView(cell, unit, language)),
      region: row.region
        ? this.regionView(row.region, unit, language, regionNeedsNote(row.region) ? ++note : null)
        : null,
    }));
  });

  /** The footnotes of the region's marked figures, numbered as their markers in the table. */
  readonly notes = computed(() => {
    const language = this.language();
    const unit = this.unit();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    return this.rows().flatMap((row, i) => {
      const cell = this.table().rows[i]?.region;
      const text = cell ? regionNote(cell, unit, language, t) : null;
      return row.region?.note && text ? [{ number: row.region.note, period: row.label, text }] : [];
    });
  });

  private regionView(
    cell: RegionCell,
    unit: string,
    language: PeriodLanguage,
    note: number | null,
  ): RegionView {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const spoken = regionText(cell, unit, language, t);
    switch (cell.value.kind) {
      case 'value':
        return { shown: formatValue(cell.value.value, unit, language), spoken, note };
      case 'range':
        return { shown: formatRange(cell.value, unit, language), spoken, note };
      case 'missing':
        return { shown: '–', spoken, note };
    }
  }

  /** Keyboard users need not tab through every value to get past the table. */
  skipTable(): void {
    this.after().nativeElement.focus();
  }

  private cellView(cell: SeriesCell, unit: string, language: PeriodLanguage): CellView {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const base = { areaCode: cell.areaCode, preliminary: cell.preliminary };
    const provenance = cell.provenance ? provenanceText(cell.provenance, language, t) : null;
    switch (cell.value.kind) {
      case 'value':
        return { ...base, shown: formatValue(cell.value.value, unit, language), spoken: null, provenance };
      case 'range':
        return {
          ...base,
          shown: formatRange(cell.value, unit, language),
          spoken: rangeWords(cell.value, unit, language, t),
          provenance,
        };
      case 'missing':
        return { ...base, shown: '–', spoken: t('indicators.value.missing'), provenance };
    }
  }
}
