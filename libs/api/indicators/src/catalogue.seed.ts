import type { EntityManager } from 'typeorm';
import { OFFICIAL_INDICATORS } from './catalogue';

/**
 * Upserts the official catalogue (idempotent): definitions ship with the product and
 * change with it; values refer to indicators by id, which never changes for a code.
 * Ratios are written after the measured indicators they refer to.
 */
export async function seedIndicatorCatalogue(manager: EntityManager): Promise<number> {
  const ordered = [...OFFICIAL_INDICATORS].sort((a, b) => Number(!!a.ratio) - Number(!!b.ratio));
  for (const definition of ordered) {
    await manager.query(
      `INSERT INTO indicator (code, theme, name_sv, name_en, description_sv, description_en, unit, periodicity,
                              direction, source, kind, source_key, numerator_id, denominator_id, factor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
               (SELECT id FROM indicator WHERE collaboration_id IS NULL AND code = $13),
               (SELECT id FROM indicator WHERE collaboration_id IS NULL AND code = $14), $15)
       ON CONFLICT ON CONSTRAINT indicator_code_unique DO UPDATE SET
         theme = EXCLUDED.theme, name_sv = EXCLUDED.name_sv, name_en = EXCLUDED.name_en,
         description_sv = EXCLUDED.description_sv, description_en = EXCLUDED.description_en,
         unit = EXCLUDED.unit, periodicity = EXCLUDED.periodicity, direction = EXCLUDED.direction,
         source = EXCLUDED.source, kind = EXCLUDED.kind, source_key = EXCLUDED.source_key,
         numerator_id = EXCLUDED.numerator_id, denominator_id = EXCLUDED.denominator_id, factor = EXCLUDED.factor,
         updated_at = now()
       WHERE (indicator.theme, indicator.name_sv, indicator.name_en, indicator.description_sv, indicator.description_en,
              indicator.unit, indicator.periodicity, indicator.direction, indicator.source_key, indicator.factor)
         IS DISTINCT FROM
             (EXCLUDED.theme, EXCLUDED.name_sv, EXCLUDED.name_en, EXCLUDED.description_sv, EXCLUDED.description_en,
              EXCLUDED.unit, EXCLUDED.periodicity, EXCLUDED.direction, EXCLUDED.source_key, EXCLUDED.factor)`,
      [
        definition.code,
        definition.theme,
        definition.nameSv,
        definition.nameEn,
        definition.descriptionSv ?? null,
        definition.descriptionEn ?? null,
        definition.unit,
        definition.periodicity,
        definition.direction,
        definition.source,
        definition.ratio ? 'RATIO' : 'MEASURED',
        definition.sourceKey ? JSON.stringify(definition.sourceKey) : null,
        definition.ratio?.numerator ?? null,
        definition.ratio?.denominator ?? null,
        definition.ratio?.factor ?? null,
      ],
    );
  }
  // After every upsert, so a successor exists whatever the definitions' order.
  await manager.query(
    `UPDATE indicator i SET superseded_by_id = s.id
       FROM unnest($1::text[], $2::text[]) AS d(code, successor)
       LEFT JOIN indicator s ON s.collaboration_id IS NULL AND s.code = d.successor
      WHERE i.collaboration_id IS NULL AND i.code = d.code AND i.superseded_by_id IS DISTINCT FROM s.id`,
    [OFFICIAL_INDICATORS.map((d) => d.code), OFFICIAL_INDICATORS.map((d) => d.supersededBy ?? null)],
  );
  return OFFICIAL_INDICATORS.length;
}
