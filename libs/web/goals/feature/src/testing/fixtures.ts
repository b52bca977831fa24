import type { Provider } from '@angular/core';
import { MeStore, type CollaborationDetail } from '@kraftsamling/web/collaborations/data-access';
import type {
  GoalDecision,
  GoalDetail,
  GoalRecords,
  GoalSummary,
  MemberProgress,
} from '@kraftsamling/web/goals/data-access';
import type { Indicator } from '@kraftsamling/web/indicators/data-access';

// Fictional test data. The municipality names and codes are the public SCB ones; every
// figure is invented and worked out by hand (docs: metrics, "a member halving from
// September 2025 by September 2027"): B = 240, T = 120, N = 24; in September 2026 m = 12,
// E = 180; with A = 200 the gap is (200 − 180) / (120 − 240) = −0.167: at risk.

export const VIEWER_PERMISSIONS = ['collaboration:read', 'member:read', 'indicator:read', 'goal:read'];
export const STEERING_PERMISSIONS = [...VIEWER_PERMISSIONS, 'audit:read', 'goal:manage', 'decision:manage'];

export function collaboration(permissions: string[] = VIEWER_PERMISSIONS): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: null,
    version: 1,
    myRoles: permissions.includes('goal:manage') ? ['STEERING_MEMBER'] : ['VIEWER'],
    myPermissions: permissions,
    organizations: [
      ['1283', 'Helsingborg'],
      ['1282', 'Landskrona'],
      ['1275', 'Perstorp'],
    ].map(([code, name]) => ({
      id: `m-${code}`,
      collaborationId: 'c1',
      kind: 'MUNICIPALITY' as const,
      name: name!,
      properName: `${name} kommun`,
      municipalityCode: code!,
      version: 1,
    })),
    groups: [
      {
        id: 'g-steering',
        collaborationId: 'c1',
        kind: 'STEERING',
        name: 'Styrgrupp',
        focusArea: null,
        version: 1,
        viewerCanRecordDecisions: false,
        members: [],
      },
      {
        id: 'g-labour',
        collaborationId: 'c1',
        kind: 'OPERATIONAL',
        name: 'Arbetsmarknad',
        focusArea: null,
        version: 1,
        viewerCanRecordDecisions: false,
        members: [],
      },
      {
        id: 'g-migration',
        collaborationId: 'c1',
        kind: 'OPERATIONAL',
        name: 'Migration och etablering',
        focusArea: null,
        version: 1,
        viewerCanRecordDecisions: false,
        members: [],
      },
    ],
  };
}

export function meStore(): Provider {
  const me = { id: 'u-1', name: 'Testperson', isPlatformAdmin: false, platformPermissions: [], access: [] };
  return {
    provide: MeStore,
    useValue: { load: async () => me, me: () => me, canOnPlatform: () => false, access: () => [] },
  };
}

export const UNEMPLOYED: Indicator = {
  id: 'i-1',
  code: 'af.bas.utrk.unemployed',
  theme: 'unemployment-bas',
  nameSv: 'Inskrivna arbetslösa, utrikes födda kvinnor',
  nameEn: 'Registered unemployed, foreign-born women',
  descriptionSv: null,
  descriptionEn: null,
  unit: 'COUNT',
  periodicity: 'MONTH',
  direction: 'LOWER_IS_BETTER',
  source: 'AF',
  kind: 'MEASURED',
  collaborationId: null,
  numeratorCode: null,
  denominatorCode: null,
  factor: null,
  version: 1,
  supersededByCode: null,
  supersedesCode: null,
  coverage: 0,
  lastPeriod: null,
  lastImportedAt: null,
  lastFetchedAt: null,
  sourceSubject: null,
  sourceUrl: null,
};

const exact = (value: number) => ({ value, low: value, high: value });
const range = (low: number, high: number) => ({ value: null, low, high });

