import ExcelJS from 'exceljs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { writeAfWorkbook } from '@kraftsamling/api/statistics-formats';
import { FH, FH_ID, apiUrl, gql, type GraphQLResponse } from '../support/api';
import type { Identity, Outcome } from './matrix';

/** What one cell's request got, and every row of another tenant found in an allowed answer. */
export interface ProbeResult {
  /** an Outcome, or the unexpected error code / HTTP status that makes the cell fail */
  outcome: Outcome | string;
  leaks: string[];
}

/** Data the spec creates before the probes run (and removes afterwards). */
export interface Fixtures {
  /** an official batch the test imported and undid */
  undoneOfficialBatchId: string;
  /** Sandviken's own batch and its audit events: must never show in Familjen Helsingborg's answers */
  sandvikenBatchId: string;
  /** official values of three member municipalities, for the similarity probe */
  similarityBatchId: string;
}

export interface ProbeContext {
  identity: Identity;
  token: string | null;
  fixtures: Fixtures;
}

type Probe = (context: ProbeContext) => Promise<ProbeResult>;

const FH_HELSINGBORG_MEMBERSHIP = '40010000-0000-4000-8000-000000000004';
const FH_LABOUR_MARKET_GROUP = '30010000-0000-4000-8000-000000000002';
const FH_LOCAL_INDICATOR = '50010000-0000-4000-8000-000000000001';
const NO_SUCH_BATCH = '99999999-0000-4000-8000-000000000000';
/** The demo's goal and a decision of Familjen Helsingborg (libs/api/goals/src/demo-goals.seed.ts). */
const FH_DEMO_GOAL = '40010000-0000-4000-8000-000000000001';
const FH_DEMO_DECISION = '42000000-0000-4000-8000-000000000001';
/** A demo action of the Arbetsmarknad group (libs/api/actions/src/demo-actions.seed.ts). */
const FH_DEMO_ACTION = '60010000-0000-4000-8000-000000000001';
const JOB_TRACK_FIELDS = {
  title: '',
  typeId: NO_SUCH_BATCH,
  targetGroups: [],
  municipalityCodes: ['1283'],
  goalIds: [],
  partnerOrganizations: [],
  status: 'PLANNED',
};

/** The collaborations each caller belongs to (platform-admin: sees all). */
const OWN_SLUGS: Record<Identity, string[]> = {
  anonymous: [],
  noMembership: [],
  statisticsSteward: [],
  otherTenant: ['sandviken'],
  coordinator: [FH],
  steeringMember: [FH],
  groupMember: [FH],
  municipalEditor: [FH],
  agencyAnalyst: [FH],
  platformAdmin: [FH, 'sandviken'],
};

/** What a subscription sent as an HTTP request gets, whoever sends it: HTTP carries none (graphql-ws does). */
/**
 * A subscription over graphql-ws, as the web app sends it: refused at connect without a
 * valid token (4401: UNAUTHENTICATED), refused with an error code, or still open and
 * quiet after a while (allowed: the guards let it through and it waits for events).
 */
