/**
 * The authorization matrix: every GraphQL operation and HTTP route of the API × every kind
 * of caller, and what each caller gets. `authorization-matrix.spec.ts` runs every cell
 * against the real API and fails on any difference (and on an operation of the schema
 * without its row); `docs/security/authorization-matrix.md` is rendered from this file
 * (`UPDATE_MATRIX=1 npx nx test api-e2e` rewrites it, a test fails when it is stale).
 *
 * Adding an operation: add its row here and its probe in probes.ts.
 */

/** The callers: demo users of the dev realm (docker/keycloak/realm-kraftsamling.json). */
export const IDENTITIES = {
  anonymous: { username: null, label: 'anonymous', who: 'no token' },
  noMembership: { username: 'gast', label: 'no membership', who: 'signed in, member of no collaboration' },
  otherTenant: { username: 'sandviken', label: 'other tenant', who: 'coordinator of Sandviken' },
  coordinator: { username: 'samordnare', label: 'COORDINATOR', who: 'Familjen Helsingborg' },
  steeringMember: { username: 'styrgrupp', label: 'STEERING_MEMBER', who: 'Familjen Helsingborg' },
  groupMember: {
    username: 'arbetsmarknad',
    label: 'GROUP_MEMBER',
    who: 'Familjen Helsingborg, Arbetsmarknad',
  },
  municipalEditor: {
    username: 'helsingborg',
    label: 'MUNICIPAL_EDITOR',
    who: 'Familjen Helsingborg, Helsingborg',
  },
  agencyAnalyst: {
    username: 'analytiker',
    label: 'AGENCY_ANALYST',
    who: 'Familjen Helsingborg (statistics-steward once planned)',
  },
  statisticsSteward: {
    username: 'statistiker',
    label: 'statistics-steward',
    who: 'realm role, no membership',
  },
  platformAdmin: { username: 'admin', label: 'platform-admin', who: 'realm role, no membership' },
} as const;
export type Identity = keyof typeof IDENTITIES;
export const ALL_IDENTITIES = Object.keys(IDENTITIES) as Identity[];

/**
 * What a caller gets. `allowed`: the operation runs (for a mutation the probe sends input
 * that the operation refuses after the permission check, or works on data the test made,
 * so shared demo data stays as it is); the others are the error code (HTTP 401/403).
 */
export type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_OVER_HTTP';

/** A cell that a planned change will flip: what holds now and what will hold. */
export interface PlannedCell {
  now: Outcome;
  target: Outcome;
  change: PlannedChange;
}
export type Cell = Outcome | PlannedCell;

/**
 * Issue 7 §1.1, on another branch: changing official statistics (imports of AF, SCB,
 * Kolada files and of official indicators in a template; undo of official batches) needs
 * the realm role `statistics-steward` (held by `analytiker`, `admin` and `statistiker`)
 * instead of `indicator:import` in a collaboration; inside a collaboration, imports and
 * undo reach only its local indicators and batches. Flip to true when it is merged: the
 * cells marked with it then expect their target.
 */
export const STATISTICS_STEWARD_MERGED = true;
/**
 * Issue 10: subscriptions travel over graphql-ws, authenticated at connect and authorised
 * like queries (merged; the probe subscribes through graphql-ws). Before, a subscription
 * reached the API only as an HTTP request, which carries none: every caller got BAD_REQUEST.
 */
export const LIVE_SUBSCRIPTIONS_MERGED = true;
export type PlannedChange = 'statistics-steward' | 'live-subscriptions';
const PLANNED_CHANGES: Record<PlannedChange, { merged: boolean; description: string }> = {
  'live-subscriptions': {
    merged: LIVE_SUBSCRIPTIONS_MERGED,
    description:
      'subscriptions travel over graphql-ws and are authorised like queries (issue 10); until then HTTP carries none',
  },
  'statistics-steward': {
    merged: STATISTICS_STEWARD_MERGED,
    description: 'official statistics are changed only with the realm role statistics-steward (issue 7 §1.1)',
  },
};

export const expectedOutcome = (cell: Cell): Outcome =>
  typeof cell === 'string' ? cell : PLANNED_CHANGES[cell.change].merged ? cell.target : cell.now;

export interface MatrixRow {
  /** `Query.x`, `Mutation.x`, or `METHOD /path` for an HTTP route */
  operation: string;
  /** what the row probes, when one operation has several rows */
  variant?: string;
  /** the rule the API declares (the permission of libs/shared/permissions) */
  rule: string;
  cells: Record<Identity, Cell>;
  /** what the probe checks besides the outcome (rows of another tenant, writes) */
  checks: string;
}

const FH_MEMBERS: Identity[] = [
  'coordinator',
  'steeringMember',
  'groupMember',
  'municipalEditor',
  'agencyAnalyst',
];
const SIGNED_IN = ALL_IDENTITIES.filter((identity) => identity !== 'anonymous');

