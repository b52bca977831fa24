import { fromAfPeriod } from '@kraftsamling/shared/periods';
import {
  normaliseAreaCode,
  type ParseProblem,
  type SeriesKey,
  type SourceLocation,
  type SourceObservation,
} from '../model';
import type { MunicipalityMatcher, NameMatch } from '../municipality-names';

/**
 * A cell as either layout delivers it: numbers and text as they are, empty as null, and the
 * few other kinds a spreadsheet can hold tagged so that they are reported, not coerced.
 */
export type RawCell =
  | number
  | string
  | null
  | { kind: 'date'; date: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string };

/** How a layout names places in the file, for observations and for problems. */
export interface AfLocations {
  /** where an observation came from; a layout may share one object across a row */
  observation(row: number, column: number): SourceLocation;
  cell(row: number, column: number): SourceLocation;
  row(row: number): SourceLocation;
  /** e.g. `row 12 of sheet "Data"`, `record 12 of xl/pivotCache/pivotCacheRecords1.xml` */
  describeRow(row: number): string;
  /** e.g. `cell D12 of sheet "Data"`, `record 12, field TOTSOK, of xl/pivotCache/…` */
  describeCell(row: number, column: number): string;
}

/** Which positions of a row's values hold which column. -1: the column is absent. */
export interface AfColumnMap {
  period: number;
  county: number;
  municipality: number;
  measures: { column: number; field: string }[];
}

export interface AfRowCollectorOptions {
  matcher: MunicipalityMatcher;
  /** Problems beyond this many are counted, not listed (a wholly wrong file would list millions). */
  maxProblems?: number;
}

type Measure = { value: number | null; lowerBound?: true; upperBound?: number };

// "<5", "< 5": Arbetsförmedlingen suppresses counts from 1 to 4. Never read as 0.
const SUPPRESSED = /^<\s*(\d+)$/;
// Text that is a plain non-negative number: "12", "12.5", "12,5", "1 234" (thousands spaces).
const NUMERIC_TEXT = /^\d+(?:[.,]\d+)?$/;
const NEGATIVE_TEXT = /^-\s*\d+(?:[.,]\d+)?$/;

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function showCell(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return 'empty';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return `"${cell}"`;
  if (cell.kind === 'date') return `the date ${cell.date.toISOString().slice(0, 10)}`;
  if (cell.kind === 'boolean') return `the truth value ${cell.value ? 'TRUE' : 'FALSE'}`;
  return `the error ${cell.value}`;
}

function showMeasure(m: { value: number | null; lowerBound?: boolean; upperBound?: number }): string {
  if (m.value === null) return 'empty';
  if (m.lowerBound) return `<${(m.upperBound ?? m.value) + 1}`;
  return String(m.value);
}

/** A count or denominator cell → its value, or a problem message. */
export function parseMeasureCell(cell: RawCell): Measure | string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return `${cell} is not a number`;
    if (cell < 0) return `${cell} is negative; counts and denominators cannot be`;
    return { value: cell };
  }
  if (cell === null) return { value: null };
  if (typeof cell === 'string') {
    const text = cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    if (text === '') return { value: null };
    const suppressed = SUPPRESSED.exec(text);
    if (suppressed) {
      const limit = Number(suppressed[1]);
      if (limit < 2) return `"${cell}" is not a count: a suppressed count is written <N with N of 2 or more`;
      return { value: 1, lowerBound: true, upperBound: limit - 1 };
    }
    const compact = text.replace(/ /g, '');
    if (NUMERIC_TEXT.test(compact)) return { value: Number(compact.replace(',', '.')) };
    if (NEGATIVE_TEXT.test(compact)) return `"${cell}" is negative; counts and denominators cannot be`;
    return `"${cell}" is not a number (expected a count, a decimal or <5)`;
  }
  return `${showCell(cell)} is not a number (expected a count, a decimal or <5)`;
}