async function subscriptionOutcome(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<Outcome | string> {
  const client = createClient({
    url: `${apiUrl().replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise<Outcome | string>((resolve) => {
      const quiet = setTimeout(() => resolve('allowed'), 1_500);
      const settle = (outcome: string) => {
        clearTimeout(quiet);
        resolve(outcome);
      };
      client.subscribe(
        { query, variables },
        {
          next: (result) =>
            settle(result.errors ? String(result.errors[0]?.extensions?.['code']) : 'allowed'),
          error: (error) => {
            const code = (error as { code?: number }).code;
            settle(
              code === 4401
                ? 'UNAUTHENTICATED'
                : Array.isArray(error)
                  ? String(error[0]?.extensions?.code)
                  : `closed ${code}`,
            );
          },
          complete: () => settle('completed without an event'),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'NO_CODE';

/** A read: allowed when it answers without errors; then `leaks` looks into the data. */
function read(
  query: string,
  variables: Record<string, unknown>,
  leaks: (data: Record<string, any>, context: ProbeContext) => string[],
): Probe {
  return async (context) => {
    const response = await gql(query, variables, context.token ? { token: context.token } : {});
    if (response.errors) return { outcome: codeOf(response), leaks: [] };
    return { outcome: 'allowed', leaks: leaks(response.data!, context) };
  };
}

/**
 * A mutation with input it refuses after the permission check: `passedWith` (the error
 * after the guard) means the caller was allowed; nothing is written either way.
 */
function mutation(
  document: string,
  input: (context: ProbeContext) => Record<string, unknown>,
  passedWith: string,
): Probe {
  return async (context) => {
    const response = await gql(
      document,
      { input: input(context) },
      context.token ? { token: context.token } : {},
    );
    if (!response.errors) return { outcome: 'WROTE (no error)', leaks: [] };
    const code = codeOf(response);
    return { outcome: code === passedWith ? 'allowed' : code, leaks: [] };
  };
}

const outside = (what: string, rows: { collaborationId: string | null }[], allowedIds: (string | null)[]) =>
  rows
    .filter((row) => !allowedIds.includes(row.collaborationId))
    .map((row) => `${what} of ${row.collaborationId}`);

async function http(path: string, init: RequestInit, context: ProbeContext): Promise<Response> {
  const headers = new Headers(init.headers);
  if (context.token) headers.set('authorization', `Bearer ${context.token}`);
  return fetch(`${apiUrl()}${path}`, { ...init, headers });
}

const httpRefusal = async (response: Response) =>
  response.status === 401
    ? 'UNAUTHENTICATED'
    : response.status === 403
      ? 'FORBIDDEN'
      : `HTTP ${response.status}: ${await response.text()}`;

function upload(
  fields: Record<string, string>,
  file: () => Promise<{ bytes: Uint8Array; name: string }>,
  route = `/api/imports?collaborationId=${FH_ID}`,
  /** an HTTP status that, like a report, shows the caller passed the permission check */
  passedWithStatus?: number,
): Probe {
  return async (context) => {
    const { bytes, name } = await file();
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set('file', new Blob([Buffer.from(bytes)]), name);
    const response = await http(route, { method: 'POST', body: form }, context);
    if (passedWithStatus !== undefined && response.status === passedWithStatus)
      return { outcome: 'allowed', leaks: [] };
    if (response.status !== 200) return { outcome: await httpRefusal(response), leaks: [] };
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; report?: { dryRun?: boolean } });
    const report = lines.find((line) => line.type === 'report');
    return { outcome: report ? 'allowed' : 'NO_REPORT', leaks: [] };
  };
}

const localTemplate = async () => ({
  bytes: new TextEncoder().encode(
    'indicator_code,area_code,period,value\njobbspar.deltagare,1283,1999-01,1\n',
  ),
  name: 'matris.csv',
});
const officialWorkbook = async () => ({
  bytes: await writeAfWorkbook(
    [
      {
        period: '1999-01',
        county: 'Skåne län',
        municipality: 'Helsingborg',
        values: { UTRKSOK: 5, UTRKAK: 100 },
      },
    ],
    { layout: 'pivot-cache', title: 'matris' },
  ),
  name: 'web-inskrivna-arbetslosa-andel-av-bas-1999-01.xlsx',
});

/** One probe per matrix row, keyed like rowKey(). */
export const PROBES: Record<string, Probe> = {
  'Query.me': read(`{ me { id access { slug } } }`, {}, (data, { identity }) => {
    const slugs = data['me'].access.map((access: { slug: string }) => access.slug).sort();
    const expected = identity === 'platformAdmin' ? slugs : [...OWN_SLUGS[identity]].sort();
    return slugs
      .filter((slug: string) => !expected.includes(slug))
      .map((slug: string) => `access to ${slug}`);
  }),
  'Query.collaborations': read(`{ collaborations { slug } }`, {}, (data, { identity }) => {
    const slugs: string[] = data['collaborations'].map((c: { slug: string }) => c.slug);
    return slugs.filter((slug) => !OWN_SLUGS[identity].includes(slug)).map((slug) => `collaboration ${slug}`);
  }),
  'Query.municipalities': read(`{ municipalities { code } }`, {}, (data) =>
    data['municipalities'].length === 290 ? [] : [`${data['municipalities'].length} municipalities, not 290`],
  ),
  'Query.officialIndicators': read(`{ officialIndicators { code collaborationId } }`, {}, (data) =>
    outside('indicator', data['officialIndicators'], [null]),
  ),
  'Query.officialIndicatorSeries': read(
    `query ($code: String!, $areaCodes: [String!]!) { officialIndicatorSeries(code: $code, areaCodes: $areaCodes) { indicator { collaborationId } } }`,
    { code: 'af.bas.utrk.unemployed', areaCodes: ['1283'] },
    (data) => outside('indicator', [data['officialIndicatorSeries'].indicator], [null]),
  ),
  'Query.collaboration': read(
    `query ($slug: String!) { collaboration(slug: $slug) { id members { collaborationId } groups { collaborationId } organizations { collaborationId } } }`,
    { slug: FH },
    (data) => {
      const collaboration = data['collaboration'];
      return [
        ...outside('collaboration', [{ collaborationId: collaboration.id }], [FH_ID]),
        ...outside('member', collaboration.members, [FH_ID]),
        ...outside('group', collaboration.groups, [FH_ID]),
        ...outside('organisation', collaboration.organizations, [FH_ID]),
      ];
    },
  ),
  'Query.indicators': read(
    `query ($c: ID!) { indicators(collaborationId: $c) { code collaborationId } }`,
    { c: FH_ID },
    (data) => outside('indicator', data['indicators'], [null, FH_ID]),
  ),
  'Query.indicatorSeries': read(
    `query ($c: ID!) { indicatorSeries(collaborationId: $c, code: "jobbspar.deltagare") { indicator { collaborationId } } }`,
    { c: FH_ID },
    (data) => outside('indicator', [data['indicatorSeries'].indicator], [FH_ID]),
  ),
  'Query.importBatches': read(
    `query ($c: ID!) { importBatches(collaborationId: $c, limit: 500) { id collaborationId } }`,
    { c: FH_ID },
    (data, { fixtures }) => [
      ...outside('import batch', data['importBatches'], [null, FH_ID]),
      ...data['importBatches']
        .filter((batch: { id: string }) => batch.id === fixtures.sandvikenBatchId)
        .map(() => 'Sandviken’s batch'),
    ],
  ),
  'Query.auditEvents': read(
    `query ($c: ID!) { auditEvents(collaborationId: $c, limit: 200) { totalCount items { collaborationId entityId } } }`,
    { c: FH_ID },
    (data, { fixtures }) => [
      ...outside('audit event', data['auditEvents'].items, [FH_ID]),
      ...data['auditEvents'].items
        .filter((event: { entityId: string }) => event.entityId === fixtures.sandvikenBatchId)
        .map(() => 'Sandviken’s import event'),
    ],
  ),
  'Mutation.addMember': mutation(
    'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, email: 'inte-en-adress', role: 'VIEWER' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.changeMemberRole': mutation(
    'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }',
    () => ({
      collaborationId: FH_ID,
      membershipId: FH_HELSINGBORG_MEMBERSHIP,
      role: 'VIEWER',
      expectedVersion: 0,
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.removeMember': mutation(
    'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }',
    () => ({ collaborationId: FH_ID, membershipId: FH_HELSINGBORG_MEMBERSHIP, expectedVersion: 0 }),
    'BAD_USER_INPUT',
  ),
  'Mutation.createGroup': mutation(
    'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, kind: 'OPERATIONAL', name: '  ' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.renameGroup': mutation(
    'mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, groupId: FH_LABOUR_MARKET_GROUP, name: '', expectedVersion: 1 }),
    'BAD_USER_INPUT',
  ),
  'Mutation.addPartnerOrganization': mutation(
    'mutation ($input: AddPartnerOrganizationInput!) { addPartnerOrganization(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, kind: 'OTHER', name: '' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.createLocalIndicator': mutation(
    'mutation ($input: CreateLocalIndicatorInput!) { createLocalIndicator(input: $input) { id } }',
    () => ({
      collaborationId: FH_ID,
      code: 'INTE GILTIG',
      nameSv: 'Matris',
      nameEn: 'Matrix',
      unit: 'COUNT',
      periodicity: 'MONTH',
      direction: 'HIGHER_IS_BETTER',
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.updateLocalIndicator': mutation(
    'mutation ($input: UpdateLocalIndicatorInput!) { updateLocalIndicator(input: $input) { id } }',
    () => ({
      collaborationId: FH_ID,
      indicatorId: FH_LOCAL_INDICATOR,
      nameSv: 'Matris',
      nameEn: 'Matrix',
      direction: 'HIGHER_IS_BETTER',
      expectedVersion: 0,
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.enterValues': mutation(
    'mutation ($input: EnterValuesInput!) { enterValues(input: $input) { changed } }',
    () => ({ collaborationId: FH_ID, areaCode: 'x', values: [] }),
    'BAD_USER_INPUT',
  ),
  'Mutation.undoImport (a batch of no one)': mutation(
    'mutation ($input: UndoImportInput!) { undoImport(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, batchId: NO_SUCH_BATCH }),
    'NOT_FOUND',
  ),
  'Mutation.undoImport (an official batch)': mutation(
    'mutation ($input: UndoImportInput!) { undoImport(input: $input) { id } }',
    ({ fixtures }) => ({ collaborationId: FH_ID, batchId: fixtures.undoneOfficialBatchId }),
    'BAD_USER_INPUT',
  ),
  'POST /api/imports (template of local indicators, dry run)': upload(
    { source: 'template', dryRun: 'true' },
    localTemplate,
  ),
  'POST /api/imports (official AF workbook at a collaboration’s route)': upload(
    { source: 'af', dryRun: 'true' },
    officialWorkbook,
    `/api/imports?collaborationId=${FH_ID}`,
    400,
  ),
  'POST /api/imports/official (AF workbook, dry run)': upload(
    { source: 'af', dryRun: 'true' },
    officialWorkbook,
    '/api/imports/official',
  ),
  'Mutation.undoOfficialImport': async (context) => {
    const response = await gql(
      'mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { id } }',
      { input: { batchId: context.fixtures.undoneOfficialBatchId } },
      context.token ? { token: context.token } : {},
    );
    if (!response.errors) return { outcome: 'WROTE (no error)', leaks: [] };
    const code = codeOf(response);
    return { outcome: code === 'BAD_USER_INPUT' ? 'allowed' : code, leaks: [] };
  },
  'Query.sourceFetches': read(`query { sourceFetches(limit: 10) { id source status } }`, {}, () => []),
  'Query.scbTable': read(`query { scbTable(id: "TAB9990") { id dimensions { code } } }`, {}, () => []),
  'Mutation.defineScbIndicator': mutation(
    'mutation ($input: DefineScbIndicatorInput!) { defineScbIndicator(input: $input) { id } }',
    () => ({
      table: 'TAB9990',
      contentsCode: 'NOSUCHCODE',
      classes: [],
      nameSv: 'Prov',
      nameEn: 'Probe',
      unit: 'COUNT',
      periodicity: 'YEAR',
      direction: 'HIGHER_IS_BETTER',
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.fetchSource': mutation(
    'mutation ($input: FetchSourceInput!) { fetchSource(input: $input) { id } }',
    () => ({ source: 'KOLADA', subject: 'N00955', from: 1800 }),
    'BAD_USER_INPUT',
  ),
  'Query.officialImportBatches': read(
    `query { officialImportBatches(limit: 50) { id collaborationId } }`,
    {},
    (data) => outside('import batch', data['officialImportBatches'], [null]),
  ),
  'Query.goals': read(
    `query ($c: ID!) { goals(collaborationId: $c) { id collaborationId } }`,
    { c: FH_ID },
    (data) => outside('goal', data['goals'], [FH_ID]),
  ),
  'Query.goal': read(
    `query ($c: ID!, $id: ID!) { goal(collaborationId: $c, id: $id) { id collaborationId } }`,
    { c: FH_ID, id: FH_DEMO_GOAL },
    (data) => outside('goal', [data['goal']], [FH_ID]),
  ),
  'Query.goalBaselinePreview': read(
    `query ($c: ID!) { goalBaselinePreview(collaborationId: $c, indicatorCode: "af.bas.utrk.unemployed", baselinePeriod: "2025-09") { areaCode } }`,
    { c: FH_ID },
    (data) =>
      data['goalBaselinePreview']
        .filter((row: { areaCode: string }) => !row.areaCode.startsWith('12'))
        .map((row: { areaCode: string }) => `baseline of ${row.areaCode}, not a member`),
  ),
  'Query.decisions': read(
    `query ($c: ID!) { decisions(collaborationId: $c) { id collaborationId } }`,
    { c: FH_ID },
    (data) => outside('decision', data['decisions'], [FH_ID]),
  ),
  'Query.regionSeries': read(
    `query ($c: ID!) { regionSeries(collaborationId: $c, code: "af.bas.utrk.unemployed", from: "2025-01", to: "2025-12") { areaCodes } }`,
    { c: FH_ID },
    (data) =>
      data['regionSeries'].areaCodes
        .filter((area: string) => !area.startsWith('12'))
        .map((area: string) => `area ${area}, not a member`),
  ),
  'Query.comparison': read(
    `query ($input: ComparisonInput!) { comparison(input: $input) { areas { areaCode } country { areaCode } } }`,
    {
      input: {
        collaborationId: FH_ID,
        indicatorCode: 'af.bas.utrk.unemployed',
        peers: { kind: 'MEMBERS' },
        from: '2025-01',
        to: '2025-12',
      },
    },
    (data) =>
      data['comparison'].areas
        .filter((area: { areaCode: string }) => !area.areaCode.startsWith('12'))
        .map((area: { areaCode: string }) => `area ${area.areaCode}, not a member`),
  ),
  'Query.similarMunicipalities': read(
    `query ($input: SimilarMunicipalitiesInput!) { similarMunicipalities(input: $input) { similar { areaCode } } }`,
    {
      input: {
        collaborationId: FH_ID,
        areaCode: '1283',
        indicatorCodes: ['af.bas.gamm.unemployed'],
        period: '1998-01',
      },
    },
    (data) =>
      data['similarMunicipalities'].similar
        .filter((area: { areaCode: string }) => !/^[0-9]{4}$/.test(area.areaCode) || area.areaCode === '0000')
        .map((area: { areaCode: string }) => `area ${area.areaCode}, not a municipality`),
  ),
  'Query.peerSets': read(
    `query ($c: ID!) { peerSets(collaborationId: $c) { id title shared mine } }`,
    { c: FH_ID },
    (data) =>
      data['peerSets']
        .filter((set: { shared: boolean; mine: boolean }) => !set.shared && !set.mine)
        .map((set: { title: string }) => `someone else’s private set ${set.title}`),
  ),
  'Mutation.savePeerSet': mutation(
    'mutation ($input: SavePeerSetInput!) { savePeerSet(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, title: '', areaCodes: ['1283'], shared: false }),
    'BAD_USER_INPUT',
  ),
  'Mutation.deletePeerSet': mutation(
    'mutation ($input: DeletePeerSetInput!) { deletePeerSet(input: $input) }',
    () => ({ collaborationId: FH_ID, peerSetId: NO_SUCH_BATCH, expectedVersion: 0 }),
    'BAD_USER_INPUT',
  ),
  'Mutation.createGoal': mutation(
    'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }',
    () => ({
      collaborationId: FH_ID,
      title: '',
      indicatorCode: 'af.bas.utrk.unemployed',
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      targetKind: 'RELATIVE_CHANGE',
      targetValue: -0.5,
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.updateGoal': mutation(
    'mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, goalId: FH_DEMO_GOAL, expectedVersion: 0 }),
    'BAD_USER_INPUT',
  ),
  'Mutation.activateGoal': mutation(
    'mutation ($input: GoalVersionInput!) { activateGoal(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, goalId: FH_DEMO_GOAL, expectedVersion: 0 }),
    'BAD_USER_INPUT',
  ),
  'Mutation.rebaselineGoal': mutation(
    'mutation ($input: RebaselineGoalInput!) { rebaselineGoal(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, goalId: FH_DEMO_GOAL, expectedVersion: 1, reason: '' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.setGoalStatus': mutation(
    'mutation ($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, goalId: FH_DEMO_GOAL, expectedVersion: 0, status: 'CLOSED' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.addGoalCheckIn': mutation(
    'mutation ($input: AddGoalCheckInInput!) { addGoalCheckIn(input: $input) { id } }',
    () => ({
      collaborationId: FH_ID,
      goalId: FH_DEMO_GOAL,
      heldOn: 'inte-ett-datum',
      assessment: 'ON_TRACK',
    }),
    'BAD_USER_INPUT',
  ),
  'Mutation.createDecision': mutation(
    'mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, title: '', decidedOn: '2026-11-01' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.updateDecision': mutation(
    'mutation ($input: UpdateDecisionInput!) { updateDecision(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, decisionId: FH_DEMO_DECISION, expectedVersion: 0 }),
    'BAD_USER_INPUT',
  ),
  'Query.actionTypes': read(
    `query ($c: ID!) { actionTypes(collaborationId: $c) { id code builtIn } }`,
    { c: FH_ID },
    (data) =>
      data['actionTypes']
        .filter(
          (type: { builtIn: boolean; code: string }) => !type.builtIn && !/^[A-Z0-9_]+$/.test(type.code),
        )
        .map((type: { code: string }) => `type ${type.code}`),
  ),
  'Query.actions': read(
    `query ($c: ID!) { actions(collaborationId: $c) { id collaborationId } }`,
    { c: FH_ID },
    (data) => outside('action', data['actions'], [FH_ID]),
  ),
  'Query.action': read(
    `query ($c: ID!, $id: ID!) { action(collaborationId: $c, actionId: $id) { id collaborationId } }`,
    { c: FH_ID, id: FH_DEMO_ACTION },
    (data) => outside('action', [data['action']], [FH_ID]),
  ),
  'Query.groupFeed': read(
    // Other tests add actions to the group as they run: an update leaks only when its action
    // is not one of the group's own.
    `query ($c: ID!, $g: ID!) {
       groupFeed(collaborationId: $c, groupId: $g) { id actionId }
       actions(collaborationId: $c, filter: { groupId: $g }) { id }
     }`,
    { c: FH_ID, g: FH_LABOUR_MARKET_GROUP },
    (data) => {
      const own = new Set(data['actions'].map((action: { id: string }) => action.id));
      return data['groupFeed']
        .filter((update: { actionId: string }) => !own.has(update.actionId))
        .map((update: { actionId: string }) => `update of action ${update.actionId}`);
    },
  ),
  'Query.outcomePeriodKind': read(
    `query ($c: ID!) { outcomePeriodKind(collaborationId: $c) }`,
    { c: FH_ID },
    (data) => (data['outcomePeriodKind'] === 'MONTH' ? [] : [`period kind ${data['outcomePeriodKind']}`]),
  ),
  'Subscription.groupActivity': async (context) => {
    const outcome = await subscriptionOutcome(
      `subscription ($c: ID!, $g: ID!) { groupActivity(collaborationId: $c, groupId: $g) { kind } }`,
      { c: FH_ID, g: FH_LABOUR_MARKET_GROUP },
      context.token,
    );
    return { outcome, leaks: [] };
  },
  'Mutation.createAction': mutation(
    'mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, groupId: FH_LABOUR_MARKET_GROUP, fields: JOB_TRACK_FIELDS }),
    'BAD_USER_INPUT',
  ),
  'Mutation.updateAction': mutation(
    'mutation ($input: UpdateActionInput!) { updateAction(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, actionId: FH_DEMO_ACTION, version: 0, fields: JOB_TRACK_FIELDS }),
    'BAD_USER_INPUT',
  ),
  'Mutation.addActionUpdate': mutation(
    'mutation ($input: AddActionUpdateInput!) { addActionUpdate(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, actionId: FH_DEMO_ACTION, date: '2026-01-01', text: '' }),
    'BAD_USER_INPUT',
  ),
  'Mutation.recordOutcomes': mutation(
    'mutation ($input: RecordOutcomesInput!) { recordOutcomes(input: $input) { period } }',
    () => ({ collaborationId: FH_ID, actionId: FH_DEMO_ACTION, rows: [] }),
    'BAD_USER_INPUT',
  ),
  'Mutation.createActionType': mutation(
    'mutation ($input: CreateActionTypeInput!) { createActionType(input: $input) { id } }',
    () => ({ collaborationId: FH_ID, nameSv: '', nameEn: 'Nothing' }),
    'BAD_USER_INPUT',
  ),
  'GET /api/imports/template': async (context) => {
    const response = await http(`/api/imports/template?collaborationId=${FH_ID}&format=xlsx`, {}, context);
    if (response.status !== 200) return { outcome: await httpRefusal(response), leaks: [] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const codes: string[] = [];
    workbook.getWorksheet('koder')?.eachRow((row) => codes.push(String(row.getCell(6).value ?? '')));
    // Sandviken (2181) is no member of Familjen Helsingborg: its code must not be offered.
    return { outcome: 'allowed', leaks: codes.includes('2181') ? ['Sandviken’s municipality code'] : [] };
  },
  'GET /api/audit-events/export': async (context) => {
    const response = await http(`/api/audit-events/export?collaborationId=${FH_ID}&format=csv`, {}, context);
    if (response.status !== 200) return { outcome: await httpRefusal(response), leaks: [] };
    const csv = await response.text();
    return {
      outcome: 'allowed',
      leaks: csv.includes(context.fixtures.sandvikenBatchId) ? ['Sandviken’s import event'] : [],
    };
  },
};
