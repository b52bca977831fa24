import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { Periodicity } from '@kraftsamling/shared/periods';
import {
  EntryCell,
  Indicator,
  IndicatorSeries,
  cellKey,
  parseEnteredNumber,
} from '@kraftsamling/web/indicators/data-access';
import { formatRange } from '@kraftsamling/web/indicators/ui';

/** Client-side check of a grid cell: a number of 0 or more, decimal comma or point, or empty. */
export const entryValue: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const parsed = parseEnteredNumber(typeof control.value === 'string' ? control.value : '');
  return parsed.ok ? null : { [parsed.problem]: true };
};

/** The message key for a cell's error; the API's own message goes in as `message`. */
export function entryErrorKey(control: AbstractControl): string {
  const errors = control.errors ?? {};
  if (errors['notANumber']) return 'valueEntry.errors.notANumber';
  if (errors['negative']) return 'valueEntry.errors.negative';
  return 'errors.fieldInvalid';
}

/** How many periods the grid may show, per kind of period; the second is the default. */
export const PERIOD_COUNTS: Readonly<Record<Periodicity, readonly number[]>> = {
  WEEK: [8, 13, 26, 52],
  MONTH: [6, 12, 24, 36],
  QUARTER: [4, 8, 12],
  YEAR: [3, 5, 10],
};

export function defaultPeriodCount(periodicity: Periodicity): number {
  const options = PERIOD_COUNTS[periodicity];
  return options[1] ?? options[0];
}

/** A stored number as the user would type it: "3,5" in Swedish, "3.5" in English, no grouping. */
export function entryText(value: number | null, language: string): string {
  if (value === null) return '';
  const text = String(value);
  return language === 'en' ? text : text.replace('.', ',');
}

export interface GridCell extends EntryCell {
  key: string;
  /** the input's id, for its label */
  id: string;
  /** "Deltagare i jobbspår, september 2024": the cell's label */
  label: string;
  /**
   * A stored figure known only as a range ("<5"): shown as the input's placeholder, since
   * it is no number to edit; typing a number replaces it. null otherwise.
   */
  storedRange: string | null;
  control: FormControl<string>;
}

export interface GridRow {
  period: string;
  label: string;
  cells: GridCell[];
}

export interface Grid {
  areaCode: string;
  columns: Indicator[];
  rows: GridRow[];
  cells: GridCell[];
  form: FormGroup<Record<string, FormControl<string>>>;
}

/**
 * Builds the entry grid: one row per period (newest first), one column per indicator, each
 * cell holding the stored value and its version from the loaded series. `keep` puts back
 * what the user had typed (after reloading on a conflict).
 */
export function buildGrid(options: {
  areaCode: string;
  columns: Indicator[];
  series: IndicatorSeries[];
  periods: string[];
  language: string;
  name: (indicator: Indicator) => string;
  periodLabel: (period: string) => string;
  keep?: ReadonlyMap<string, string>;
}): Grid {
  const { areaCode, columns, series, periods, language } = options;
  const controls: Record<string, FormControl<string>> = {};
  const cells: GridCell[] = [];
  let n = 0;
  const rows = periods.map((period) => ({
    period,
    label: options.periodLabel(period),
    cells: columns.map((indicator, column) => {
      const loaded = series[column];
      const area = loaded?.areas.find((candidate) => candidate.areaCode === areaCode);
      const index = loaded ? loaded.periods.indexOf(period) : -1;
      // values is null where the stored figure is only a range (ADR 9): never edit its low end as a number.
      const original = area && index >= 0 ? (area.values[index] ?? null) : null;
      const low = area && index >= 0 ? (area.lowerBounds[index] ?? null) : null;
      const storedRange =
        low === null
          ? null
          : formatRange(
              { low, high: area?.upperBounds[index] ?? null },
              indicator.unit,
              language === 'en' ? 'en' : 'sv',
            );
      const version = area && index >= 0 ? (area.versions[index] ?? null) : null;
      const key = cellKey(indicator.code, period);
      const control = new FormControl(options.keep?.get(key) ?? entryText(original, language), {
        nonNullable: true,
        validators: entryValue,
      });
      const name = `c${n++}`;
      controls[name] = control;
      const cell: GridCell = {
        indicatorCode: indicator.code,
        period,
        original,
        version,
        key,
        id: `ks-entry-${name}`,
        label: `${options.name(indicator)}, ${options.periodLabel(period)}`,
        storedRange,
        control,
      };
      cells.push(cell);
      return cell;
    }),
  }));
  return { areaCode, columns, rows, cells, form: new FormGroup(controls) };
}
