import { isPeriodCode, periodEnd, periodStart } from '@kraftsamling/shared/periods';

/** When a series names no areas it reads the collaboration's members: at most this many, we assume. */
export const ASSUMED_MEMBER_AREAS = 30;
/** When a series names no start, it reads the whole history: at most this many months, we assume. */
export const ASSUMED_HISTORY_MONTHS = 240;

/** Whole months from the start of `from` to the end of `to` (at least 1). */
function monthsBetween(from: string, to: string): number {
  const start = periodStart(from);
  const end = periodEnd(to);
  // periodStart and periodEnd give local dates.
  const months = (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth() + 1;
  return Math.max(1, months);
}

/**
 * The cost of a series request, which the query cost limit adds up over a document: its
 * distinct areas × the months it spans, since that is what the database reads and the
 * answer carries. Periods that are not period codes cost the whole history (the resolver
 * refuses them anyway).
 */
export function seriesCost({ args }: { args: Record<string, unknown> }): number {
  const codes = Array.isArray(args['areaCodes']) ? (args['areaCodes'] as unknown[]) : [];
  const areas = codes.length ? new Set(codes).size : ASSUMED_MEMBER_AREAS;
  const to = isPeriodCode(args['to']) ? args['to'] : null;
  const from = isPeriodCode(args['from']) ? args['from'] : null;
  const thisMonth = new Date().toISOString().slice(0, 7);
  const months = from ? monthsBetween(from, to ?? thisMonth) : ASSUMED_HISTORY_MONTHS;
  return areas * months;
}