/** September 2025 to September 2026: 13 months. */
export const PERIODS = Array.from({ length: 13 }, (_, i) => {
  const month = 9 + i;
  const year = 2025 + Math.floor((month - 1) / 12);
  return `${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
});

/** A straight fall from `from` to `to` over the 13 months. */
const line = (from: number, to: number) => PERIODS.map((_, i) => from + ((to - from) * i) / 12);

function progress(overrides: Partial<MemberProgress>): MemberProgress {
  return {
    areaCode: null,
    areaName: '',
    status: 'NO_STATUS',
    flags: [],
    latestPeriod: '2026-09',
    included: null,
    expectedProgress: 0.5,
    baseline: null,
    latest: null,
    target: null,
    expected: null,
    change: null,
    relativeChange: null,
    progress: null,
    projection: null,
    values: PERIODS.map(() => null),
    lowerBounds: PERIODS.map(() => null),
    upperBounds: PERIODS.map(() => null),
    ...overrides,
  };
}

export const HELSINGBORG = progress({
  areaCode: '1283',
  areaName: 'Helsingborg',
  status: 'AT_RISK',
  baseline: exact(240),
  latest: exact(200),
  target: exact(120),
  expected: exact(180),
  change: exact(-40),
  relativeChange: exact(-40 / 240),
  progress: exact(1 / 3),
  projection: exact(160),
  values: line(240, 200),
});

export const LANDSKRONA = progress({
  areaCode: '1282',
  areaName: 'Landskrona',
  status: 'ON_TRACK',
  baseline: exact(100),
  latest: exact(70),
  target: exact(50),
  expected: exact(75),
  change: exact(-30),
  relativeChange: exact(-0.3),
  progress: exact(0.6),
  projection: exact(40),
  values: line(100, 70),
});

/** A `<5` baseline: the status cannot be told, the baseline is a range. */
export const PERSTORP = progress({
  areaCode: '1275',
  areaName: 'Perstorp',
  status: 'UNCERTAIN',
  flags: ['BOUNDED_BASELINE'],
  baseline: range(1, 4),
  latest: exact(7),
  target: range(0.5, 2),
  expected: range(0.75, 3),
  change: range(3, 6),
  relativeChange: range(0.75, 6),
  progress: range(-6, -3),
  projection: exact(9),
  values: [null, ...PERIODS.slice(1).map(() => 7)],
  lowerBounds: [1, ...PERIODS.slice(1).map(() => null)],
  upperBounds: [4, ...PERIODS.slice(1).map(() => null)],
});

export const TOTAL = progress({
  areaName: 'Familjen Helsingborg',
  status: 'AT_RISK',
  flags: ['BOUNDED_BASELINE'],
  included: 3,
  baseline: range(341, 344),
  latest: exact(277),
  target: range(170.5, 172),
  expected: range(255.75, 258),
  change: range(-67, -64),
  relativeChange: range(-67 / 344, -64 / 341),
  progress: range(64 / 172, 67 / 170.5),
  projection: exact(209),
  values: PERIODS.map((_, i) => (i === 0 ? null : 341 + ((277 - 341) * i) / 12)),
  lowerBounds: [341, ...PERIODS.slice(1).map(() => null)],
  upperBounds: [344, ...PERIODS.slice(1).map(() => null)],
});

const GOAL_FIELDS = {
  id: 'goal-1',
  collaborationId: 'c1',
  title: 'Halvera arbetslösheten bland utrikes födda kvinnor',
  description: 'Varje kommuns septembersiffra ska halveras inom två år.',
  targetGroup: 'Utrikes födda kvinnor',
  indicatorCode: UNEMPLOYED.code,
  baselinePeriod: '2025-09',
  targetPeriod: '2027-09',
  targetKind: 'RELATIVE_CHANGE' as const,
  targetValue: -0.5,
  levelDirection: null,
  levelScope: null,
  onTrackThreshold: -0.05,
  atRiskThreshold: -0.2,
  groupIds: ['g-labour'],
  status: 'ACTIVE' as const,
  activatedAt: '2025-10-15T08:00:00Z',
  version: 3,
};

export function goalDetail(overrides: Partial<GoalDetail> = {}): GoalDetail {
  return {
    ...GOAL_FIELDS,
    progress: {
      asOf: '2026-09',
      periods: PERIODS,
      collaboration: TOTAL,
      members: [HELSINGBORG, LANDSKRONA, PERSTORP],
    },
    ...overrides,
  };
}

export function goalSummary(overrides: Partial<GoalSummary> = {}): GoalSummary {
  const gap = (value: number) => exact(value);
  return {
    ...GOAL_FIELDS,
    progress: {
      asOf: '2026-09',
      collaboration: TOTAL,
      members: [
        { areaCode: '1283', areaName: 'Helsingborg', status: 'AT_RISK', flags: [], gap: gap(-1 / 6) },
        { areaCode: '1282', areaName: 'Landskrona', status: 'ON_TRACK', flags: [], gap: gap(0.1) },
        {
          areaCode: '1275',
          areaName: 'Perstorp',
          status: 'UNCERTAIN',
          flags: ['BOUNDED_BASELINE'],
          gap: null,
        },
        { areaCode: '1260', areaName: 'Bjuv', status: 'OFF_TRACK', flags: [], gap: gap(-0.4) },
      ],
    },
    ...overrides,
  };
}

export function records(overrides: Partial<GoalRecords> = {}): GoalRecords {
  return {
    id: 'goal-1',
    members: [
      ['1283', 'Helsingborg', exact(240)],
      ['1282', 'Landskrona', exact(100)],
      ['1275', 'Perstorp', range(1, 4)],
    ].map(([areaCode, areaName, baseline]) => ({
      areaCode: areaCode as string,
      areaName: areaName as string,
      inScope: true,
      baselinePreliminary: false,
      baselineFrozenAt: '2025-10-15T08:00:00Z',
      baseline: baseline as ReturnType<typeof exact>,
    })),
    checkIns: [
      {
        id: 'ci-1',
        heldOn: '2026-09-20',
        assessment: 'AT_RISK',
        computedStatus: 'AT_RISK',
        comment: 'Tre kommuner ligger efter.',
        nextSteps: 'Arbetsmarknadsgruppen tar fram förslag.',
        authorName: 'Testperson',
        createdAt: '2026-09-20T10:00:00Z',
      },
    ],
    baselineChanges: [
      {
        id: 'bc-2',
        areaCode: '1283',
        kind: 'REBASELINED',
        baselinePeriod: '2025-09',
        reason: 'Rättade septembersiffror',
        changedByName: 'Testperson',
        changedAt: '2025-11-02T09:00:00Z',
        oldValue: exact(236),
        newValue: exact(240),
      },
      {
        id: 'bc-1',
        areaCode: '1283',
        kind: 'FROZEN',
        baselinePeriod: '2025-09',
        reason: null,
        changedByName: 'Testperson',
        changedAt: '2025-10-15T08:00:00Z',
        oldValue: null,
        newValue: exact(236),
      },
    ],
    ...overrides,
  };
}

export const DECISIONS: GoalDecision[] = [
  {
    id: 'd-1',
    title: 'Arbetsmarknadsgruppen föreslår två nya jobbspår',
    description: null,
    decidedOn: '2026-07-01',
    dueOn: '2026-09-01',
    status: 'OPEN',
    overdue: true,
    ownerName: null,
    ownerOrganizationName: null,
    groupId: 'g-steering',
    goalId: 'goal-1',
  },
  {
    id: 'd-2',
    title: 'Nya siffror för varje kommun från september',
    description: null,
    decidedOn: '2025-08-20',
    dueOn: '2025-09-30',
    status: 'DONE',
    overdue: false,
    ownerName: null,
    ownerOrganizationName: 'Arbetsförmedlingen',
    groupId: 'g-steering',
    goalId: 'goal-1',
  },
];
