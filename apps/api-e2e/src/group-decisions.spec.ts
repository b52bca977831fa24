import { FH_ID, errorCodes, gql, sql, tokenFor, type GraphQLResponse } from './support/api';

/**
 * An operational group's own decision log (issue 10): its members record and follow up the
 * decisions of their own group; the coordinator and the steering group any group's; nobody
 * else writes in it. Every decision written here is the test's own (removed afterwards).
 */
const STEERING = '30010000-0000-4000-8000-000000000001';
const LABOUR_MARKET = '30010000-0000-4000-8000-000000000002';
const ADULT_EDUCATION = '30010000-0000-4000-8000-000000000003';

const DECISION = 'id groupId title status version';
const CREATE = `mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { ${DECISION} } }`;
const UPDATE = `mutation ($input: UpdateDecisionInput!) { updateDecision(input: $input) { ${DECISION} } }`;

async function as<T = Record<string, any>>(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return gql<T>(query, variables, { token: await tokenFor(username) });
}

const made: string[] = [];
async function create(username: string, groupId: string | null, title = 'Gruppens beslut (test)') {
  const input: Record<string, unknown> = { collaborationId: FH_ID, title, decidedOn: '2026-10-01' };
  if (groupId) input['groupId'] = groupId;
  const response = await as(username, CREATE, { input });
  if (response.data?.['createDecision']) made.push(response.data['createDecision'].id);
  return response;
}
const update = (username: string, decisionId: string, expectedVersion: number, more = {}) =>
  as(username, UPDATE, {
    input: { collaborationId: FH_ID, decisionId, expectedVersion, status: 'IN_PROGRESS', ...more },
  });

const decisionState = async () =>
  (
    await sql(
      `SELECT count(*) || ':' || coalesce(sum(version), 0) AS state FROM decision WHERE collaboration_id = $1`,
      [FH_ID],
    )
  )[0]!['state'];
const lastAuditId = async () =>
  Number((await sql<{ id: string }>(`SELECT coalesce(max(id), 0) AS id FROM audit_event`))[0]!.id);
const auditSince = (id: number) =>
  sql(
    `SELECT e.action, e.entity_id, u.username, e.before->>'status' AS before, e.after->>'status' AS after
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
      WHERE e.id > $1 AND e.entity_type = 'decision' ORDER BY e.id`,
    [id],
  );

/** `gast` signs in with no membership; for these tests a VIEWER of Familjen Helsingborg. */
let viewerMembership: string | null = null;

