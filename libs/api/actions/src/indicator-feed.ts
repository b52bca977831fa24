import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The batch format of values summed from actions' outcomes: their provenance. */
export const ACTIONS_BATCH_FORMAT = 'ACTIONS';
const FEED_THEME = 'insatser';
const PARTICIPATIONS_PREFIX = 'insatser.deltagande';

const PROVENANCE_SV =
  'Summeras automatiskt från insatsernas registrerade utfall per kommun och månad (veckor räknas till torsdagens månad). Deltaganden, inte personer: samma person kan delta i flera insatser.';
const PROVENANCE_EN =
  'Summed automatically from the actions’ recorded outcomes per municipality and month (a week counts in the month of its Thursday). Participations, not people: one person may take part in several actions.';

/** The outcome indicators every collaboration that records outcomes gets, and what each sums. */
const OUTCOME_INDICATORS = [
  {
    code: PARTICIPATIONS_PREFIX,
    nameSv: 'Deltagande i insatser (alla typer)',
    nameEn: 'Participations in actions (all types)',
    sum: 'participants',
  },
  {
    code: 'insatser.till-arbete',
    nameSv: 'Till arbete från insatser',
    nameEn: 'To employment from actions',
    sum: 'employed',
  },
  {
    code: 'insatser.till-arbete.privat',
    nameSv: 'Till arbete från insatser, varav privat sektor',
    nameEn: 'To employment from actions, of which private sector',
    sum: 'employedPrivate',
  },
  {
    code: 'insatser.till-studier',
    nameSv: 'Till studier från insatser',
    nameEn: 'To studies from actions',
    sum: 'studies',
  },
] as const;

/** The local indicator of the participations in actions of one type. */
export const participationsIndicatorCode = (typeCode: string) =>
  `${PARTICIPATIONS_PREFIX}.${typeCode.toLowerCase().replace(/_/g, '-')}`;

export interface FeedScope {
  /** the types whose participation indicators may change (an action's old and new type) */
  typeIds: string[];
  municipalityCodes: string[];
  /** months YYYY-MM */
  months: string[];
}

interface SumRow {
  area: string;
  month: string;
  typeId: string;
  participants: number;
  employed: number;
  employedPrivate: number;
  studies: number;
}

/**
 * Outcomes → the collaboration's local indicators. After outcomes change, the cells they
 * touch (indicator × municipality × month) are summed again from every action's outcomes
 * and written like an import: a batch (format ACTIONS, the provenance the indicator views
 * show), the replaced values in the history, the values. Runs inside the caller's
 * transaction, so an outcome and the figures derived from it commit together or not at all.
 */
