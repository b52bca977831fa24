import type { EntityManager } from 'typeorm';
import {
  DEMO_COLLABORATION_IDS as C,
  DEMO_GROUP_IDS as G,
  DEMO_ORGANIZATION_IDS as O,
} from '@kraftsamling/api/core/database';
import { addPeriods, periodOfDate } from '@kraftsamling/shared/periods';
import { readBaselines } from './baselines';

const FH_GOAL = '40010000-0000-4000-8000-000000000001';
const SANDVIKEN_GOAL = '40020000-0000-4000-8000-000000000001';

/**
 * The demo's September baseline, as the synthetic statistics tell their story: the latest
 * September that lies at least 9 months before the last complete month (tools/demo-data
 * `goalBaseline`), so "now" is well into the two-year goal.
 */
export function demoBaselinePeriod(today: Date): string {
  const lastMonth = addPeriods(periodOfDate(today, 'MONTH'), -1);
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return `${month >= 6 ? year - 1 : year - 2}-09`;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * Demo goals: Familjen Helsingborg's "halve the unemployed foreign-born women from each
 * member's September figure within two years" and a level goal for Sandviken, with a few
 * check-ins and decisions. Idempotent (fixed ids, existing rows left alone). Baselines are
 * frozen from the imported statistics the first time they are there: `npm start` seeds
 * before it imports the demo statistics and seeds again after.
 */
export async function seedDemoGoals(manager: EntityManager, today = new Date()): Promise<{ frozen: number }> {
  const baseline = demoBaselinePeriod(today);
  const target = addPeriods(baseline, 24);
  const goals = [
    {
      id: FH_GOAL,
      collaborationId: C.familjenHelsingborg,
      title: 'Halvera arbetslösheten bland utrikes födda kvinnor',
      description:
        'Styrgruppen beslutade att Arbetsförmedlingens siffror för varje kommun från september är utgångsläget, och att de ska halveras inom två år.',
      targetGroup: 'Utrikes födda kvinnor',
      indicator: 'af.bas.utrk.unemployed',
      baseline,
      target,
      kind: 'RELATIVE_CHANGE',
      value: -0.5,
      levelDirection: null,
      levelScope: null,
      groups: [G.fhLabourMarket, G.fhMigration],
    },
    {
      id: SANDVIKEN_GOAL,
      collaborationId: C.sandviken,
      title: 'Arbetslösheten bland utrikes födda kvinnor under 15 procent',
      description:
        'Nästa steg: andelen inskrivna arbetslösa bland utrikes födda kvinnor ska under 15 procent.',
      targetGroup: 'Utrikes födda kvinnor',
      indicator: 'af.bas.utrk.unemployment_share',
      baseline,
      target,
      kind: 'LEVEL',
      value: 15,
      levelDirection: 'AT_MOST',
      levelScope: 'BOTH',
      groups: [G.sandvikenNextStep],
    },
  ];

  let frozen = 0;
  for (const goal of goals) {
    const inserted = await manager.query(
      `INSERT INTO goal (id, collaboration_id, title, description, target_group, indicator_id, baseline_period, target_period,
                         target_kind, target_value, level_direction, level_scope, status, activated_at)
       SELECT $1, $2, $3, $4, $5, i.id, $7, $8, $9, $10, $11, $12, 'ACTIVE', now()
         FROM indicator i WHERE i.code = $6 AND i.collaboration_id IS NULL
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        goal.id,
        goal.collaborationId,
        goal.title,
        goal.description,
        goal.targetGroup,
        goal.indicator,
        goal.baseline,
        goal.target,
        goal.kind,
        goal.value,
        goal.levelDirection,
        goal.levelScope,
      ],
    );
    if (inserted.length) {
      await manager.query(
        `INSERT INTO goal_member (goal_id, collaboration_id, area_code)
         SELECT $1, $2, o.municipality_code FROM organization o WHERE o.collaboration_id = $2 AND o.municipality_code IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [goal.id, goal.collaborationId],
      );
      for (const groupId of goal.groups) {
        await manager.query(
          `INSERT INTO goal_group (goal_id, collaboration_id, group_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [goal.id, goal.collaborationId, groupId],
        );
      }
    }
    frozen += await freezeMissingBaselines(manager, goal.id);
  }

  const checkIns = [
    [
      FH_GOAL,
      C.familjenHelsingborg,
      isoDate(daysFrom(today, -70)),
      'ON_TRACK',
      'De flesta kommuner följer planen.',
      'Fortsätt med jobbspåren.',
    ],
    [
      FH_GOAL,
      C.familjenHelsingborg,
      isoDate(daysFrom(today, -14)),
      'AT_RISK',
      'Tre kommuner ligger efter.',
      'Operativa gruppen arbetsmarknad tar fram förslag till nästa möte.',
    ],
    [
      SANDVIKEN_GOAL,
      C.sandviken,
      isoDate(daysFrom(today, -30)),
      'ON_TRACK',
      'Andelen sjunker sakta.',
      'Fler platser i arbetsträning.',
    ],
  ];
  for (const [i, [goalId, collaborationId, heldOn, assessment, comment, nextSteps]] of checkIns.entries()) {
    await manager.query(
      `INSERT INTO goal_check_in (id, goal_id, collaboration_id, held_on, assessment, comment, next_steps)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [
        `41000000-0000-4000-8000-00000000000${i + 1}`,
        goalId,
        collaborationId,
        heldOn,
        assessment,
        comment,
        nextSteps,
      ],
    );
  }

  const decisions = [
    [
      C.familjenHelsingborg,
      G.fhSteering,
      'Arbetsförmedlingen tar fram nya siffror för varje kommun från september',
      isoDate(daysFrom(today, -400)),
      isoDate(daysFrom(today, -370)),
      'DONE',
      O.fhEmploymentAgency,
      FH_GOAL,
    ],
    [
      C.familjenHelsingborg,
      G.fhSteering,
      'Resultaten följs upp och kommuniceras vid varje styrgruppsmöte',
      isoDate(daysFrom(today, -380)),
      null,
      'IN_PROGRESS',
      null,
      FH_GOAL,
    ],
    [
      C.familjenHelsingborg,
      G.fhSteering,
      'Operativa gruppen arbetsmarknad föreslår två nya jobbspår',
      isoDate(daysFrom(today, -60)),
      isoDate(daysFrom(today, -10)),
      'OPEN',
      null,
      FH_GOAL,
    ],
    [
      C.sandviken,
      G.sandvikenSteering,
      'Trappstegsutbildningen utökas med en grupp till våren',
      isoDate(daysFrom(today, -45)),
      isoDate(daysFrom(today, 60)),
      'OPEN',
      O.sandvikenEmploymentAgency,
      SANDVIKEN_GOAL,
    ],
  ];
  for (const [
    i,
    [collaborationId, groupId, title, decidedOn, dueOn, status, ownerOrg, goalId],
  ] of decisions.entries()) {
    await manager.query(
      `INSERT INTO decision (id, collaboration_id, group_id, title, decided_on, due_on, status, owner_organization_id, goal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [
        `42000000-0000-4000-8000-00000000000${i + 1}`,
        collaborationId,
        groupId,
        title,
        decidedOn,
        dueOn,
        status,
        ownerOrg,
        goalId,
      ],
    );
  }
  return { frozen };
}

/** Freezes the baselines of a demo goal's members that have none yet, once values exist. */
async function freezeMissingBaselines(manager: EntityManager, goalId: string): Promise<number> {
  const [goal] = await manager.query(
    `SELECT g.collaboration_id AS "collaborationId", g.baseline_period AS "baselinePeriod", i.id, i.kind,
            i.numerator_id AS "numeratorId", i.denominator_id AS "denominatorId", i.factor::float8 AS factor
       FROM goal g JOIN indicator i ON i.id = g.indicator_id WHERE g.id = $1`,
    [goalId],
  );
  if (!goal) return 0;
  const pending: { areaCode: string }[] = await manager.query(
    `SELECT area_code AS "areaCode" FROM goal_member WHERE goal_id = $1 AND baseline_frozen_at IS NULL`,
    [goalId],
  );
  if (!pending.length) return 0;
  const readings = await readBaselines(
    manager,
    goal,
    goal.baselinePeriod,
    pending.map((p) => p.areaCode),
  );
  // Until the statistics are imported there is nothing to freeze: leave the baselines open.
  if (![...readings.values()].some((reading) => reading.value !== null)) return 0;
  for (const reading of readings.values()) {
    await manager.query(
      `UPDATE goal_member SET baseline_period = $3, baseline_value = $4, baseline_lower_bound = $5, baseline_upper_bound = $6,
              baseline_numerator = $7, baseline_denominator = $8, baseline_batch_id = $9, baseline_published_at = $10,
              baseline_preliminary = $11, baseline_frozen_at = now()
        WHERE goal_id = $1 AND area_code = $2`,
      [
        goalId,
        reading.areaCode,
        goal.baselinePeriod,
        reading.value,
        reading.lowerBound,
        reading.upperBound,
        reading.numerator,
        reading.denominator,
        reading.batchId,
        reading.publishedAt,
        reading.preliminary,
      ],
    );
    await manager.query(
      `INSERT INTO goal_baseline_change (goal_id, collaboration_id, area_code, kind, new_value, new_lower_bound,
                                         new_baseline_period, reason)
       VALUES ($1, $2, $3, 'FROZEN', $4, $5, $6, NULL)`,
      [
        goalId,
        goal.collaborationId,
        reading.areaCode,
        reading.value,
        reading.lowerBound,
        goal.baselinePeriod,
      ],
    );
  }
  return readings.size;
}