/** Allowed for these callers; anonymous is UNAUTHENTICATED; everyone else FORBIDDEN. */
function allow(allowed: Identity[]): Record<Identity, Cell> {
  return Object.fromEntries(
    ALL_IDENTITIES.map((identity) => [
      identity,
      identity === 'anonymous' ? 'UNAUTHENTICATED' : allowed.includes(identity) ? 'allowed' : 'FORBIDDEN',
    ]),
  ) as Record<Identity, Cell>;
}

const inFh = (permission: string) => `${permission} in the collaboration`;

export const MATRIX: MatrixRow[] = [
  {
    operation: 'Query.me',
    rule: 'signed in',
    cells: allow(SIGNED_IN),
    checks: 'lists only the caller’s own collaborations',
  },
  {
    operation: 'Query.collaborations',
    rule: 'signed in',
    cells: allow(SIGNED_IN),
    checks: 'only the caller’s own collaborations (all for platform-admin)',
  },
  {
    operation: 'Query.municipalities',
    rule: 'signed in (public reference data)',
    cells: allow(SIGNED_IN),
    checks: 'all 290 municipalities',
  },
  {
    operation: 'Query.officialIndicators',
    rule: 'signed in (public statistics)',
    cells: allow(SIGNED_IN),
    checks: 'no local indicator of any collaboration',
  },
  {
    operation: 'Query.officialIndicatorSeries',
    rule: 'signed in (public statistics)',
    cells: allow(SIGNED_IN),
    checks: 'an official indicator only',
  },
  {
    operation: 'Query.collaboration',
    rule: inFh('collaboration:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'members, groups and organisations all of Familjen Helsingborg',
  },
  {
    operation: 'Query.indicators',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'official indicators and Familjen Helsingborg’s local ones, none of Sandviken’s',
  },
  {
    operation: 'Query.indicatorSeries',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'Familjen Helsingborg’s local indicator, not Sandviken’s of the same code',
  },
  {
    operation: 'Query.importBatches',
    rule: inFh('indicator:import'),
    cells: allow(['coordinator', 'agencyAnalyst', 'platformAdmin']),
    checks: 'official batches and Familjen Helsingborg’s, none of Sandviken’s',
  },
  {
    operation: 'Query.auditEvents',
    rule: inFh('audit:read'),
    cells: allow(['coordinator', 'steeringMember', 'platformAdmin']),
    checks: 'only Familjen Helsingborg’s events',
  },
  {
    operation: 'Mutation.addMember',
    rule: inFh('member:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT for a malformed e-mail; nothing written',
  },
  {
    operation: 'Mutation.changeMemberRole',
    rule: inFh('member:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (expectedVersion 0); nothing written',
  },
  {
    operation: 'Mutation.removeMember',
    rule: inFh('member:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (expectedVersion 0); nothing written',
  },
  {
    operation: 'Mutation.createGroup',
    rule: inFh('group:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (empty name); nothing written',
  },
  {
    operation: 'Mutation.renameGroup',
    rule: inFh('group:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (empty name); nothing written',
  },
  {
    operation: 'Mutation.addPartnerOrganization',
    rule: inFh('organization:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (empty name); nothing written',
  },
  {
    operation: 'Mutation.createLocalIndicator',
    rule: inFh('indicator:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (malformed code); nothing written',
  },
  {
    operation: 'Mutation.updateLocalIndicator',
    rule: inFh('indicator:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (expectedVersion 0); nothing written',
  },
  {
    operation: 'Mutation.enterValues',
    rule: inFh('values:enter'),
    cells: allow(['coordinator', 'municipalEditor', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (malformed area code); nothing written',
  },
  {
    operation: 'Mutation.undoImport',
    variant: 'a batch of no one',
    rule: inFh('indicator:import'),
    cells: allow(['coordinator', 'agencyAnalyst', 'platformAdmin']),
    checks: 'allowed callers get NOT_FOUND; nothing written',
  },
  {
    operation: 'Mutation.undoImport',
    variant: 'an official batch',
    rule: inFh('indicator:import'),
    cells: allow([]),
    checks:
      'an official batch is refused inside any collaboration, whoever asks (undoOfficialImport is the route)',
  },
  {
    operation: 'Mutation.undoOfficialImport',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks:
      'on an official batch the test imported and undid: allowed callers get BAD_USER_INPUT (already undone)',
  },
  {
    operation: 'Query.officialImportBatches',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: 'official batches only, none of any collaboration',
  },
  {
    operation: 'Query.sourceFetches',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: 'the fetches of official data only',
  },
  {
    operation: 'Query.scbTable',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: 'a replayed table’s metadata (SCB_API_URL points at the replay server)',
  },
  {
    operation: 'Mutation.defineScbIndicator',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: 'a contents code the table lacks: allowed callers get BAD_USER_INPUT; nothing written',
  },
  {
    operation: 'Mutation.fetchSource',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: 'a year out of range: allowed callers get BAD_USER_INPUT; nothing fetched',
  },
  {
    operation: 'POST /api/imports',
    variant: 'template of local indicators, dry run',
    rule: inFh('indicator:import'),
    cells: allow(['coordinator', 'agencyAnalyst', 'platformAdmin']),
    checks: '200 with a report; nothing written',
  },
  {
    operation: 'POST /api/imports',
    variant: 'official AF workbook at a collaboration’s route',
    rule: inFh('indicator:import'),
    cells: allow(['coordinator', 'agencyAnalyst', 'platformAdmin']),
    checks:
      'allowed callers get 400: a collaboration’s route takes templates of its local indicators only; nothing written',
  },
  {
    operation: 'POST /api/imports/official',
    variant: 'AF workbook, dry run',
    rule: 'official:import on the platform (statistics-steward, platform-admin)',
    cells: allow(['agencyAnalyst', 'statisticsSteward', 'platformAdmin']),
    checks: '200 with a report; nothing written',
  },
  {
    operation: 'Query.goals',
    rule: inFh('goal:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'only Familjen Helsingborg’s goals',
  },
  {
    operation: 'Query.goal',
    rule: inFh('goal:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'the demo goal of Familjen Helsingborg',
  },
  {
    operation: 'Query.goalBaselinePreview',
    rule: inFh('goal:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'baselines of member municipalities only; nothing written',
  },
  {
    operation: 'Query.decisions',
    rule: inFh('goal:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'only Familjen Helsingborg’s decisions',
  },
  {
    operation: 'Query.regionSeries',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'the member municipalities by default',
  },
  {
    operation: 'Query.comparison',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'the member municipalities compared; the country beside them',
  },
  {
    operation: 'Query.similarMunicipalities',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'official values of municipalities only',
  },
  {
    operation: 'Query.peerSets',
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: 'published groups, the collaboration’s shared sets and the caller’s own only',
  },
  ...(
    [
      ['Mutation.savePeerSet', 'empty title'],
      ['Mutation.deletePeerSet', 'expectedVersion 0'],
    ] as const
  ).map(([operation, why]): MatrixRow => ({
    operation,
    rule: inFh('indicator:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks: `anyone in the collaboration saves their own sets; allowed callers get BAD_USER_INPUT (${why}); nothing written`,
  })),
  ...(
    [
      ['Mutation.createGoal', 'goal:manage', 'empty title'],
      ['Mutation.updateGoal', 'goal:manage', 'expectedVersion 0'],
      ['Mutation.activateGoal', 'goal:manage', 'expectedVersion 0'],
      ['Mutation.rebaselineGoal', 'goal:manage', 'empty reason'],
      ['Mutation.setGoalStatus', 'goal:manage', 'expectedVersion 0'],
      ['Mutation.addGoalCheckIn', 'goal:manage', 'malformed date'],
    ] as const
  ).map(([operation, permission, why]): MatrixRow => ({
    operation,
    rule: inFh(permission),
    cells: allow(['coordinator', 'steeringMember', 'platformAdmin']),
    checks: `allowed callers get BAD_USER_INPUT (${why}); nothing written`,
  })),
  ...(
    [
      ['Mutation.createDecision', 'empty title'],
      ['Mutation.updateDecision', 'expectedVersion 0'],
    ] as const
  ).map(([operation, why]): MatrixRow => ({
    operation,
    rule: inFh('decision:record (a group member: their own group’s log only)'),
    cells: allow(['coordinator', 'steeringMember', 'groupMember', 'platformAdmin']),
    checks: `allowed callers get BAD_USER_INPUT (${why}); nothing written`,
  })),
  ...(
    [
      ['Query.actionTypes', 'built-in types and Familjen Helsingborg’s own only'],
      ['Query.actions', 'only Familjen Helsingborg’s actions'],
      ['Query.action', 'a demo action of Familjen Helsingborg'],
      ['Query.groupFeed', 'only updates of the Arbetsmarknad group’s actions'],
      ['Query.outcomePeriodKind', 'Familjen Helsingborg reports by month'],
    ] as const
  ).map(([operation, checks]): MatrixRow => ({
    operation,
    rule: inFh('action:read'),
    cells: allow([...FH_MEMBERS, 'platformAdmin']),
    checks,
  })),
  {
    operation: 'Subscription.groupActivity',
    rule: inFh('action:read'),
    cells: Object.fromEntries(
      Object.entries(allow([...FH_MEMBERS, 'platformAdmin'])).map(([identity, target]) => [
        identity,
        {
          now: 'NOT_OVER_HTTP',
          target: target as Outcome,
          change: 'live-subscriptions',
        } satisfies PlannedCell,
      ]),
    ) as Record<Identity, Cell>,
    checks: 'the events of a group of Familjen Helsingborg only (filtered on collaboration and group)',
  },
  ...(
    [
      ['Mutation.createAction', 'action:manage (a group member: their own group only)', 'empty title'],
      ['Mutation.updateAction', 'action:manage (a group member: their own group only)', 'version 0'],
      ['Mutation.addActionUpdate', 'action:manage (a group member: their own group only)', 'empty text'],
    ] as const
  ).map(([operation, permission, why]): MatrixRow => ({
    operation,
    rule: inFh(permission),
    cells: allow(['coordinator', 'groupMember', 'platformAdmin']),
    checks: `allowed callers get BAD_USER_INPUT (${why}); nothing written`,
  })),
  {
    operation: 'Mutation.recordOutcomes',
    rule: inFh(
      'outcome:record (a group member: their group’s actions; a municipal editor: their municipality’s rows)',
    ),
    cells: allow(['coordinator', 'groupMember', 'municipalEditor', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (no rows); nothing written',
  },
  {
    operation: 'Mutation.createActionType',
    rule: inFh('action-type:manage'),
    cells: allow(['coordinator', 'platformAdmin']),
    checks: 'allowed callers get BAD_USER_INPUT (empty name); nothing written',
  },
  {
    operation: 'GET /api/imports/template',
    rule: inFh('indicator:import'),
    cells: allow(['coordinator', 'agencyAnalyst', 'platformAdmin']),
    checks: 'a workbook listing Familjen Helsingborg’s own indicator codes and member municipalities only',
  },
  {
    operation: 'GET /api/audit-events/export',
    rule: inFh('audit:read'),
    cells: allow(['coordinator', 'steeringMember', 'platformAdmin']),
    checks: 'a CSV of Familjen Helsingborg’s events only',
  },
];

export const rowKey = (row: Pick<MatrixRow, 'operation' | 'variant'>) =>
  row.variant ? `${row.operation} (${row.variant})` : row.operation;

const SYMBOL: Record<Outcome, string> = {
  allowed: '✅ allowed',
  FORBIDDEN: '⛔ 403',
  UNAUTHENTICATED: '🔒 401',
  NOT_OVER_HTTP: '— not over HTTP',
};
const cellText = (cell: Cell) =>
  typeof cell === 'string' ? SYMBOL[cell] : `${SYMBOL[cell.now]} → ${SYMBOL[cell.target]} ¹`;

/** The matrix as Markdown: docs/security/authorization-matrix.md. */
export function renderMatrix(): string {
  const header = `| operation | rule | ${ALL_IDENTITIES.map((identity) => IDENTITIES[identity].label).join(' | ')} | also checked |`;
  const divider = `| --- | --- | ${ALL_IDENTITIES.map(() => '---').join(' | ')} | --- |`;
  const rows = MATRIX.map(
    (row) =>
      `| \`${row.operation}\`${row.variant ? ` (${row.variant})` : ''} | ${row.rule} | ${ALL_IDENTITIES.map((identity) => cellText(row.cells[identity])).join(' | ')} | ${row.checks} |`,
  );
  const identities = ALL_IDENTITIES.map(
    (identity) =>
      `- **${IDENTITIES[identity].label}**: ${IDENTITIES[identity].username ? `\`${IDENTITIES[identity].username}\`, ` : ''}${IDENTITIES[identity].who}`,
  );
  const planned = Object.entries(PLANNED_CHANGES).map(
    ([name, change]) =>
      `¹ planned (\`${name}\`, ${change.merged ? 'merged: the target is tested' : 'not yet merged: what holds now is tested'}): ${change.description}.`,
  );
  return [
    '# Authorization matrix',
    '',
    '<!-- Rendered from apps/api-e2e/src/authorization/matrix.ts; do not edit by hand.',
    '     UPDATE_MATRIX=1 npx nx test api-e2e rewrites it. -->',
    '',
    'Every GraphQL operation and HTTP route of the API (rows) for every kind of caller (columns),',
    'as `apps/api-e2e/src/authorization/authorization-matrix.spec.ts` checks it against the running',
    'API with real tokens from the identity provider. The operation is always about Familjen',
    'Helsingborg (`familjen-helsingborg`); Sandviken is the other tenant. An allowed read is also',
    'checked for rows of another tenant; a mutation is probed with input that it refuses only',
    'after the permission check, or on data the test made, so the demo data stays as it is.',
    '',
    'Callers:',
    '',
    ...identities,
    '',
    'The role `VIEWER` has no demo user; it holds only the read permissions every role has',
    '(libs/shared/permissions).',
    '',
    header,
    divider,
    ...rows,
    '',
    ...planned,
    '',
  ].join('\n');
}
