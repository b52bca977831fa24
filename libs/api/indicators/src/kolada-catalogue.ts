import type { EntityManager } from 'typeorm';
import type { KoladaKpi } from '@kraftsamling/api/statistics-formats';
import { OFFICIAL_INDICATORS, type IndicatorDefinition } from './catalogue';

/** What loading Kolada's key-figure list into the catalogue did (or, in a dry run, would do). */
export interface CatalogueLoad {
  added: number;
  updated: number;
  unchanged: number;
  /** key figures the product's own catalogue already defines: its curated entries are kept */
  curated: number;
}

const GENDERS = [
  { key: 'T', suffix: '', sv: '', en: '' },
  { key: 'K', suffix: '.k', sv: ', kvinnor', en: ', women' },
  { key: 'M', suffix: '.m', sv: ', män', en: ', men' },
] as const;

/** Kolada's page of a key figure, where its definition is. */
export const koladaKpiUrl = (kpi: string) =>
  `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(kpi)}`;

/**
 * The unit, where the title tells it: Kolada's titles end in the unit ("andel (%)",
 * "antal", "kr/inv"). Anything else is OTHER rather than a guess.
 */
export function koladaUnit(title: string): IndicatorDefinition['unit'] {
  const t = title.toLowerCase();
  if (/\(%\)|andel|procent/.test(t)) return 'PERCENT';
  if (/per 1 ?000|\/1 ?000|promille/.test(t)) return 'PER_1000';
  if (/\bkr\b|kronor|tkr/.test(t)) return 'CURRENCY';
  if (/\bantal\b/.test(t)) return 'COUNT';
  return 'OTHER';
}

/**
 * Whether less is better, where the title says what is counted: unemployment, people
 * on benefits or outside work and studies. Kolada does not publish a direction; anything
 * else is taken as "higher is better", which the description of the indicator says.
 */
export function koladaDirection(title: string): IndicatorDefinition['direction'] {
  return /arbetslös|ekonomiskt bistånd|försörjningsstöd|varken arbetar eller studerar|utanför|ohälsotal|sjukpenning/i.test(
    title,
  )
    ? 'LOWER_IS_BETTER'
    : 'HIGHER_IS_BETTER';
}

/** One catalogue entry per published breakdown: T, and K and M where the key figure is divided by gender. */
export function koladaDefinitions(kpi: KoladaKpi): IndicatorDefinition[] {
  const genders = kpi.isDividedByGender ? GENDERS : GENDERS.slice(0, 1);
  const id = kpi.id.toLowerCase();
  const theme = kpi.operatingArea?.trim() || 'kolada';
  const published = kpi.publicationDate ? ` Publicerad ${kpi.publicationDate}.` : '';
  const publishedEn = kpi.publicationDate ? ` Published ${kpi.publicationDate}.` : '';
  return genders.map((gender) => ({
    code: `kolada.${id}${kpi.isDividedByGender ? (gender.key === 'T' ? '.t' : gender.suffix) : ''}`,
    theme,
    nameSv: `${kpi.title}${gender.sv}`,
    // Kolada publishes in Swedish only: the English name says whose title it is.
    nameEn: `${kpi.title}${gender.en} (Kolada ${kpi.id})`,
    descriptionSv: `${kpi.description ?? ''}${published} Kolada ${kpi.id}.`.trim(),
    descriptionEn: `Kolada key figure ${kpi.id}, described in Swedish by its publisher.${publishedEn}`,
    unit: koladaUnit(kpi.title),
    periodicity: 'YEAR',
    direction: koladaDirection(kpi.title),
    source: 'KOLADA',
    sourceKey: { source: 'KOLADA', kpi: kpi.id, gender: gender.key },
  }));
}

/**
 * Loads Kolada's key figures (a `/kpi` answer) into the official catalogue, so that their
 * values import and can be searched and compared. The product's own entries for a key
 * figure are kept as they are; others are added or brought up to date by code. Runs in
 * the caller's transaction; with `dryRun` it counts and writes nothing.
 */
export async function loadKoladaCatalogue(
  manager: EntityManager,
  kpis: readonly KoladaKpi[],
  { dryRun }: { dryRun: boolean },
): Promise<CatalogueLoad> {
  const curatedKpis = new Set(
    OFFICIAL_INDICATORS.flatMap((definition) =>
      definition.sourceKey?.source === 'KOLADA' ? [definition.sourceKey.kpi] : [],
    ),
  );
  const load: CatalogueLoad = { added: 0, updated: 0, unchanged: 0, curated: 0 };
  for (const kpi of kpis) {
    if (curatedKpis.has(kpi.id)) {
      load.curated++;
      continue;
    }
    for (const definition of koladaDefinitions(kpi)) {
      const values = [
        definition.code,
        definition.theme,
        definition.nameSv,
        definition.nameEn,
        definition.descriptionSv,
        definition.descriptionEn,
        definition.unit,
        definition.periodicity,
        definition.direction,
        JSON.stringify(definition.sourceKey),
      ];
      const [existing] = await manager.query(
        `SELECT (theme, name_sv, name_en, description_sv, description_en, unit, periodicity, direction, source_key)
                IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) AS same
           FROM indicator WHERE collaboration_id IS NULL AND code = $1`,
        values,
      );
      if (existing?.same) {
        load.unchanged++;
        continue;
      }
      if (existing) load.updated++;
      else load.added++;
      if (dryRun) continue;
      await manager.query(
        `INSERT INTO indicator (code, theme, name_sv, name_en, description_sv, description_en, unit, periodicity,
                                direction, source, kind, source_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'KOLADA', 'MEASURED', $10::jsonb)
         ON CONFLICT ON CONSTRAINT indicator_code_unique DO UPDATE SET
           theme = EXCLUDED.theme, name_sv = EXCLUDED.name_sv, name_en = EXCLUDED.name_en,
           description_sv = EXCLUDED.description_sv, description_en = EXCLUDED.description_en,
           unit = EXCLUDED.unit, periodicity = EXCLUDED.periodicity, direction = EXCLUDED.direction,
           source_key = EXCLUDED.source_key, updated_at = now()`,
        values,
      );
    }
  }
  return load;
}
