import {
  addDays,
  addWeeks,
  differenceInCalendarISOWeeks,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  isValid,
  startOfISOWeekYear,
} from 'date-fns';

/**
 * How often an indicator is measured. Weeks are ISO 8601 weeks (Monday to Sunday,
 * week 1 holds the year's first Thursday), which is what Arbetsförmedlingen and
 * SCB use for weekly figures.
 */
export type Periodicity = 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

export const PERIODICITIES: readonly Periodicity[] = ['WEEK', 'MONTH', 'QUARTER', 'YEAR'];

/** A parsed canonical period code. */
export interface Period {
  periodicity: Periodicity;
  /** calendar year; for weeks the ISO week-numbering year (2020-W53 runs to Sunday 3 January 2021) */
  year: number;
  /** week 1–53, month 1–12, quarter 1–4; always 1 for a year */
  index: number;
  /** the canonical code: YYYY-Www, YYYY-MM, YYYY-Qn or YYYY */
  code: string;
}

/** A period code or a date that is not valid; the message says what is wrong. */
export class PeriodError extends Error {
  constructor(
    message: string,
    /** what the caller passed, for logs and error details */
    readonly input: unknown,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

export const PERIOD_FORMATS: Readonly<Record<Periodicity, string>> = {
  WEEK: 'YYYY-Www',
  MONTH: 'YYYY-MM',
  QUARTER: 'YYYY-Qn',
  YEAR: 'YYYY',
};

/** Earliest and latest supported years: four-digit years keep codes sortable as text. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const CANONICAL = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|W(\d{2})))?$/;
const EXPECTED = 'expected YYYY, YYYY-Qn, YYYY-MM or YYYY-Www (e.g. 2024, 2024-Q3, 2024-07, 2023-W42)';

const NOUN: Readonly<Record<Periodicity, string>> = {
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
};

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): number {
  // 4 January always lies in week 1 of its own ISO year.
  return getISOWeeksInYear(new Date(year, 0, 4));
}

/** The closest year with a week 53, to show in error messages; such years recur within 7 years. */
function nearestLongYear(year: number): number {
  for (let distance = 1; distance < 10; distance += 1) {
    if (isoWeeksInYear(year - distance) === 53) return year - distance;
    if (isoWeeksInYear(year + distance) === 53) return year + distance;
  }
  return year;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function codeOf(periodicity: Periodicity, year: number, index: number): string {
  switch (periodicity) {
    case 'WEEK':
      return `${year}-W${pad(index, 2)}`;
    case 'MONTH':
      return `${year}-${pad(index, 2)}`;
    case 'QUARTER':
      return `${year}-Q${index}`;
    case 'YEAR':
      return String(year);
  }
}

/**
 * Checks the parts of a period. `shown` is how the input appeared (a canonical
 * code, or a source's own notation such as "2021V53"), so messages quote what the
 * user actually wrote. Returns null when valid, else the reason.
 */
export function checkPeriodParts(
  periodicity: Periodicity,
  year: number,
  index: number,
  shown?: string,
): string | null {
  const what = shown ?? codeOf(periodicity, year, index);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return `${what} is not a ${NOUN[periodicity]}: years run ${MIN_YEAR}–${MAX_YEAR}`;
  }
  switch (periodicity) {
    case 'MONTH':
      return Number.isInteger(index) && index >= 1 && index <= 12
        ? null
        : `${what} is not a month: months run 01–12`;
    case 'QUARTER':
      return Number.isInteger(index) && index >= 1 && index <= 4
        ? null
        : `${what} is not a quarter: quarters run Q1–Q4`;
    case 'YEAR':
      return index === 1 ? null : `${what} is not a year: a year has index 1`;
    case 'WEEK': {
      if (!Number.isInteger(index) || index < 1 || index > 53) {
        return `${what} is not a week: weeks run W01–W52, and W53 in years that have one`;
      }
      if (index === 53 && isoWeeksInYear(year) === 52) {
        const long = nearestLongYear(year);
        return `${what} is not a week: ISO year ${year} has 52 weeks (${long}-W53 exists but ${year}-W53 does not)`;
      }
      return null;
    }
  }
}

function describe(input: unknown): string {
  if (input === '') return 'An empty string';
  if (typeof input === 'string') return input;
  return String(input);
}

/** Why a string that is not canonical was rejected, with the likely fix when we can tell. */
function explainNonCanonical(code: string): string {
  const trimmed = code.trim();
  if (trimmed !== code && CANONICAL.test(trimmed)) {
    return `"${code}" is not a period code: remove the spaces around it (${trimmed})`;
  }
  let m = /^(\d{4})-(\d)$/.exec(trimmed);
  if (m) return `${code} is not a period code: write the month with two digits (${m[1]}-0${m[2]})`;
  m = /^(\d{4})-[wW](\d)$/.exec(trimmed);
  if (m) return `${code} is not a period code: write the week with two digits (${m[1]}-W0${m[2]})`;
  m = /^(\d{4})-q(\d)$/.exec(trimmed);
  if (m) return `${code} is not a period code: write the Q in capitals (${m[1]}-Q${m[2]})`;
  m = /^(\d{4})-w(\d{2})$/.exec(trimmed);
  if (m) return `${code} is not a period code: write the W in capitals (${m[1]}-W${m[2]})`;
  m = /^(\d{4})W(\d{2})$/.exec(trimmed);
  if (m) return `${code} is not a period code: put a hyphen before the week (${m[1]}-W${m[2]})`;
  if (/^\d{4}(M\d{2}|K\d|V\d{2})$/.test(trimmed)) {
    return `${code} is not a period code: it looks like an SCB time code; convert it with fromScbTime`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return `${code} is not a period code: it is a date; write the period it belongs to (e.g. ${trimmed.slice(0, 7)} for its month)`;
  }
  if (/^\d{1,3}$|^\d{5,}$/.test(trimmed)) {
    return `${code} is not a period code: years have four digits`;
  }
  return `${describe(code)} is not a period code: ${EXPECTED}`;
}

type ParseResult = { ok: true; period: Period } | { ok: false; error: string };

/** Like parsePeriod, but returns the reason instead of throwing (for validators that collect every problem). */
export function tryParsePeriod(code: unknown, expected?: Periodicity): ParseResult {
  if (typeof code !== 'string') {
    return {
      ok: false,
      error: `${describe(code)} is not a period code: expected a string, got ${code === null ? 'null' : typeof code}`,
    };
  }
  const m = CANONICAL.exec(code);
  if (!m) return { ok: false, error: explainNonCanonical(code) };
  const year = Number(m[1]);
  let periodicity: Periodicity;
  let index: number;
  if (m[2] !== undefined) {
    periodicity = 'MONTH';
    index = Number(m[2]);
  } else if (m[3] !== undefined) {
    periodicity = 'QUARTER';
    index = Number(m[3]);
  } else if (m[4] !== undefined) {
    periodicity = 'WEEK';
    index = Number(m[4]);
  } else {
    periodicity = 'YEAR';
    index = 1;
  }
  const problem = checkPeriodParts(periodicity, year, index, code);
  if (problem) return { ok: false, error: problem };
  if (expected && expected !== periodicity) {
    return {
      ok: false,
      error: `${code} is a ${NOUN[periodicity]}, but a ${NOUN[expected]} is expected here (${PERIOD_FORMATS[expected]})`,
    };
  }
  return { ok: true, period: { periodicity, year, index, code } };
}

/**
 * Parses a canonical period code (`2023-W42`, `2024-07`, `2024-Q3`, `2024`).
 * Pass `expected` to also require a periodicity (an indicator's own).
 * @throws PeriodError saying what is wrong
 */
export function parsePeriod(code: string, expected?: Periodicity): Period {
  const result = tryParsePeriod(code, expected);
  if (!result.ok) throw new PeriodError(result.error, code);
  return result.period;
}

export function isPeriodCode(code: unknown, periodicity?: Periodicity): code is string {
  return tryParsePeriod(code, periodicity).ok;
}

/** @throws PeriodError when the code is not valid */
export function periodicityOf(code: string): Periodicity {
  return parsePeriod(code).periodicity;
}

/** Builds the canonical code from its parts. @throws PeriodError for parts out of range */
export function formatPeriod(period: Pick<Period, 'periodicity' | 'year'> & { index?: number }): string {
  const index = period.periodicity === 'YEAR' ? (period.index ?? 1) : period.index;
  if (index === undefined) throw new PeriodError(`a ${NOUN[period.periodicity]} needs an index`, period);
  const problem = checkPeriodParts(period.periodicity, period.year, index);
  if (problem) throw new PeriodError(problem, period);
  return codeOf(period.periodicity, period.year, index);
}

/** Local midnight of the period's first day. Weeks start on Monday. */
export function periodStart(code: string): Date {
  const p = parsePeriod(code);
  switch (p.periodicity) {
    case 'WEEK':
      return addWeeks(startOfISOWeekYear(new Date(p.year, 0, 4)), p.index - 1);
    case 'MONTH':
      return new Date(p.year, p.index - 1, 1);
    case 'QUARTER':
      return new Date(p.year, (p.index - 1) * 3, 1);
    case 'YEAR':
      return new Date(p.year, 0, 1);
  }
}

/** Local midnight of the period's last day (inclusive). Weeks end on Sunday. */
export function periodEnd(code: string): Date {
  const p = parsePeriod(code);
  switch (p.periodicity) {
    case 'WEEK':
      return addDays(periodStart(code), 6);
    case 'MONTH':
      // Day 0 of the next month is the last day of this one, leap years included.
      return new Date(p.year, p.index, 0);
    case 'QUARTER':
      return new Date(p.year, p.index * 3, 0);
    case 'YEAR':
      return new Date(p.year, 11, 31);
  }
}

/** 'YYYY-MM-DD' of a local date; independent of the time zone the Date was built in. */
export function toIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** First and last day (inclusive) as 'YYYY-MM-DD', e.g. for SQL date ranges. */
export function periodBounds(code: string): { start: string; end: string } {
  return { start: toIsoDate(periodStart(code)), end: toIsoDate(periodEnd(code)) };
}

function toDate(date: Date | string): Date {
  if (date instanceof Date) {
    if (!isValid(date)) throw new PeriodError('Invalid Date is not a date', date);
    return date;
  }
  // Date-only strings are read as local calendar dates: `new Date('2024-01-01')`
  // would be UTC midnight and fall on 31 December west of Greenwich.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new PeriodError(`${describe(date)} is not a date: expected YYYY-MM-DD`, date);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const result = new Date(year, month - 1, day);
  if (result.getFullYear() !== year || result.getMonth() !== month - 1 || result.getDate() !== day) {
    throw new PeriodError(`${date} is not a date: there is no day ${day} in ${year}-${m[2]}`, date);
  }
  return result;
}

/** The period of the given periodicity that contains the date (a Date, read in local time, or 'YYYY-MM-DD'). */
export function periodOfDate(date: Date | string, periodicity: Periodicity): string {
  const d = toDate(date);
  switch (periodicity) {
    case 'WEEK':
      return formatPeriod({ periodicity, year: getISOWeekYear(d), index: getISOWeek(d) });
    case 'MONTH':
      return formatPeriod({ periodicity, year: d.getFullYear(), index: d.getMonth() + 1 });
    case 'QUARTER':
      return formatPeriod({ periodicity, year: d.getFullYear(), index: Math.floor(d.getMonth() / 3) + 1 });
    case 'YEAR':
      return formatPeriod({ periodicity, year: d.getFullYear() });
  }
}

const PER_YEAR: Readonly<Record<Exclude<Periodicity, 'WEEK'>, number>> = { MONTH: 12, QUARTER: 4, YEAR: 1 };

/** Moves a period by n periods of its own periodicity (n may be negative). */
export function addPeriods(code: string, n: number): string {
  if (!Number.isInteger(n)) throw new PeriodError(`cannot move a period by ${n}: expected a whole number`, n);
  const p = parsePeriod(code);
  if (p.periodicity === 'WEEK') {
    // Years have 52 or 53 weeks, so count in days rather than in (year, index).
    return periodOfDate(addWeeks(periodStart(code), n), 'WEEK');
  }
  const perYear = PER_YEAR[p.periodicity];
  const ordinal = p.year * perYear + (p.index - 1) + n;
  return formatPeriod({
    periodicity: p.periodicity,
    year: Math.floor(ordinal / perYear),
    index: (ordinal % perYear) + 1,
  });
}

export function nextPeriod(code: string): string {
  return addPeriods(code, 1);
}

export function previousPeriod(code: string): string {
  return addPeriods(code, -1);
}

function requireSamePeriodicity(a: Period, b: Period, what: string): void {
  if (a.periodicity !== b.periodicity) {
    throw new PeriodError(
      `${what} needs two periods of the same kind, got a ${NOUN[a.periodicity]} (${a.code}) and a ${NOUN[b.periodicity]} (${b.code})`,
      [a.code, b.code],
    );
  }
}

/** Number of periods from `from` to `to` (positive when `to` is later); both of the same periodicity. */
export function periodDistance(from: string, to: string): number {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  requireSamePeriodicity(a, b, 'periodDistance');
  if (a.periodicity === 'WEEK') return differenceInCalendarISOWeeks(periodStart(to), periodStart(from));
  const perYear = PER_YEAR[a.periodicity];
  return b.year * perYear + b.index - (a.year * perYear + a.index);
}

/**
 * Orders periods for sorting. Periods of one periodicity compare chronologically;
 * mixed periodicities compare by first day, then by last day (so 2024-01 sorts
 * before 2024-Q1 before 2024).
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.periodicity === pb.periodicity) return pa.year - pb.year || pa.index - pb.index;
  const byStart = periodStart(a).getTime() - periodStart(b).getTime();
  if (byStart !== 0) return Math.sign(byStart);
  return Math.sign(periodEnd(a).getTime() - periodEnd(b).getTime());
}

/** Every period from `from` to `to`, both included, of one periodicity. */
export function periodRange(from: string, to: string): string[] {
  const distance = periodDistance(from, to);
  if (distance < 0) throw new PeriodError(`periodRange: ${from} comes after ${to}`, [from, to]);
  const result = [parsePeriod(from).code];
  for (let i = 0; i < distance; i += 1) result.push(nextPeriod(result[i]));
  return result;
}
