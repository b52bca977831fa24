import { tryParsePeriod } from '@kraftsamling/shared/periods';
import { ParsedFile, ParseProblem, SourceLocation, SourceObservation, normaliseAreaCode } from '../model';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_COLUMN_NAMES,
  TEMPLATE_FLAGS,
  TemplateColumnName,
  TemplateFlag,
} from './columns';

/** A cell the reader could not turn into a value (a spreadsheet error, a formula without result); `reason` says why. */
export interface TemplateUnreadableCell {
  unreadable: string;
}

/** A cell as the CSV or XLSX reader hands it over. */
export type TemplateCell = string | number | boolean | Date | null | TemplateUnreadableCell;

function isUnreadable(cell: TemplateCell | undefined): cell is TemplateUnreadableCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** One row of the file: its 1-based row number and its cells by 0-based column. */
export interface TemplateRawRow {
  row: number;
  cells: readonly TemplateCell[];
}

/** A template row also carries its optional note, which the observation model has no place for. */
export interface TemplateObservation extends SourceObservation {
  note?: string;
}

export interface TemplateParsedFile extends ParsedFile {
  observations: TemplateObservation[];
}

/** Spreadsheet column letter for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function isBlank(cell: TemplateCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function normaliseHeader(cell: TemplateCell): string {
  if (isUnreadable(cell)) return '#unreadable';
  // Tolerate "Indicator code" and "indicator-code" for indicator_code: people retype headers.
  return String(cell ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Text from the file as a message quotes it: cut short, so a hostile cell cannot swell the report. */
function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function show(cell: TemplateCell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (isUnreadable(cell)) return '(unreadable)';
  return typeof cell === 'string' ? JSON.stringify(clip(cell)) : String(cell);
}

type ValueResult =
  | { ok: true; value: number | null; lowerBound?: true; upperBound?: number }
  | { ok: false; error: string; code: string; params: Record<string, string | number> };

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
// Swedish spreadsheets group thousands with a (non-breaking) space: "1 234,5".
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/** Reads the value column: a number (decimal point or comma), `<N` for a suppressed small count, or empty. */
export function parseTemplateValue(cell: TemplateCell): ValueResult {
  if (isBlank(cell)) return { ok: true, value: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell))
      return {
        ok: false,
        error: `value ${cell} is not a number`,
        code: 'VALUE_NOT_NUMBER',
        params: { value: String(cell) },
      };
    if (cell < 0)
      return {
        ok: false,
        error: `value ${cell} is negative: values cannot be below 0`,
        code: 'VALUE_NEGATIVE',
        params: { value: cell },
      };
    return { ok: true, value: cell };
  }
  if (typeof cell !== 'string')
    return {
      ok: false,
      error: `value ${show(cell)} is not a number`,
      code: 'VALUE_NOT_NUMBER',
      params: { value: show(cell) },
    };
  const text = cell.trim().replace(/^\u2212/, '-');
  const bound = /^<\s*(\d+)$/.exec(text);
  if (bound) {
    const limit = Number(bound[1]);
    if (limit < 2)
      return {
        ok: false,
        error: `value ${show(cell)} is not a usable bound: write <N with N at least 2, e.g. <5`,
        code: 'VALUE_BAD_BOUND',
        params: { value: show(cell) },
      };
    // "<5" of a suppressed count: at least 1 (a zero would be shown as 0), at most 4.
    return { ok: true, value: 1, lowerBound: true, upperBound: limit - 1 };
  }
  if (PLAIN_NUMBER.test(text) || GROUPED_NUMBER.test(text)) {
    const value = Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
    if (value < 0)
      return {
        ok: false,
        error: `value ${show(cell)} is negative: values cannot be below 0`,
        code: 'VALUE_NEGATIVE',
        params: { value: show(cell) },
      };
    return { ok: true, value: Object.is(value, -0) ? 0 : value };
  }
  if (['..', '.', '-', '–', 'x', 'X'].includes(text)) {
    return {
      ok: false,
      error: `value ${show(cell)} is not a number: to record a missing value, leave value empty and set the flag missing`,
      code: 'VALUE_MISSING_SYMBOL',
      params: { value: show(cell) },
    };
  }
  return {
    ok: false,
    error: `value ${show(cell)} is not a number`,
    code: 'VALUE_NOT_NUMBER',
    params: { value: show(cell) },
  };
}