/** A PERIOD cell → `YYYY-MM`, or a problem message. */
export function parsePeriodCell(cell: RawCell): string | { problem: string } {
  try {
    if (typeof cell === 'string') return fromAfPeriod(cell);
    if (cell !== null && typeof cell === 'object' && cell.kind === 'date') {
      // A sheet edited in Excel turns "2024-01" into the date 2024-01-01; a pivot cache
      // may keep PERIOD as dates. The first of a month is that month, nothing else is.
      const d = cell.date;
      if (d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0) {
        return fromAfPeriod(d.toISOString().slice(0, 7));
      }
      return { problem: `PERIOD is ${showCell(cell)}, not a month; expected YYYY-MM, e.g. 2024-07` };
    }
    return { problem: `PERIOD is ${showCell(cell)}; expected a YYYY-MM text, e.g. 2024-07` };
  } catch (error) {
    return { problem: `malformed PERIOD: ${(error as Error).message}` };
  }
}

function textOf(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return showCell(cell);
}

interface SeenRow {
  row: number;
  start: number;
  end: number;
  /** observations of later identical rows that filled fields the first row lacked */
  extra?: SourceObservation[];
}

interface Aggregated {
  problem: ParseProblem;
  more: number;
}

/**
 * Turns the rows of either layout into observations: maps PERIOD and the municipality
 * name, reads every count cell, and collects problems, including rows that repeat a
 * PERIOD and municipality with different values.
 */
export class AfRowCollector {
  readonly observations: SourceObservation[] = [];
  private readonly problems: ParseProblem[] = [];
  private suppressedProblems = 0;
  private readonly maxProblems: number;
  /** one problem per distinct bad name or period, with a count of the other rows */
  private readonly aggregated = new Map<string, Aggregated>();
  private readonly periods = new Map<string, string | { problem: string }>();
  private readonly areas = new Map<string, NameMatch>();
  private readonly seen = new Map<string, SeenRow>();
  private readonly series = new Map<string, SeriesKey>();
  rowsRead = 0;

  private columns: AfColumnMap = { period: -1, county: -1, municipality: -1, measures: [] };
  private locations!: AfLocations;

  constructor(private readonly options: AfRowCollectorOptions) {
    this.maxProblems = options.maxProblems ?? 1000;
  }

  /**
   * Sets where the following rows' columns are and how to name their places. One collector
   * reads every table of a workbook, so a row repeated on another sheet is still caught.
   */
  useLayout(columns: AfColumnMap, locations: AfLocations): void {
    this.columns = columns;
    this.locations = locations;
    for (const { field } of columns.measures) {
      if (!this.series.has(field)) this.series.set(field, { source: 'AF', field });
    }
  }

  problem(location: SourceLocation, message: string): void {
    if (this.problems.length >= this.maxProblems) this.suppressedProblems++;
    else this.problems.push({ location, message });
  }

  /** Reports a problem once per key; later rows with the same key are only counted. */
  private problemOnce(key: string, location: SourceLocation, message: string): void {
    const known = this.aggregated.get(key);
    if (known) {
      known.more++;
      return;
    }
    const problem = { location, message };
    this.aggregated.set(key, { problem, more: 0 });
    if (this.problems.length >= this.maxProblems) this.suppressedProblems++;
    else this.problems.push(problem);
  }

  private period(cell: RawCell): string | { problem: string } {
    if (typeof cell !== 'string') return parsePeriodCell(cell);
    let result = this.periods.get(cell);
    if (result === undefined) {
      result = parsePeriodCell(cell);
      this.periods.set(cell, result);
    }
    return result;
  }

  private area(county: string, municipality: string): NameMatch {
    const key = `${county}\u0000${municipality}`;
    let result = this.areas.get(key);
    if (result === undefined) {
      // "Riket", "Sverige": a row for the whole country, should a file carry one.
      result =
        normaliseAreaCode(municipality) === '0000'
          ? { code: '0000' }
          : this.options.matcher.match(municipality, county || undefined);
      this.areas.set(key, result);
    }
    return result;
  }