beforeAll(async () => {
  // The first request creates the user from the token.
  await as('gast', `query { me { id } }`);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO membership (collaboration_id, user_id, role)
     SELECT $1, id, 'VIEWER' FROM app_user WHERE username = 'gast' RETURNING id`,
    [FH_ID],
  );
  viewerMembership = row!.id;
});

afterAll(async () => {
  await sql(`DELETE FROM decision WHERE id = ANY($1)`, [made]);
  if (viewerMembership) await sql(`DELETE FROM membership WHERE id = $1`, [viewerMembership]);
});

describe('an operational group’s decision log', () => {
  it('lets a member of the group record and follow up its decisions, audited, with conflicts as before', async () => {
    const since = await lastAuditId();
    const created = await create('arbetsmarknad', LABOUR_MARKET, 'Jobbspåret utökas till Bjuv (test)');
    expect(created.errors).toBeUndefined();
    const decision = created.data!['createDecision'];
    expect(decision).toMatchObject({ groupId: LABOUR_MARKET, status: 'OPEN', version: 1 });

    const followedUp = await update('arbetsmarknad', decision.id, 1, { dueOn: '2026-12-31' });
    expect(followedUp.errors).toBeUndefined();
    expect(followedUp.data!['updateDecision']).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    // A second save on the version already replaced: a conflict, nothing overwritten.
    expect(errorCodes(await update('arbetsmarknad', decision.id, 1, { status: 'DONE' }))).toEqual([
      'CONFLICT',
    ]);

    const log = await as(
      'arbetsmarknad',
      `query ($c: ID!, $g: ID) { decisions(collaborationId: $c, groupId: $g) { id status } }`,
      { c: FH_ID, g: LABOUR_MARKET },
    );
    expect(log.data!['decisions']).toContainEqual({ id: decision.id, status: 'IN_PROGRESS' });
    expect(await auditSince(since)).toEqual([
      {
        action: 'decision.created',
        entity_id: decision.id,
        username: 'arbetsmarknad',
        before: null,
        after: 'OPEN',
      },
      {
        action: 'decision.updated',
        entity_id: decision.id,
        username: 'arbetsmarknad',
        before: 'OPEN',
        after: 'IN_PROGRESS',
      },
    ]);
  });

  it('lets the coordinator record and follow up in any operational group’s log', async () => {
    for (const group of [LABOUR_MARKET, ADULT_EDUCATION]) {
      const created = await create('samordnare', group);
      expect(created.errors).toBeUndefined();
      const { id } = created.data!['createDecision'];
      const followedUp = await update('samordnare', id, 1);
      expect(followedUp.errors).toBeUndefined();
      expect(followedUp.data!['updateDecision']).toMatchObject({ groupId: group, version: 2 });
    }
  });

  it('refuses a group member another group’s log and the steering group’s, writing nothing', async () => {
    const otherGroups = (await create('samordnare', ADULT_EDUCATION)).data!['createDecision'];
    const steering = (await create('styrgrupp', null)).data!['createDecision'];
    expect(steering.groupId).toBe(STEERING);

    const before = await decisionState();
    const since = await lastAuditId();
    for (const group of [ADULT_EDUCATION, STEERING, null])
      expect(errorCodes(await create('arbetsmarknad', group))).toEqual(['FORBIDDEN']);
    for (const { id } of [otherGroups, steering])
      expect(errorCodes(await update('arbetsmarknad', id, 1))).toEqual(['FORBIDDEN']);
    // Refused before the version is looked at: a stale version does not reveal a conflict.
    expect(errorCodes(await update('arbetsmarknad', steering.id, 7))).toEqual(['FORBIDDEN']);
    expect(await decisionState()).toBe(before);
    expect(await auditSince(since)).toEqual([]);
  });

  it('refuses a municipal editor and a reader every log, writing nothing', async () => {
    const own = (await create('arbetsmarknad', LABOUR_MARKET)).data!['createDecision'];
    const before = await decisionState();
    for (const username of ['helsingborg', 'gast']) {
      for (const group of [LABOUR_MARKET, null])
        expect(errorCodes(await create(username, group))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await update(username, own.id, 1))).toEqual(['FORBIDDEN']);
    }
    expect(await decisionState()).toBe(before);
  });

  it('tells each reader in which groups’ logs they may write (a hint the web app follows)', async () => {
    const hints = async (username: string) => {
      const response = await as(
        username,
        `query { collaboration(slug: "familjen-helsingborg") { groups { id viewerCanRecordDecisions } } }`,
      );
      expect(response.errors).toBeUndefined();
      return Object.fromEntries(
        response.data!['collaboration'].groups.map((g: any) => [g.id, g.viewerCanRecordDecisions]),
      );
    };
    expect(await hints('arbetsmarknad')).toMatchObject({
      [STEERING]: false,
      [LABOUR_MARKET]: true,
      [ADULT_EDUCATION]: false,
    });
    for (const username of ['samordnare', 'styrgrupp'])
      expect(await hints(username)).toMatchObject({
        [STEERING]: true,
        [LABOUR_MARKET]: true,
        [ADULT_EDUCATION]: true,
      });
    for (const username of ['helsingborg', 'gast'])
      expect(Object.values(await hints(username)).every((hint) => hint === false)).toBe(true);
  });
});
