import type { EntityManager } from 'typeorm';
import {
  DEMO_COLLABORATION_IDS as C,
  DEMO_GROUP_IDS as G,
  DEMO_USERS,
  fhMunicipalityOrgId,
  sandvikenMunicipalityOrgId,
} from '@kraftsamling/api/core/database';
import { addPeriods, periodOfDate } from '@kraftsamling/shared/periods';
import { ActionIndicatorFeed } from './indicator-feed';
import { monthOfOutcomePeriod, type OutcomeCounts } from './outcome-rules';

/** The demo goals of libs/api/goals/src/demo-goals.seed.ts (seeded before the actions). */
const FH_GOAL = '40010000-0000-4000-8000-000000000001';
const SANDVIKEN_GOAL = '40020000-0000-4000-8000-000000000001';
const user = (username: string) => DEMO_USERS.find((u) => u.username === username)!.id;
const actionId = (n: number) => `60010000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const updateId = (n: number) => `61010000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small deterministic generator (mulberry32): the same demo every time, no Math.random. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` over slots in proportion to `weights`, each at most its cap (largest remainder). */
export function apportion(total: number, weights: number[], caps: number[] = weights.map(() => Infinity)) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w, i) => Math.min(caps[i]!, Math.floor(sum ? (total * w) / sum : 0)));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rest: sum ? (total * w) / sum - Math.floor((total * w) / sum) : 0 }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  while (left > 0) {
    const before = left;
    for (const { i } of order) {
      if (left > 0 && shares[i]! < caps[i]!) {
        shares[i]!++;
        left--;
      }
    }
    if (left === before) throw new Error(`cannot apportion ${total}: the caps are too small`);
  }
  return shares;
}

interface DemoAction {
  n: number;
  collaborationId: string;
  groupId: string;
  title: string;
  description: string;
  type: string;
  targetGroups: string[];
  municipalities: string[];
  lead: string | null;
  contact: string;
  partners: string[];
  /** months before the current one it started; null: not started */
  startMonthsAgo: number | null;
  /** months before the current one it ended (or ends, negative) */
  endMonthsAgo: number | null;
  status: string;
  planned: number | null;
  goals: string[];
  /** typical participants per municipality and month */
  size: number;
}

const FH = C.familjenHelsingborg;
const FH_ACTIONS: DemoAction[] = [
  {
    n: 1,
    collaborationId: FH,
    groupId: G.fhLabourMarket,
    title: 'Jobbspår lager och logistik',
    description: 'Truckkort, lagerarbete och praktik hos logistikföretag, med språkstöd på arbetsplatsen.',
    type: 'JOB_TRACK',
    targetGroups: ['Utrikes födda kvinnor', 'Långtidsarbetslösa'],
    municipalities: ['1283', '1282', '1260'],
    lead: fhMunicipalityOrgId('1283'),
    contact: user('arbetsmarknad'),
    partners: ['Arbetsförmedlingen', 'Logistikföretag i regionen'],
    startMonthsAgo: 17,
    endMonthsAgo: -6,
    status: 'ONGOING',
    planned: 120,
    goals: [FH_GOAL],
    size: 9,
  },
  {
    n: 2,
    collaborationId: FH,
    groupId: G.fhLabourMarket,
    title: 'Arbetsträning i kommunal verksamhet',
    description: 'Arbetsträning i kök, lokalvård och park med handledare, som steg mot anställning.',
    type: 'WORK_TRAINING',
    targetGroups: ['Långtidsarbetslösa', 'Utrikes födda kvinnor'],
    municipalities: ['1283', '1292', '1277'],
    lead: fhMunicipalityOrgId('1292'),
    contact: user('arbetsmarknad'),
    partners: ['Arbetsförmedlingen'],
    startMonthsAgo: 16,
    endMonthsAgo: null,
    status: 'ONGOING',
    planned: 90,
    goals: [FH_GOAL],
    size: 7,
  },
  {
    n: 3,
    collaborationId: FH,
    groupId: G.fhLabourMarket,
    title: 'Rekryteringsmässa Nordvästra Skåne',
    description: 'En dag där arbetsgivare med rekryteringsbehov möter arbetssökande från alla kommuner.',
    type: 'RECRUITMENT_FAIR',
    targetGroups: ['Alla arbetssökande'],
    municipalities: ['1283', '1282', '1284', '1292'],
    lead: null,
    contact: user('arbetsmarknad'),
    partners: ['Arbetsförmedlingen', 'Näringslivsorganisationer'],
    startMonthsAgo: 6,
    endMonthsAgo: 6,
    status: 'COMPLETED',
    planned: 400,
    goals: [],
    size: 0,
  },
  {
    n: 4,
    collaborationId: FH,
    groupId: G.fhLabourMarket,
    title: 'Jobbspår vård och omsorg',
    description: 'Vårdbiträdesutbildning med praktik i äldreomsorgen och anställning efter avslutat spår.',
    type: 'JOB_TRACK',
    targetGroups: ['Utrikes födda kvinnor'],
    municipalities: ['1283', '1276', '1214'],
    lead: fhMunicipalityOrgId('1276'),
    contact: user('arbetsmarknad'),
    partners: ['Vård- och omsorgscollege'],
    startMonthsAgo: 10,
    endMonthsAgo: -8,
    status: 'ONGOING',
    planned: 60,
    goals: [FH_GOAL],
    size: 5,
  },
  {
    n: 5,
    collaborationId: FH,
    groupId: G.fhAdultEducation,
    title: 'Yrkessfi barnskötare',
    description: 'Barnskötarutbildning kombinerad med svenska för invandrare, med praktik på förskola.',
    type: 'VOCATIONAL_SFI',
    targetGroups: ['Utrikes födda kvinnor', 'Nyanlända'],
    municipalities: ['1283', '1282'],
    lead: fhMunicipalityOrgId('1282'),
    contact: user('samordnare'),
    partners: ['Vuxenutbildningen'],
    startMonthsAgo: 15,
    endMonthsAgo: -3,
    status: 'ONGOING',
    planned: 48,
    goals: [FH_GOAL],
    size: 8,
  },
  {
    n: 6,
    collaborationId: FH,
    groupId: G.fhAdultEducation,
    title: 'Yrkessfi lastbilsförare',
    description: 'Yrkesförarutbildning med sfi på yrkesspråk, i samarbete med åkerier.',
    type: 'VOCATIONAL_SFI',
    targetGroups: ['Nyanlända', 'Unga 18–24'],
    municipalities: ['1260', '1277', '1276'],
    lead: fhMunicipalityOrgId('1260'),
    contact: user('samordnare'),
    partners: ['Åkerier i regionen'],
    startMonthsAgo: 8,
    endMonthsAgo: -10,
    status: 'ONGOING',
    planned: 30,
    goals: [],
    size: 4,
  },
  {
    n: 7,
    collaborationId: FH,
    groupId: G.fhMigration,
    title: 'Kartläggning av nyanländas kompetenser',
    description: 'Gemensam kartläggning av utbildning och yrkeserfarenhet, som grund för val av spår.',
    type: 'MAPPING',
    targetGroups: ['Nyanlända'],
    municipalities: ['1283', '1282', '1292'],
    lead: null,
    contact: user('samordnare'),
    partners: ['Arbetsförmedlingen'],
    startMonthsAgo: 14,
    endMonthsAgo: 9,
    status: 'COMPLETED',
    planned: 150,
    goals: [FH_GOAL],
    size: 10,
  },
  {
    n: 8,
    collaborationId: FH,
    groupId: G.fhMigration,
    title: 'Introduktionsjobb inom restaurang',
    description: 'Introduktionsjobb i restaurang och storkök med handledning och yrkessvenska.',
    type: 'INTRODUCTION_JOB',
    targetGroups: ['Nyanlända', 'Utrikes födda kvinnor'],
    municipalities: ['1283', '1284'],
    lead: fhMunicipalityOrgId('1284'),
    contact: user('samordnare'),
    partners: ['Restauranger i regionen'],
    startMonthsAgo: 12,
    endMonthsAgo: null,
    status: 'ONGOING',
    planned: 40,
    goals: [FH_GOAL],
    size: 3,
  },
  {
    n: 9,
    collaborationId: FH,
    groupId: G.fhMigration,
    title: 'Workshop: vägar till eget företag',
    description: 'Workshopserie om att starta eget, med nyföretagarcentrum.',
    type: 'WORKSHOP',
    targetGroups: ['Nyanlända'],
    municipalities: ['1283'],
    lead: null,
    contact: user('samordnare'),
    partners: ['Nyföretagarcentrum'],
    startMonthsAgo: -2,
    endMonthsAgo: -4,
    status: 'PLANNED',
    planned: 25,
    goals: [],
    size: 0,
  },
];

const SANDVIKEN_AREA = '2181';
/**
 * Sandviken's "Nästa steg" (domain brief): 330 participations from week 1 of 2022 to week
 * 42 of 2023, 159 of them to employment, 43 in the private sector; 72 in step-by-step
 * training, 59 in job and vocational tracks, 77 in work training (the rest in introduction
 * and subsidised jobs). Reported by ISO week.
 */
const SANDVIKEN_ACTIONS = [
  ['Trappstegsutbildning', 'STEP_TRAINING', 72, 20, 4],
  ['Branschnära jobb- och yrkesspår', 'JOB_TRACK', 59, 38, 15],
  ['Arbetsträning', 'WORK_TRAINING', 77, 31, 8],
  ['Introduktionsjobb', 'INTRODUCTION_JOB', 70, 42, 9],
  ['Extratjänster och subventionerade anställningar', 'SUBSIDISED_JOB', 52, 28, 7],
] as const;
const SANDVIKEN_FIRST_WEEK = '2022-W01';
const SANDVIKEN_LAST_WEEK = '2023-W42';

type Outcome = { actionId: string; area: string; period: string } & OutcomeCounts;

function monthlyOutcomes(action: DemoAction, thisMonth: string): Outcome[] {
  if (action.startMonthsAgo === null || action.startMonthsAgo < 1) return [];
  const rng = random(action.n * 7919);
  const rows: Outcome[] = [];
  const firstAgo = Math.min(action.startMonthsAgo, 18);
  const lastAgo = Math.max(1, action.endMonthsAgo ?? 1);
  for (const area of action.municipalities) {
    const scale = area === '1283' ? 2 : 1; // Helsingborg is the largest member
    let carried = 0; // participants who continue into the next month
    for (let ago = firstAgo; ago >= lastAgo; ago--) {
      const period = addPeriods(thisMonth, -ago);
      if (action.type === 'RECRUITMENT_FAIR') {
        // One day: everyone who came took part and completed it; a few were hired.
        const participants = Math.round((area === '1283' ? 140 : 45) * (0.8 + 0.4 * rng()));
        const employed = Math.round(participants * 0.08);
        rows.push({
          actionId: actionId(action.n),
          area,
          period,
          participants,
          started: participants,
          completed: participants,
          employed,
          employedPrivate: Math.round(employed * 0.8),
          studies: Math.round(participants * 0.02),
          otherOutcome: 0,
        });
        continue;
      }
      const started =
        ago === lastAgo && action.endMonthsAgo === lastAgo
          ? 0
          : Math.round(action.size * scale * (0.5 + rng()));
      const participants = carried + started;
      if (participants === 0) continue;
      // Roughly a fifth finish each month, all of them in an action's last month.
      const completed =
        ago === lastAgo && action.endMonthsAgo === lastAgo
          ? participants
          : Math.floor(participants * (0.12 + 0.15 * rng()));
      const employed = Math.floor(completed * (0.3 + 0.25 * rng()));
      const employedPrivate = Math.floor(employed * (0.5 + 0.3 * rng()));
      const studies = Math.floor((completed - employed) * 0.3 * rng());
      const otherOutcome = Math.floor((completed - employed - studies) * 0.4 * rng());
      rows.push({
        actionId: actionId(action.n),
        area,
        period,
        participants,
        started,
        completed,
        employed,
        employedPrivate,
        studies,
        otherOutcome,
      });
      carried = participants - completed;
    }
  }
  return rows;
}

function weeklyOutcomes(): { actions: DemoAction[]; outcomes: Outcome[] } {
  const weeks: string[] = [];
  for (let week = SANDVIKEN_FIRST_WEEK; ; week = addPeriods(week, 1)) {
    weeks.push(week);
    if (week === SANDVIKEN_LAST_WEEK) break;
  }
  const actions: DemoAction[] = [];
  const outcomes: Outcome[] = [];
  SANDVIKEN_ACTIONS.forEach(([title, type, participants, employed, employedPrivate], i) => {
    const n = 101 + i;
    actions.push({
      n,
      collaborationId: C.sandviken,
      groupId: G.sandvikenNextStep,
      title,
      description: 'Del av Nästa steg, Sandvikens kommun och Arbetsförmedlingen tillsammans.',
      type,
      targetGroups: ['Utrikes födda kvinnor'],
      municipalities: [SANDVIKEN_AREA],
      lead: sandvikenMunicipalityOrgId(SANDVIKEN_AREA),
      contact: user('sandviken'),
      partners: ['Arbetsförmedlingen', 'LOK-center'],
      startMonthsAgo: null,
      endMonthsAgo: null,
      status: 'ONGOING',
      planned: participants + 10,
      goals: [SANDVIKEN_GOAL],
      size: 0,
    });
    const rng = random(n * 104729);
    // Intakes come in waves: each week's count is the participations that began that week.
    const weights = weeks.map(() => (rng() < 0.55 ? 0 : 1 + Math.floor(3 * rng())));
    const perWeek = apportion(participants, weights);
    const employedPerWeek = apportion(employed, perWeek, perWeek);
    const privatePerWeek = apportion(employedPrivate, employedPerWeek, employedPerWeek);
    const completedPerWeek = perWeek.map((p, w) => Math.max(employedPerWeek[w]!, Math.round(p * 0.8)));
    weeks.forEach((period, w) => {
      if (!perWeek[w]) return;
      const rest = completedPerWeek[w]! - employedPerWeek[w]!;
      outcomes.push({
        actionId: actionId(n),
        area: SANDVIKEN_AREA,
        period,
        participants: perWeek[w]!,
        started: perWeek[w]!,
        completed: completedPerWeek[w]!,
        employed: employedPerWeek[w]!,
        employedPrivate: privatePerWeek[w]!,
        studies: Math.floor(rest / 2),
        otherOutcome: rest - Math.floor(rest / 2),
      });
    });
  });
  return { actions, outcomes };
}

const UPDATES: [number, number, string, string | null, string | null, string][] = [
  // action, days ago, text, status change, confidence, author
  [
    1,
    120,
    'Första gruppen har tagit truckkort; sex har fått sommarjobb på lagret.',
    null,
    'ON_TRACK',
    'arbetsmarknad',
  ],
  [
    1,
    20,
    'Två arbetsgivare har lovat platser i höst. Bjuv behöver fler sökande.',
    null,
    'ON_TRACK',
    'arbetsmarknad',
  ],
  [
    2,
    90,
    'Handledarna i Ängelholm är överbelastade; vi söker fler platser.',
    null,
    'AT_RISK',
    'arbetsmarknad',
  ],
  [2, 12, 'Nya handledare i park och kök. Kön har kortats.', null, 'ON_TRACK', 'arbetsmarknad'],
  [
    3,
    180,
    'Mässan genomförd med 42 arbetsgivare. Uppföljning av anställningar pågår.',
    'COMPLETED',
    'ON_TRACK',
    'arbetsmarknad',
  ],
  [
    4,
    45,
    'Praktikplatserna räcker inte till alla; diskussion med äldreomsorgen.',
    null,
    'AT_RISK',
    'arbetsmarknad',
  ],
  [5, 60, 'Hög närvaro; fem har fått timanställning på förskola.', null, 'ON_TRACK', 'samordnare'],
  [6, 30, 'Körkortsteorin tar längre tid än planerat.', null, 'OFF_TRACK', 'samordnare'],
  [7, 270, 'Kartläggningen klar; rapporten går till styrgruppen.', 'COMPLETED', 'ON_TRACK', 'samordnare'],
  [8, 40, 'Tre restauranger har anställt efter introduktionsjobbet.', null, 'ON_TRACK', 'samordnare'],
  [
    101,
    400,
    'Trappstegen fungerar; fler än väntat går vidare till arbetsträning.',
    null,
    'ON_TRACK',
    'sandviken',
  ],
  [102, 380, 'Städspåret valideras mot branschcertifikat.', null, 'ON_TRACK', 'sandviken'],
];

/**
 * Demo actions, outcomes and progress updates: Familjen Helsingborg's three operational
 * groups (monthly outcomes over the last 18 months) and Sandviken's Nästa steg (weekly
 * outcomes with the brief's totals). Idempotent: fixed ids, existing rows left alone; the
 * local indicators the outcomes feed are summed again (a no-op when nothing changed).
 */
export async function seedDemoActions(
  manager: EntityManager,
  today = new Date(),
): Promise<{ actions: number; outcomes: number }> {
  const thisMonth = periodOfDate(today, 'MONTH');
  await manager.query(`UPDATE collaboration SET outcome_period_kind = 'WEEK' WHERE id = $1`, [C.sandviken]);
  const sandviken = weeklyOutcomes();
  const actions = [...FH_ACTIONS, ...sandviken.actions];
  const outcomes = [
    ...FH_ACTIONS.flatMap((action) => monthlyOutcomes(action, thisMonth)),
    ...sandviken.outcomes,
  ];
  const firstOfMonthsAgo = (ago: number | null) =>
    ago === null ? null : `${addPeriods(thisMonth, -ago)}-01`;
  const lastDayOfMonthsAgo = (ago: number | null) => {
    if (ago === null) return null;
    const [year, month] = addPeriods(thisMonth, -ago).split('-').map(Number) as [number, number];
    // Day 0 of the next month is the last day of this one.
    return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  };
  const typeIds = new Map<string, string>(
    (await manager.query(`SELECT code, id FROM action_type WHERE collaboration_id IS NULL`)).map(
      (row: { code: string; id: string }) => [row.code, row.id],
    ),
  );

  let inserted = 0;
  for (const action of actions) {
    const rows = await manager.query(
      `INSERT INTO action (id, collaboration_id, group_id, title, description, type_id, target_groups, lead_organization_id,
                           contact_user_id, partner_organizations, start_on, end_on, status, planned_participants, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $9)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        actionId(action.n),
        action.collaborationId,
        action.groupId,
        action.title,
        action.description,
        typeIds.get(action.type),
        action.targetGroups,
        action.lead,
        action.contact,
        action.partners,
        action.collaborationId === C.sandviken ? '2022-01-03' : firstOfMonthsAgo(action.startMonthsAgo),
        action.collaborationId === C.sandviken ? '2023-10-22' : lastDayOfMonthsAgo(action.endMonthsAgo),
        action.status,
        action.planned,
      ],
    );
    if (!rows.length) continue;
    inserted++;
    await manager.query(
      `INSERT INTO action_municipality (action_id, collaboration_id, municipality_code)
       SELECT $1, $2, unnest($3::char(4)[]) ON CONFLICT DO NOTHING`,
      [actionId(action.n), action.collaborationId, action.municipalities],
    );
    await manager.query(
      `INSERT INTO action_goal (action_id, collaboration_id, goal_id)
       SELECT $1, $2, g.id FROM goal g WHERE g.id = ANY($3::uuid[]) AND g.collaboration_id = $2 ON CONFLICT DO NOTHING`,
      [actionId(action.n), action.collaborationId, action.goals],
    );
  }

  const collaborationOf = new Map(actions.map((action) => [actionId(action.n), action.collaborationId]));
  const written = await manager.query(
    `INSERT INTO action_outcome (action_id, collaboration_id, municipality_code, period, month, participants, started,
                                 completed, employed, employed_private, studies, other_outcome, recorded_by, recorded_at)
     SELECT r.action_id, r.collaboration_id, r.area, r.period, r.month, r.participants, r.started, r.completed,
            r.employed, r.employed_private, r.studies, r.other_outcome, a.contact_user_id, a.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::char(4)[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[],
                   $9::int[], $10::int[], $11::int[], $12::int[])
         AS r(action_id, collaboration_id, area, period, month, participants, started, completed, employed,
              employed_private, studies, other_outcome)
       JOIN action a ON a.id = r.action_id
     ON CONFLICT DO NOTHING RETURNING 1`,
    [
      outcomes.map((o) => o.actionId),
      outcomes.map((o) => collaborationOf.get(o.actionId)),
      outcomes.map((o) => o.area),
      outcomes.map((o) => o.period),
      outcomes.map((o) => monthOfOutcomePeriod(o.period)),
      outcomes.map((o) => o.participants),
      outcomes.map((o) => o.started),
      outcomes.map((o) => o.completed),
      outcomes.map((o) => o.employed),
      outcomes.map((o) => o.employedPrivate),
      outcomes.map((o) => o.studies),
      outcomes.map((o) => o.otherOutcome),
    ],
  );

  for (const [i, [n, daysAgo, text, statusChange, confidence, author]] of UPDATES.entries()) {
    const at = new Date(today.getTime() - daysAgo * 86_400_000);
    await manager.query(
      `INSERT INTO action_update (id, action_id, collaboration_id, happened_on, text, author_id, status_change, confidence, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [
        updateId(i + 1),
        actionId(n),
        collaborationOf.get(actionId(n)),
        at.toISOString().slice(0, 10),
        text,
        user(author),
        statusChange,
        confidence,
        at,
      ],
    );
  }
  await manager.query(
    `UPDATE action a SET last_activity_at = greatest(
        (SELECT max(created_at) FROM action_update u WHERE u.action_id = a.id),
        (SELECT max(recorded_at) FROM action_outcome o WHERE o.action_id = a.id), a.created_at)
      WHERE a.id = ANY($1)`,
    [actions.map((action) => actionId(action.n))],
  );

  // The local indicators the outcomes feed, per collaboration.
  const feed = new ActionIndicatorFeed();
  for (const collaborationId of [FH, C.sandviken]) {
    const mine = outcomes.filter((o) => collaborationOf.get(o.actionId) === collaborationId);
    const types = actions
      .filter((action) => action.collaborationId === collaborationId)
      .map((action) => typeIds.get(action.type)!);
    await feed.refresh(
      manager,
      collaborationId,
      { userId: null },
      {
        typeIds: [...new Set(types)],
        municipalityCodes: [...new Set(mine.map((o) => o.area))],
        months: [...new Set(mine.map((o) => monthOfOutcomePeriod(o.period)))],
      },
    );
  }
  return { actions: inserted, outcomes: written.length };
}