function parseArea(cell: TemplateCell): string | null {
  if (typeof cell === 'number') {
    // Excel turns "0114" into the number 114 and "0012" into 12: padding to four digits restores both.
    return Number.isInteger(cell) && cell >= 0 && cell <= 9999 ? String(cell).padStart(4, '0') : null;
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (/^\d{1,4}$/.test(text)) return text.padStart(4, '0');
  return normaliseAreaCode(text);
}

function parseFlags(cell: TemplateCell): { flags: Set<TemplateFlag>; unknown: string[] } {
  const flags = new Set<TemplateFlag>();
  const unknown: string[] = [];
  if (isBlank(cell)) return { flags, unknown };
  for (const word of String(cell).split(';')) {
    const flag = word.trim().toLowerCase();
    if (flag === '') continue;
    if ((TEMPLATE_FLAGS as readonly string[]).includes(flag)) flags.add(flag as TemplateFlag);
    else unknown.push(word.trim());
  }
  return { flags, unknown };
}

const INDICATOR_CODE = /^[\p{L}\p{N}_.-]{1,100}$/u;

export interface ReadRowsOptions {
  format: 'TEMPLATE_CSV' | 'TEMPLATE_XLSX';
  sheet?: string;
  /** added to the message about cells beyond the header, where the cause is format-specific */
  extraCellsHint?: string;
}

interface Seen {
  row: number;
  value: number | null;
  signature: string;
}

/**
 * Checks the template's rows (header first) and turns them into observations.
 * Every problem is collected with its row and cell; the caller writes nothing if
 * there is any.
 */
export function readTemplateRows(
  rows: Iterable<TemplateRawRow>,
  options: ReadRowsOptions,
): TemplateParsedFile {
  const problems: ParseProblem[] = [];
  const observations: TemplateObservation[] = [];
  const result: TemplateParsedFile = { format: options.format, observations, problems, meta: {} };
  const at = (row: number, column?: number): SourceLocation => {
    const location: SourceLocation = {};
    if (options.sheet !== undefined) location.sheet = options.sheet;
    location.row = row;
    if (column !== undefined) {
      location.column = columnLetter(column);
      location.cell = `${columnLetter(column)}${row}`;
    }
    return location;
  };
  const iterator = rows[Symbol.iterator]();

  // The header is the first row that has anything in it.
  let header: TemplateRawRow | undefined;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    if (!next.value.cells.every(isBlank)) {
      header = next.value;
      break;
    }
  }
  const expected = TEMPLATE_COLUMN_NAMES.join(', ');
  if (!header) {
    problems.push({
      location: options.sheet ? { sheet: options.sheet } : {},
      message: `the file is empty: expected a header row (${expected}) and one row per value`,
      code: 'EMPTY_FILE',
      params: { columns: expected },
    });
    return result;
  }
  const columns = new Map<TemplateColumnName, number>();
  const headerNames = header.cells.map(normaliseHeader);
  if (!headerNames.some((name) => (TEMPLATE_COLUMN_NAMES as readonly string[]).includes(name))) {
    const found = header.cells
      .filter((c) => !isBlank(c))
      .slice(0, 6)
      .map((c) => clip(String(c).trim()))
      .join(', ');
    problems.push({
      location: at(header.row),
      message: `the header row is missing: row ${header.row} must name the columns (${expected}), but it reads ${found}`,
      code: 'NO_HEADER',
      params: { row: header.row, columns: expected, found },
    });
    return result;
  }
  const unnamed: number[] = [];
  headerNames.forEach((name, column) => {
    if (name === '') {
      unnamed.push(column);
      return;
    }
    const headerCell = header.cells[column];
    if (isUnreadable(headerCell)) {
      problems.push({ location: at(header.row, column), message: headerCell.unreadable });
      return;
    }
    if (!(TEMPLATE_COLUMN_NAMES as readonly string[]).includes(name)) {
      problems.push({
        location: at(header.row, column),
        message: `unknown column "${clip(String(headerCell).trim())}": the template's columns are ${expected}`,
        code: 'UNKNOWN_COLUMN',
        params: { name: clip(String(headerCell).trim()), columns: expected },
      });
      return;
    }
    const known = name as TemplateColumnName;
    const earlier = columns.get(known);
    if (earlier !== undefined) {
      problems.push({
        location: at(header.row, column),
        message: `column ${known} appears twice (also in column ${columnLetter(earlier)})`,
        code: 'COLUMN_TWICE',
        params: { name: known, other: columnLetter(earlier) },
      });
      return;
    }
    columns.set(known, column);
  });
  const missing = TEMPLATE_COLUMNS.filter((c) => c.required && !columns.has(c.name));
  for (const column of missing)
    problems.push({
      location: at(header.row),
      message: `the header row has no column ${column.name}`,
      code: 'MISSING_COLUMN',
      params: { name: column.name },
    });
  if (missing.length > 0) return result;

  const col = (name: TemplateColumnName) => columns.get(name);
  const seen = new Map<string, Seen>();
  const reportedUnnamed = new Set<number>();
  let dataRows = 0;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const { row, cells } = next.value;
    if (cells.every(isBlank)) continue;
    dataRows += 1;
    const cell = (name: TemplateColumnName): TemplateCell => {
      const index = col(name);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const before = problems.length;
    const unreadable = cells.flatMap((c, column) =>
      isUnreadable(c) ? [{ column, reason: c.unreadable }] : [],
    );
    for (const { column, reason } of unreadable)
      problems.push({ location: at(row, column), message: reason });
    if (unreadable.length > 0) continue;

    for (let column = headerNames.length; column < cells.length; column += 1) {
      if (isBlank(cells[column])) continue;
      problems.push({
        location: at(row, column),
        message: `row ${row} has a value in column ${columnLetter(column)}, beyond the header's ${headerNames.length} columns${options.extraCellsHint ? ` (${options.extraCellsHint})` : ''}`,
        code: 'CELL_BEYOND_HEADER',
        params: { column: columnLetter(column), columns: headerNames.length },
      });
      break;
    }
    for (const column of unnamed) {
      if (isBlank(cells[column]) || reportedUnnamed.has(column)) continue;
      reportedUnnamed.add(column);
      problems.push({
        location: at(row, column),
        message: `column ${columnLetter(column)} has values but no name in the header row`,
        code: 'UNNAMED_COLUMN',
        params: { column: columnLetter(column) },
      });
    }

    const rawCode = cell('indicator_code');
    const code = isBlank(rawCode) ? '' : String(rawCode).trim();
    if (code === '')
      problems.push({
        location: at(row, col('indicator_code')),
        message: 'indicator_code is empty',
        code: 'INDICATOR_CODE_EMPTY',
      });
    else if (!INDICATOR_CODE.test(code)) {
      problems.push({
        location: at(row, col('indicator_code')),
        message: `indicator_code ${show(rawCode)} may only use letters, digits, _ . and - (at most 100)`,
        code: 'INDICATOR_CODE_INVALID',
        params: { value: show(rawCode) },
      });
    }

    const rawArea = cell('area_code');
    const area = parseArea(rawArea);
    if (isBlank(rawArea))
      problems.push({
        location: at(row, col('area_code')),
        message: 'area_code is empty',
        code: 'AREA_CODE_EMPTY',
      });
    else if (area === null) {
      problems.push({
        location: at(row, col('area_code')),
        message: `area_code ${show(rawArea)} is not a municipality code (4 digits), a county code (00NN) or 0000 for the whole country`,
        code: 'AREA_CODE_INVALID',
        params: { value: show(rawArea) },
      });
    }

    const rawPeriod = cell('period');
    let period: string | null = null;
    if (isBlank(rawPeriod))
      problems.push({ location: at(row, col('period')), message: 'period is empty', code: 'PERIOD_EMPTY' });
    else if (rawPeriod instanceof Date) {
      problems.push({
        location: at(row, col('period')),
        message: `period is a date (${show(rawPeriod)}): the spreadsheet turned the text into a date; format the column as text and write the period, e.g. ${show(rawPeriod).slice(0, 7)}`,
        code: 'PERIOD_IS_DATE',
        params: { value: show(rawPeriod), example: show(rawPeriod).slice(0, 7) },
      });
    } else {
      const parsed = tryParsePeriod(
        typeof rawPeriod === 'number'
          ? String(rawPeriod)
          : typeof rawPeriod === 'string'
            ? rawPeriod.trim()
            : rawPeriod,
      );
      if (parsed.ok) period = parsed.period.code;
      else
        problems.push({
          location: at(row, col('period')),
          message: `period: ${parsed.error}`,
          code: 'PERIOD_INVALID',
          params: { value: show(rawPeriod) },
        });
    }

    const { flags, unknown } = parseFlags(cell('flags'));
    for (const word of unknown) {
      problems.push({
        location: at(row, col('flags')),
        message: `unknown flag "${clip(word)}": use ${TEMPLATE_FLAGS.join(', ')}, separated by semicolons`,
        code: 'UNKNOWN_FLAG',
        params: { flag: clip(word), flags: TEMPLATE_FLAGS.join(', ') },
      });
    }
    const rawValue = cell('value');
    const value = parseTemplateValue(rawValue);
    if (!value.ok)
      problems.push({
        location: at(row, col('value')),
        message: value.error,
        code: value.code,
        params: value.params,
      });
    else if (value.value === null && !flags.has('missing')) {
      problems.push({
        location: at(row, col('value')),
        message: 'value is empty: write a number, or set the flag missing if there is no value',
        code: 'VALUE_EMPTY',
      });
    } else if (value.value !== null && flags.has('missing')) {
      problems.push({
        location: at(row, col('value')),
        message: `value ${show(rawValue)} is given, but the flags say missing`,
        code: 'VALUE_BUT_MISSING',
        params: { value: show(rawValue) },
      });
    }

    if (problems.length > before || !value.ok || area === null || period === null) continue;
    const observation: TemplateObservation = {
      series: { source: 'TEMPLATE', indicatorCode: code },
      area,
      period,
      value: value.value,
      location: at(row),
    };
    if (value.lowerBound || flags.has('lower_bound')) observation.lowerBound = true;
    if (value.upperBound !== undefined) observation.upperBound = value.upperBound;
    if (flags.has('preliminary')) observation.preliminary = true;
    const rawNote = cell('note');
    if (!isBlank(rawNote)) observation.note = String(rawNote).trim();

    const key = `${code}\u0000${area}\u0000${period}`;
    const signature = JSON.stringify([
      observation.value,
      observation.lowerBound,
      observation.upperBound,
      observation.preliminary,
    ]);
    const earlier = seen.get(key);
    if (earlier) {
      // An identical repeat (e.g. a row pasted twice) is harmless; a different value is a conflict.
      if (earlier.signature !== signature) {
        problems.push({
          location: at(row),
          message: `${code}, ${area}, ${period} appears twice with different values: row ${earlier.row} has ${earlier.value ?? 'no value'}, row ${row} has ${observation.value ?? 'no value'}${earlier.value === observation.value ? ' (the flags differ)' : ''}`,
          code: 'ROW_TWICE',
          params: { indicator: code, area, period, other: earlier.row },
        });
      }
      continue;
    }
    seen.set(key, { row, value: observation.value, signature });
    observations.push(observation);
  }
  if (dataRows === 0)
    problems.push({
      location: at(header.row),
      message: 'the file has a header row but no values',
      code: 'NO_VALUES',
    });
  return result;
}