  /** Reads one data row; `values` may be reused by the caller for the next row. */
  addRow(row: number, values: readonly RawCell[]): void {
    const { columns, locations } = this;
    const municipalityCell = values[columns.municipality];
    let anyMeasure = false;
    for (const m of columns.measures) {
      if (!isBlank(values[m.column])) {
        anyMeasure = true;
        break;
      }
    }
    // Blank rows, and notes under the table ("Källa: …" in the PERIOD column), carry no data.
    if (isBlank(municipalityCell) && !anyMeasure) return;
    this.rowsRead++;

    let ok = true;
    const period = this.period(values[columns.period] ?? null);
    if (typeof period !== 'string') {
      ok = false;
      const cell = values[columns.period];
      this.problemOnce(
        `period:${textOf(cell)}`,
        locations.cell(row, columns.period),
        `${locations.describeCell(row, columns.period)}: ${period.problem}`,
      );
    }

    const municipality = textOf(municipalityCell);
    const county = columns.county >= 0 ? textOf(values[columns.county]) : '';
    let area = '';
    if (!municipality) {
      ok = false;
      this.problem(
        locations.cell(row, columns.municipality),
        `${locations.describeCell(row, columns.municipality)}: KOM is empty, so the row's values have no municipality`,
      );
    } else {
      const match = this.area(county, municipality);
      if ('code' in match) area = match.code;
      else {
        ok = false;
        this.problemOnce(
          `area:${county}\u0000${municipality}`,
          locations.cell(row, columns.municipality),
          `${locations.describeCell(row, columns.municipality)}: ${match.problem}`,
        );
      }
    }

    const rowObservations: SourceObservation[] = [];
    for (const { column, field } of columns.measures) {
      const parsed = parseMeasureCell(values[column] ?? null);
      if (typeof parsed === 'string') {
        ok = false;
        this.problem(
          locations.cell(row, column),
          `${locations.describeCell(row, column)}: ${field} ${parsed}`,
        );
        continue;
      }
      if (!ok) continue;
      const observation: SourceObservation = {
        series: this.series.get(field)!,
        area,
        period: period as string,
        value: parsed.value,
        location: locations.observation(row, column),
      };
      if (parsed.lowerBound) {
        observation.lowerBound = true;
        observation.upperBound = parsed.upperBound;
      }
      rowObservations.push(observation);
    }
    if (!ok) return;

    const key = `${period}\u0000${area}`;
    const previous = this.seen.get(key);
    if (!previous) {
      const start = this.observations.length;
      for (const o of rowObservations) this.observations.push(o);
      this.seen.set(key, { row, start, end: this.observations.length });
      return;
    }
    this.compareWithPrevious(row, previous, rowObservations, period as string, municipality, area);
  }

  private compareWithPrevious(
    row: number,
    previous: SeenRow,
    rowObservations: SourceObservation[],
    period: string,
    municipality: string,
    area: string,
  ): void {
    const earlier = (field: string): SourceObservation | undefined => {
      for (let i = previous.start; i < previous.end; i++) {
        const o = this.observations[i];
        if ((o.series as { field: string }).field === field) return o;
      }
      return previous.extra?.find((o) => (o.series as { field: string }).field === field);
    };
    const differences: string[] = [];
    const added: SourceObservation[] = [];
    for (const o of rowObservations) {
      const field = (o.series as { field: string }).field;
      const before = earlier(field);
      if (!before) added.push(o);
      else if (
        before.value !== o.value ||
        !!before.lowerBound !== !!o.lowerBound ||
        before.upperBound !== o.upperBound
      ) {
        differences.push(`${field} ${showMeasure(before)} there, ${showMeasure(o)} here`);
      }
    }
    if (differences.length) {
      const shown = differences.slice(0, 5).join('; ');
      const more = differences.length > 5 ? `; and ${differences.length - 5} more` : '';
      this.problem(
        this.locations.row(row),
        `${this.locations.describeRow(row)} repeats PERIOD ${period} and KOM "${municipality}" (${area}) of ${this.locations.describeRow(previous.row)} with different values: ${shown}${more}`,
      );
      return;
    }
    // An identical repeat adds nothing; fields only the repeat has are still read.
    for (const o of added) this.observations.push(o);
    if (added.length) (previous.extra ??= []).push(...added);
  }

  /** All problems, with repeated ones annotated with how many more rows they affect. */
  finish(): ParseProblem[] {
    for (const { problem, more } of this.aggregated.values()) {
      if (more > 0)
        problem.message += ` (and ${more} more ${more === 1 ? 'row' : 'rows'} with the same value)`;
    }
    if (this.suppressedProblems > 0) {
      this.problems.push({
        location: {},
        message: `${this.suppressedProblems} more problems are not listed; correct the ones above and try again`,
      });
    }
    return this.problems;
  }
}
