import { addDays } from 'date-fns';
import { periodOfDate, periodStart, tryParsePeriod } from '@kraftsamling/shared/periods';
import type { OutcomePeriodKind } from './models';

export interface OutcomeCounts {
  participants: number;
  started: number;
  completed: number;
  employed: number;
  employedPrivate: number;
  studies: number;
  otherOutcome: number;
}

export const COUNT_FIELDS = [
  'participants',
  'started',
  'completed',
  'employed',
  'employedPrivate',
  'studies',
  'otherOutcome',
] as const satisfies readonly (keyof OutcomeCounts)[];

export const ZERO_COUNTS: OutcomeCounts = {
  participants: 0,
  started: 0,
  completed: 0,
  employed: 0,
  employedPrivate: 0,
  studies: 0,
  otherOutcome: 0,
};

/** Why a period code does not fit the collaboration's way of reporting; null when it does. */
export function outcomePeriodProblem(period: string, kind: OutcomePeriodKind): string | null {
  const parsed = tryParsePeriod(period, kind);
  if (parsed.ok) return null;
  const any = tryParsePeriod(period);
  if (any.ok)
    return kind === 'WEEK'
      ? `${period} is a ${any.period.periodicity.toLowerCase()}: this collaboration reports outcomes by ISO week (YYYY-Www, e.g. 2023-W42)`
      : `${period} is a ${any.period.periodicity.toLowerCase()}: this collaboration reports outcomes by month (YYYY-MM)`;
  return parsed.error;
}

/**
 * The month a period's outcomes count in: a month is its own; an ISO week counts in the
 * month of its Thursday, the day that decides which year an ISO week belongs to, so a week
 * is never split and never counted twice.
 */
export function monthOfOutcomePeriod(period: string): string {
  const parsed = tryParsePeriod(period);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.period.periodicity === 'MONTH') return period;
  if (parsed.period.periodicity !== 'WEEK') throw new Error(`${period} is neither a month nor a week`);
  return periodOfDate(addDays(periodStart(period), 3), 'MONTH');
}

/**
 * The counts that cannot be: of those who went to employment, the private sector ones are
 * some; and whoever started, completed or left for work, studies or something else in a
 * period took part in it. Completed is NOT bounded by started: people finish in a later
 * period than they start. The destinations are not summed against participants either:
 * one person may, say, take a part-time job and study.
 */
export function countProblems(counts: OutcomeCounts): { field: keyof OutcomeCounts; message: string }[] {
  const problems: { field: keyof OutcomeCounts; message: string }[] = [];
  if (counts.employedPrivate > counts.employed)
    problems.push({
      field: 'employedPrivate',
      message: `${counts.employedPrivate} went to the private sector, but only ${counts.employed} went to employment at all`,
    });
  for (const field of ['started', 'completed', 'employed', 'studies', 'otherOutcome'] as const)
    if (counts[field] > counts.participants)
      problems.push({
        field,
        message: `${counts[field]} is more than the ${counts.participants} participants of the period`,
      });
  return problems;
}

/** True for a real calendar date YYYY-MM-DD (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}
