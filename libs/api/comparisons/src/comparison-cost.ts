import { ASSUMED_HISTORY_MONTHS, seriesCost } from '@kraftsamling/api/indicators';

/** Areas a selection by kind reads at most (a county has at most 49 municipalities). */
const AREAS_OF_KIND: Record<string, number> = { MEMBERS: 30, COUNTY: 49, ALL: 290, PEER_SET: 312 };

/**
 * A comparison reads areas × months like a series, but answers them compactly (a bare
 * number per area and month, no field names) and is replayed from the cache until data
 * changes: it costs a fifth of a series, so that all 290 municipalities over ten years
 * (290 × 120 / 5 = 6 960) fit in one request (ADR 6).
 */
export function comparisonCost({ args }: { args: Record<string, unknown> }): number {
  const input = (args['input'] ?? {}) as Record<string, unknown>;
  const peers = (input['peers'] ?? {}) as Record<string, unknown>;
  const kind = String(peers['kind'] ?? 'PEER_SET');
  const listed = Array.isArray(peers['areaCodes']) ? new Set(peers['areaCodes'] as unknown[]).size : 0;
  const areas = kind === 'AREAS' ? Math.max(1, listed) : (AREAS_OF_KIND[kind] ?? 312);
  const months =
    seriesCost({ args: { areaCodes: ['0000'], from: input['from'], to: input['to'] } }) ||
    ASSUMED_HISTORY_MONTHS;
  return Math.ceil((areas * months) / 5);
}
