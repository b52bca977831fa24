import { FH_ID, sql, tokenFor } from './support/api';
import { startOwnApi, type OwnApi } from './support/own-api';

/**
 * The number of SQL statements of a group's action board is constant in the number of
 * actions (issue 10): the board's own fields (type, municipalities, goals, totals) come with
 * the actions in one statement, the action page's (outcomes, updates, history) through
 * per-request loaders. Counted
 * honestly: an API process of its own with LOG_SQL=true, where TypeORM logs every statement
 * it sends (transaction control and tenant context included), and nothing but this test's
 * requests reach that process.
 */
const SMALL_GROUP = 'b1000000-0000-4000-8000-000000000010';
const LARGE_GROUP = 'b1000000-0000-4000-8000-000000000100';
const FH_GOAL = '40010000-0000-4000-8000-000000000001';

const BOARD = `query ($c: ID!, $g: ID!) { actions(collaborationId: $c, filter: { groupId: $g }) {
  id title status version confidence lastActivityAt startOn endOn plannedParticipants targetGroups partnerOrganizations
  leadOrganization { id name } contact { id name }
  totals { participants started completed employed employedPrivate studies otherOutcome }
  type { id code name } municipalities { code name } goals { id title }
  outcomes { municipalityCode period version counts { participants employed } }
  updates { id date text confidence authorName } history { at change fields }
  viewerCanEdit viewerCanRecordFor } }`;

/** What a card of the web app's board shows (ActionSummaryFields of libs/web/actions/data-access). */
const CARDS = `query ($c: ID!, $g: ID!) { actions(collaborationId: $c, filter: { groupId: $g }) {
  id collaborationId groupId groupName title type { id code name builtIn } targetGroups
  municipalities { code name } goals { id title } leadOrganization { id name } contact { id name }
  startOn endOn status plannedParticipants confidence
  totals { participants started completed employed employedPrivate studies otherOutcome }
  lastActivityAt version viewerCanEdit } }`;

/**
 * One read outside a transaction: BEGIN, the tenant context (set_config), the read, COMMIT
 * (tenant-context.ts of the database lib).
 */
const STATEMENTS_PER_READ = 4;
/**
 * Every request signs its user in: the user by the token's subject, their pending
 * invitations, their memberships (UserProvisioning.principalFor in the auth lib).
 */
const SIGN_IN_READS = 3;

/** Makes an operational group with `n` actions, each in two municipalities, serving a goal, with outcomes and updates. */
async function seedGroup(groupId: string, n: number) {
  await sql(`INSERT INTO "group" (id, collaboration_id, kind, name) VALUES ($1, $2, 'OPERATIONAL', $3)`, [
    groupId,
    FH_ID,
    `Räknegrupp ${n}`,
  ]);
  await sql(
    `WITH made AS (
       INSERT INTO action (collaboration_id, group_id, title, type_id, status, start_on)
       SELECT $1, $2, 'Insats ' || i, (SELECT id FROM action_type WHERE code = 'JOB_TRACK' AND collaboration_id IS NULL),
              'ONGOING', DATE '2025-01-01'
         FROM generate_series(1, $3) i RETURNING id)
     , places AS (
       INSERT INTO action_municipality (action_id, collaboration_id, municipality_code)
       SELECT id, $1, code FROM made, unnest(ARRAY['1283', '1282']) code RETURNING action_id, municipality_code)
     , goals AS (INSERT INTO action_goal (action_id, collaboration_id, goal_id) SELECT id, $1, $4 FROM made)
     , updates AS (
       INSERT INTO action_update (action_id, collaboration_id, happened_on, text, confidence)
       SELECT id, $1, DATE '2025-02-01' + k, 'Uppdatering ' || k, 'ON_TRACK' FROM made, generate_series(1, 2) k)
     INSERT INTO action_outcome (action_id, collaboration_id, municipality_code, period, month, participants, started,
                                 completed, employed, employed_private, studies, other_outcome)
     SELECT action_id, $1, municipality_code, p, p, 10, 4, 3, 2, 1, 0, 0
       FROM places, unnest(ARRAY['2025-01', '2025-02']) p`,
    [FH_ID, groupId, n, FH_GOAL],
  );
}

const statementsIn = (log: string) =>
  // eslint-disable-next-line no-control-regex
  (log.replace(/\u001b\[[0-9;]*m/g, '').match(/^query( failed)?:/gm) ?? []).length;

describe('the action board’s SQL statements', () => {
  let api: OwnApi;
  let token: string;

  beforeAll(async () => {
    await seedGroup(SMALL_GROUP, 10);
    await seedGroup(LARGE_GROUP, 100);
    token = await tokenFor('styrgrupp');
    api = await startOwnApi({ LOG_SQL: 'true', RATE_LIMIT_PER_USER: '0', RATE_LIMIT_PER_ADDRESS: '0' });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await sql(`DELETE FROM "group" WHERE id = ANY($1)`, [[SMALL_GROUP, LARGE_GROUP]]);
  });

  /** The statements one board request sends, and how many actions it answered with. */
  async function board(groupId: string, query = BOARD) {
    const before = api.output().length;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { c: FH_ID, g: groupId } }),
    });
    // A replayed answer would send no statement at all: every request here is computed.
    expect(response.headers.get('x-kraftsamling-cache')).toBeNull();
    const body = (await response.json()) as {
      data?: { actions: { outcomes: unknown[] }[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    // The log is written before the answer is sent; give the pipe a moment to deliver it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { statements: statementsIn(api.output().slice(before)), actions: body.data!.actions };
  }

  it('is the same for 10 and for 100 actions', async () => {
    // A document of its own first, so what the API does once on its first request is not counted.
    await board(
      SMALL_GROUP,
      `query ($c: ID!, $g: ID!) { actions(collaborationId: $c, filter: { groupId: $g }) { id } }`,
    );
    const small = await board(SMALL_GROUP);
    const large = await board(LARGE_GROUP);
    expect(small.actions).toHaveLength(10);
    expect(large.actions).toHaveLength(100);
    expect(large.actions.every((action) => action.outcomes.length === 4)).toBe(true);
    // The sign-in, the actions with their board fields, then outcomes, updates and history.
    expect(small.statements).toBe((SIGN_IN_READS + 4) * STATEMENTS_PER_READ);
    expect(large.statements).toBe(small.statements);
  }, 60_000);

  it('is one read for the cards of the board, whatever their number', async () => {
    const small = await board(SMALL_GROUP, CARDS);
    const large = await board(LARGE_GROUP, CARDS);
    expect(small.actions).toHaveLength(10);
    expect(large.actions).toHaveLength(100);
    // The sign-in, then the actions with everything a card shows.
    expect(small.statements).toBe((SIGN_IN_READS + 1) * STATEMENTS_PER_READ);
    expect(large.statements).toBe(small.statements);
  }, 60_000);
});
