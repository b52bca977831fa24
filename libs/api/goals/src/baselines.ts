import type { EntityManager } from 'typeorm';

/** What activation (or a re-baseline) freezes for one member: the value and its provenance. */
export interface BaselineReading {
  areaCode: string;
  value: number | null;
  lowerBound: boolean;
  upperBound: number | null;
  numerator: number | null;
  denominator: number | null;
  batchId: string | null;
  publishedAt: string | null;
  preliminary: boolean;
}

export interface MeasuredIndicator {
  id: string;
  kind: 'MEASURED' | 'RATIO';
  numeratorId: string | null;
  denominatorId: string | null;
  factor: number | null;
}

/**
 * Reads each area's value at `period` as stored now, with its provenance. A ratio is read
 * from its parts (also kept, so the collaboration's baseline is Σ numerators ÷ Σ
 * denominators). An area without a value gets a reading with value null: flagged, never 0.
 */
export async function readBaselines(
  manager: Pick<EntityManager, 'query'>,
  indicator: MeasuredIndicator,
  period: string,
  areaCodes: readonly string[],
): Promise<Map<string, BaselineReading>> {
  const rows: BaselineReading[] =
    indicator.kind === 'RATIO'
      ? await manager.query(
          `SELECT n.area_code AS "areaCode",
                  CASE WHEN d.value > 0 AND n.value IS NOT NULL THEN (n.value / d.value * $4)::float8 END AS value,
                  n.lower_bound AS "lowerBound",
                  CASE WHEN d.value > 0 AND n.upper_bound IS NOT NULL THEN (n.upper_bound / d.value * $4)::float8 END AS "upperBound",
                  n.value::float8 AS numerator, d.value::float8 AS denominator, n.batch_id AS "batchId",
                  to_char(greatest(n.published_at, d.published_at), 'YYYY-MM-DD') AS "publishedAt",
                  (n.preliminary OR d.preliminary) AS preliminary
             FROM indicator_value n
             JOIN indicator_value d ON d.indicator_id = $2 AND d.area_code = n.area_code AND d.period = n.period
            WHERE n.indicator_id = $1 AND n.period = $3 AND n.area_code = ANY($5)`,
          [indicator.numeratorId, indicator.denominatorId, period, indicator.factor ?? 1, areaCodes],
        )
      : await manager.query(
          `SELECT area_code AS "areaCode", value::float8 AS value, lower_bound AS "lowerBound",
                  upper_bound::float8 AS "upperBound", NULL::float8 AS numerator, NULL::float8 AS denominator,
                  batch_id AS "batchId", to_char(published_at, 'YYYY-MM-DD') AS "publishedAt", preliminary
             FROM indicator_value
            WHERE indicator_id = $1 AND period = $2 AND area_code = ANY($3)`,
          [indicator.id, period, areaCodes],
        );
  const byArea = new Map(rows.filter((row) => row.value !== null).map((row) => [row.areaCode, row]));
  return new Map(
    areaCodes.map((areaCode) => [
      areaCode,
      byArea.get(areaCode) ?? {
        areaCode,
        value: null,
        lowerBound: false,
        upperBound: null,
        numerator: null,
        denominator: null,
        batchId: null,
        publishedAt: null,
        preliminary: false,
      },
    ]),
  );
}
