import type { EntityManager } from 'typeorm';

/**
 * Demo local indicators: the figures no one publishes, entered by hand per municipality
 * (domain brief: participants in job tracks, work training, step training; outcomes).
 * Fixed ids keep the seed idempotent.
 */
const LOCAL = [
  ['jobbspar.deltagare', 'Deltagare i jobbspår', 'Participants in job tracks'],
  ['arbetstraning.deltagare', 'Deltagare i arbetsträning', 'Participants in work training'],
  ['trappsteg.deltagare', 'Deltagare i trappstegsutbildning', 'Participants in step-by-step training'],
  ['utfall.anstallning', 'Gått till anställning', 'Went to employment'],
  [
    'utfall.anstallning.privat',
    'Gått till anställning, varav privat sektor',
    'Went to employment, of which private sector',
  ],
] as const;

export const DEMO_LOCAL_INDICATOR_COLLABORATIONS = {
  '10000000-0000-4000-8000-000000000001': '50010000-0000-4000-8000-00000000000',
  '10000000-0000-4000-8000-000000000002': '50020000-0000-4000-8000-00000000000',
} as const;

export async function seedDemoLocalIndicators(manager: EntityManager): Promise<void> {
  for (const [collaborationId, idPrefix] of Object.entries(DEMO_LOCAL_INDICATOR_COLLABORATIONS)) {
    for (const [i, [code, nameSv, nameEn]] of LOCAL.entries()) {
      await manager.query(
        `INSERT INTO indicator (id, collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
         VALUES ($1, $2, $3, 'local', $4, $5, 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED')
         ON CONFLICT DO NOTHING`,
        [`${idPrefix}${i + 1}`, collaborationId, code, nameSv, nameEn],
      );
    }
  }
}