@Injectable()
export class ActionIndicatorFeed {
  async refresh(
    manager: EntityManager,
    collaborationId: string,
    actor: { userId: string | null },
    scope: FeedScope,
  ): Promise<{ batchId: string | null; changed: number }> {
    if (!scope.months.length || !scope.municipalityCodes.length) return { batchId: null, changed: 0 };
    // One feed writer per collaboration at a time: each sums committed outcomes, and the
    // lock makes a second writer wait until the first has committed, so it sees the first's
    // outcomes and no sum is lost. Imports of the collaboration's figures take their turn
    // with the shared scope lock, as manual entries do (IndicatorImporter.takeTurn).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `action-indicator-feed:${collaborationId}`,
    ]);
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [
      `indicator-values:${collaborationId}`,
    ]);

    const types = (await manager.query(
      `SELECT id, code, name_sv AS "nameSv", name_en AS "nameEn" FROM action_type
        WHERE id = ANY($1) AND (collaboration_id IS NULL OR collaboration_id = $2)`,
      [scope.typeIds, collaborationId],
    )) as { id: string; code: string; nameSv: string; nameEn: string }[];
    const definitions = [
      ...OUTCOME_INDICATORS.map((indicator) => ({ ...indicator, typeId: null as string | null })),
      ...types.map((type) => ({
        code: participationsIndicatorCode(type.code),
        nameSv: `Deltagande i insatser: ${type.nameSv}`,
        nameEn: `Participations in actions: ${type.nameEn}`,
        sum: 'participants' as const,
        typeId: type.id as string | null,
      })),
    ];
    await manager.query(
      `INSERT INTO indicator (collaboration_id, code, theme, name_sv, name_en, description_sv, description_en,
                              unit, periodicity, direction, source, kind)
       SELECT $1, code, $2, name_sv, name_en, $3, $4, 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED'
         FROM unnest($5::text[], $6::text[], $7::text[]) AS d(code, name_sv, name_en)
       ON CONFLICT ON CONSTRAINT indicator_code_unique DO NOTHING`,
      [
        collaborationId,
        FEED_THEME,
        PROVENANCE_SV,
        PROVENANCE_EN,
        definitions.map((d) => d.code),
        definitions.map((d) => d.nameSv),
        definitions.map((d) => d.nameEn),
      ],
    );
    const indicatorIds = new Map<string, string>(
      (
        (await manager.query(
          `SELECT id, code FROM indicator WHERE collaboration_id = $1 AND code = ANY($2)`,
          [collaborationId, definitions.map((d) => d.code)],
        )) as { id: string; code: string }[]
      ).map((row) => [row.code, row.id]),
    );

    const sums = (await manager.query(
      `SELECT x.municipality_code AS area, x.month, a.type_id AS "typeId",
              sum(x.participants)::int AS participants, sum(x.employed)::int AS employed,
              sum(x.employed_private)::int AS "employedPrivate", sum(x.studies)::int AS studies
         FROM action_outcome x
         JOIN action a ON a.id = x.action_id AND a.collaboration_id = x.collaboration_id
        WHERE x.collaboration_id = $1 AND x.month = ANY($2) AND x.municipality_code = ANY($3)
        GROUP BY 1, 2, 3`,
      [collaborationId, scope.months, scope.municipalityCodes],
    )) as SumRow[];

    // What every cell in scope should hold; a cell no outcome reaches is left out unless it
    // holds a value already (then it becomes 0: the outcomes it summed were moved away).
    const wanted = new Map<string, number>();
    const key = (indicatorId: string, area: string, month: string) => `${indicatorId}|${area}|${month}`;
    for (const definition of definitions) {
      const indicatorId = indicatorIds.get(definition.code)!;
      for (const row of sums) {
        if (definition.typeId && row.typeId !== definition.typeId) continue;
        const cell = key(indicatorId, row.area, row.month);
        wanted.set(cell, (wanted.get(cell) ?? 0) + row[definition.sum]);
      }
    }
    const existing = (await manager.query(
      `SELECT indicator_id AS "indicatorId", area_code AS area, period, value::float8 AS value
         FROM indicator_value
        WHERE indicator_id = ANY($1) AND area_code = ANY($2) AND period = ANY($3)
          FOR UPDATE`,
      [[...indicatorIds.values()], scope.municipalityCodes, scope.months],
    )) as { indicatorId: string; area: string; period: string; value: number | null }[];
    const stored = new Map(existing.map((row) => [key(row.indicatorId, row.area, row.period), row.value]));
    for (const cell of stored.keys()) if (!wanted.has(cell)) wanted.set(cell, 0);
    const changes = [...wanted].filter(([cell, value]) => stored.get(cell) !== value);
    if (!changes.length) return { batchId: null, changed: 0 };

    const replaced = changes.filter(([cell]) => stored.has(cell)).length;
    const [{ id: batchId }] = await manager.query(
      `INSERT INTO import_batch (collaboration_id, source, format, file_name, inserted, changed, unchanged, imported_by)
       VALUES ($1, 'LOCAL', $2, 'Insatsernas utfall', $3, $4, 0, $5) RETURNING id`,
      [collaborationId, ACTIONS_BATCH_FORMAT, changes.length - replaced, replaced, actor.userId],
    );
    const parts = changes.map(([cell, value]) => {
      const [indicatorId, area, period] = cell.split('|') as [string, string, string];
      return { indicatorId, area, period, value };
    });
    const columns = [
      parts.map((p) => p.indicatorId),
      parts.map((p) => p.area),
      parts.map((p) => p.period),
      parts.map((p) => p.value),
    ];
    if (replaced)
      await manager.query(
        `INSERT INTO indicator_value_history (indicator_id, area_code, period, value, lower_bound, upper_bound, status,
                                              preliminary, batch_id, published_at, replaced_by_batch_id)
         SELECT v.indicator_id, v.area_code, v.period, v.value, v.lower_bound, v.upper_bound, v.status, v.preliminary,
                v.batch_id, v.published_at, $4
           FROM unnest($1::uuid[], $2::char(4)[], $3::text[]) AS c(indicator_id, area_code, period)
           JOIN indicator_value v USING (indicator_id, area_code, period)`,
        [columns[0], columns[1], columns[2], batchId],
      );
    await manager.query(
      `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id, collaboration_id)
       SELECT c.indicator_id, c.area_code, c.period, c.value, $5, $6
         FROM unnest($1::uuid[], $2::char(4)[], $3::text[], $4::numeric[]) AS c(indicator_id, area_code, period, value)
       ON CONFLICT (indicator_id, area_code, period) DO UPDATE SET
         value = EXCLUDED.value, lower_bound = false, upper_bound = NULL, status = NULL, preliminary = false,
         batch_id = EXCLUDED.batch_id, published_at = NULL, version = indicator_value.version + 1, updated_at = now()`,
      [...columns, batchId, collaborationId],
    );
    return { batchId, changed: changes.length };
  }
}
