/*
 * Months as integers (year × 12 + month − 1) and the date arithmetic the generator needs:
 * the last complete month relative to "today", and the September the demo's goal starts from.
 */

export const FIRST_MONTH = '2019-01';
/** Arbetsförmedlingen's register-based series ends here … */
export const REGISTER_SERIES_END = '2023-12';
/** … and the BAS-based series starts here (the two overlap during 2023). */
export const BAS_SERIES_START = '2023-01';
/** How far into the two-year goal "now" is at least (see {@link goalBaseline}). */
export const MIN_MONTHS_INTO_GOAL = 9;
/** The goal: halve the September figure within this many months. */
export const GOAL_MONTHS = 24;

export type MonthIndex = number;

export function monthIndex(code: string): MonthIndex {
  const m = /^(\d{4})-(\d{2})$/.exec(code);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`"${code}" is not a month (YYYY-MM)`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthCode(index: MonthIndex): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** SCB's notation of a month: 2024M07. */
export function scbMonthCode(index: MonthIndex): string {
  return `${Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, '0')}`;
}

export const yearOf = (index: MonthIndex): number => Math.floor(index / 12);
/** 1–12 */
export const calendarMonthOf = (index: MonthIndex): number => (index % 12) + 1;

export function monthRange(from: MonthIndex, to: MonthIndex): MonthIndex[] {
  const months: MonthIndex[] = [];
  for (let i = from; i <= to; i++) months.push(i);
  return months;
}

/** A calendar date: `YYYY-MM-DD`, or a Date read in the machine's time zone. */
export type DayInput = Date | string;

export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** YYYY-MM-DD */
  iso: string;
}

export function toDay(input: DayInput): Day {
  let year: number, month: number, day: number;
  if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
    if (!m) throw new Error(`"${input}" is not a date (YYYY-MM-DD)`);
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
      throw new Error(`"${input}" is not a date (YYYY-MM-DD)`);
  } else {
    if (Number.isNaN(input.getTime())) throw new Error('today is an invalid Date');
    [year, month, day] = [input.getFullYear(), input.getMonth() + 1, input.getDate()];
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, iso };
}

/** The last complete month: the month before today's. */
export function lastCompleteMonth(today: Day): MonthIndex {
  return today.year * 12 + today.month - 1 - 1;
}

/**
 * The September whose figures the goal halves: the latest September at least
 * {@link MIN_MONTHS_INTO_GOAL} months before the last complete month, so that "now" is
 * always partway through the two-year goal (between 9 and 20 months in). With figures
 * up to 2026-10 that is 2025-09; with figures up to 2026-05 it is 2024-09.
 */
export function goalBaseline(lastMonth: MonthIndex): MonthIndex {
  const latestAllowed = lastMonth - MIN_MONTHS_INTO_GOAL;
  const year = yearOf(latestAllowed);
  const september = year * 12 + 8;
  return september <= latestAllowed ? september : september - 12;
}
