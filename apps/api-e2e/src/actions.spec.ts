import { FH_ID, SANDVIKEN_ID, errorCodes, gql, sql, tokenFor, type GraphQLResponse } from './support/api';

/**
 * Issue 10: operational groups' actions, outcomes and updates, as the demo users see them.
 * Every write a test makes is on actions it created itself (removed afterwards); the demo
 * actions are only read, or written with input refused before anything is stored.
 */
const LABOUR_MARKET = '30010000-0000-4000-8000-000000000002';
const ADULT_EDUCATION = '30010000-0000-4000-8000-000000000003';
const SANDVIKEN_NEXT_STEP = '30020000-0000-4000-8000-000000000002';
/** demo actions: job track (Arbetsmarknad; 1283, 1282, 1260) and vocational SFI (Vuxenutbildning; 1283, 1282) */
const DEMO_JOB_TRACK = '60010000-0000-4000-8000-000000000001';
const DEMO_VOCATIONAL_SFI = '60010000-0000-4000-8000-000000000005';

const ACTION = `id version title status groupId collaborationId
  type { code name } municipalities { code name } goals { id title }
  totals { participants employed employedPrivate } confidence lastActivityAt`;
const CREATE = `mutation ($input: CreateActionInput!) { createAction(input: $input) { ${ACTION} } }`;
const UPDATE = `mutation ($input: UpdateActionInput!) { updateAction(input: $input) { ${ACTION} } }`;
const RECORD = `mutation ($input: RecordOutcomesInput!) {
  recordOutcomes(input: $input) { actionId municipalityCode period version recordedByName counts { participants started completed employed employedPrivate studies otherOutcome } } }`;
const ADD_UPDATE = `mutation ($input: AddActionUpdateInput!) {
  addActionUpdate(input: $input) { id actionId actionTitle date text authorName statusChange confidence } }`;
const CREATE_TYPE = `mutation ($input: CreateActionTypeInput!) { createActionType(input: $input) { id code name nameSv nameEn builtIn } }`;

const counts = (participants: number, more: Partial<Record<string, number>> = {}) => ({
  participants,
  started: 0,
  completed: 0,
  employed: 0,
  employedPrivate: 0,
  studies: 0,
  otherOutcome: 0,
  ...more,
});

async function as<T = Record<string, any>>(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  if (!headers) return gql<T>(query, variables, { token: await tokenFor(username) });
  const response = await fetch(`${process.env['E2E_API_URL']}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor(username)}`,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

const typeId = async (code: string) =>
  (
    await sql<{ id: string }>(`SELECT id FROM action_type WHERE code = $1 AND collaboration_id IS NULL`, [
      code,
    ])
  )[0]!.id;

const fields = async (more: Record<string, unknown> = {}) => ({
  title: 'Jobbspår e2e',
  description: 'Skapad av ett test',
  typeId: await typeId('JOB_TRACK'),
  targetGroups: ['Utrikes födda kvinnor'],
  municipalityCodes: ['1283', '1282'],
  goalIds: [],
  partnerOrganizations: ['Arbetsförmedlingen'],
  startOn: '2026-01-01',
  endOn: '2026-12-31',
  status: 'ONGOING',
  plannedParticipants: 20,
  ...more,
});

const made: string[] = [];
async function createAs(username: string, groupId: string, more: Record<string, unknown> = {}) {
  const response = await as(username, CREATE, {
    input: { collaborationId: FH_ID, groupId, fields: await fields(more) },
  });
  if (response.data?.['createAction']) made.push(response.data['createAction'].id);
  return response;
}

const countOf = async (table: string) => Number((await sql(`SELECT count(*) AS n FROM ${table}`))[0]!['n']);

afterAll(async () => {
  await sql(`DELETE FROM action WHERE id = ANY($1)`, [made]);
  await sql(`DELETE FROM action_type WHERE collaboration_id = $1 AND code LIKE 'E2E%'`, [FH_ID]);
});

describe('actions: who may do what', () => {
  it('lets a group member create and edit in their own group, but not in another group', async () => {
    const created = await createAs('arbetsmarknad', LABOUR_MARKET);
    expect(created.errors).toBeUndefined();
    const action = created.data!['createAction'];
    expect(action).toMatchObject({
      groupId: LABOUR_MARKET,
      version: 1,
      type: { code: 'JOB_TRACK', name: 'Jobbspår' },
      municipalities: [
        { code: '1283', name: 'Helsingborg' },
        { code: '1282', name: 'Landskrona' },
      ],
    });
    const edited = await as('arbetsmarknad', UPDATE, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        version: 1,
        fields: await fields({ title: 'Nytt namn' }),
      },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!['updateAction']).toMatchObject({ title: 'Nytt namn', version: 2 });

    const before = await countOf('action');
    expect(errorCodes(await createAs('arbetsmarknad', ADULT_EDUCATION))).toEqual(['FORBIDDEN']);
    const otherGroups = await as('arbetsmarknad', UPDATE, {
      input: { collaborationId: FH_ID, actionId: DEMO_VOCATIONAL_SFI, version: 1, fields: await fields() },
    });
    expect(errorCodes(otherGroups)).toEqual(['FORBIDDEN']);
    expect(await countOf('action')).toBe(before);
  });

  it('lets the coordinator create in any group; steering members, analysts and editors create nothing', async () => {
    expect((await createAs('samordnare', ADULT_EDUCATION)).errors).toBeUndefined();
    const before = await countOf('action');
    for (const username of ['styrgrupp', 'analytiker', 'helsingborg'])
      expect(errorCodes(await createAs(username, LABOUR_MARKET))).toEqual(['FORBIDDEN']);
    expect(await countOf('action')).toBe(before);
  });

  it('lets a municipal editor record outcomes for their own municipality on an action running there, and nothing else', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET, { municipalityCodes: ['1283', '1260'] }))
      .data!['createAction'];
    const record = (username: string, municipalityCode: string) =>
      as(username, RECORD, {
        input: {
          collaborationId: FH_ID,
          actionId: action.id,
          rows: [{ municipalityCode, period: '2026-02', counts: counts(6, { started: 6 }) }],
        },
      });
    const own = await record('helsingborg', '1283');
    expect(own.errors).toBeUndefined();
    expect(own.data!['recordOutcomes']).toEqual([
      expect.objectContaining({
        municipalityCode: '1283',
        period: '2026-02',
        version: 1,
        recordedByName: 'Hedda Exempelsdotter',
      }),
    ]);
    expect(errorCodes(await record('helsingborg', '1260'))).toEqual(['FORBIDDEN']);
    // Bjuv's editor may record for Bjuv, where the action runs, …
    expect((await record('bjuv', '1260')).errors).toBeUndefined();
    // … but the editor may not edit the action itself.
    const edit = await as('helsingborg', UPDATE, {
      input: { collaborationId: FH_ID, actionId: action.id, version: 1, fields: await fields() },
    });
    expect(errorCodes(edit)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await record('styrgrupp', '1283'))).toEqual(['FORBIDDEN']);
    expect(
      (
        await sql(`SELECT municipality_code AS code FROM action_outcome WHERE action_id = $1 ORDER BY 1`, [
          action.id,
        ])
      ).map((row) => row['code']),
    ).toEqual(['1260', '1283']);
  });

  it('refuses an editor’s outcomes for a municipality where the action does not run, naming the row', async () => {
    // The demo vocational SFI runs in Helsingborg and Landskrona, not in Bjuv.
    const response = await as('bjuv', RECORD, {
      input: {
        collaborationId: FH_ID,
        actionId: DEMO_VOCATIONAL_SFI,
        rows: [{ municipalityCode: '1260', period: '2026-02', counts: counts(1) }],
      },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!.fields).toEqual([
      { field: 'input.rows.0.municipalityCode', message: expect.stringContaining('does not run in 1260') },
    ]);
  });

  it('lets group members and the coordinator add updates; a status change moves the action’s version', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET)).data!['createAction'];
    const update = await as('arbetsmarknad', ADD_UPDATE, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        date: '2026-03-02',
        text: 'Pausat över sommaren',
        statusChange: 'PAUSED',
        confidence: 'AT_RISK',
      },
    });
    expect(update.errors).toBeUndefined();
    expect(update.data!['addActionUpdate']).toMatchObject({
      actionTitle: 'Jobbspår e2e',
      authorName: 'Arne Arbetsson',
      statusChange: 'PAUSED',
      confidence: 'AT_RISK',
    });
    const read = await as(
      'styrgrupp',
      `query ($c: ID!, $id: ID!) { action(collaborationId: $c, actionId: $id) { status version confidence updates { text } } }`,
      {
        c: FH_ID,
        id: action.id,
      },
    );
    expect(read.data!['action']).toEqual({
      status: 'PAUSED',
      version: 2,
      confidence: 'AT_RISK',
      updates: [{ text: 'Pausat över sommaren' }],
    });
    for (const username of ['helsingborg', 'styrgrupp'])
      expect(
        errorCodes(
          await as(username, ADD_UPDATE, {
            input: { collaborationId: FH_ID, actionId: action.id, date: '2026-03-02', text: 'Nej' },
          }),
        ),
      ).toEqual(['FORBIDDEN']);
    expect(
      (
        await as('samordnare', ADD_UPDATE, {
          input: {
            collaborationId: FH_ID,
            actionId: action.id,
            date: '2026-03-03',
            text: 'Samordnaren hälsar',
          },
        })
      ).errors,
    ).toBeUndefined();
  });

  it('lets only the coordinator extend the action types, named in the request’s language', async () => {
    const created = await as('samordnare', CREATE_TYPE, {
      input: { collaborationId: FH_ID, nameSv: 'E2E Mentorskap', nameEn: 'E2E mentoring' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!['createActionType']).toMatchObject({
      code: 'E2E_MENTORING',
      name: 'E2E Mentorskap',
      builtIn: false,
    });
    const again = await as('samordnare', CREATE_TYPE, {
      input: { collaborationId: FH_ID, nameSv: 'e2e mentorskap', nameEn: 'Other' },
    });
    expect(again.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.nameSv', message: expect.stringContaining('already') },
    ]);
    expect(
      errorCodes(
        await as('arbetsmarknad', CREATE_TYPE, {
          input: { collaborationId: FH_ID, nameSv: 'E2E X', nameEn: 'E2E X' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const english = await as(
      'arbetsmarknad',
      `query ($c: ID!) { actionTypes(collaborationId: $c) { code name builtIn } }`,
      { c: FH_ID },
      {
        'accept-language': 'en-GB,en;q=0.9',
      },
    );
    expect(english.data!['actionTypes']).toEqual(
      expect.arrayContaining([
        { code: 'JOB_TRACK', name: 'Job track', builtIn: true },
        { code: 'E2E_MENTORING', name: 'E2E mentoring', builtIn: false },
      ]),
    );
    // Sandviken does not see Familjen Helsingborg's own type.
    const sandviken = await as('sandviken', `query ($c: ID!) { actionTypes(collaborationId: $c) { code } }`, {
      c: SANDVIKEN_ID,
    });
    expect(sandviken.data!['actionTypes'].map((t: { code: string }) => t.code)).not.toContain(
      'E2E_MENTORING',
    );
  });

  it('tells each reader of the board what they may do, and names the types in the request’s language', async () => {
    const BOARD = `query ($c: ID!, $g: ID!) { actions(collaborationId: $c, filter: { groupId: $g }) {
      id type { code name } municipalities { code } viewerCanEdit viewerCanRecordFor } }`;
    type Card = {
      id: string;
      type: { code: string; name: string };
      municipalities: { code: string }[];
      viewerCanEdit: boolean;
      viewerCanRecordFor: string[];
    };
    const board = async (username: string, headers?: Record<string, string>) => {
      const response = await as<{ actions: Card[] }>(
        username,
        BOARD,
        { c: FH_ID, g: LABOUR_MARKET },
        headers,
      );
      expect(response.errors).toBeUndefined();
      return new Map(response.data!.actions.map((card) => [card.id, card]));
    };
    const codes = ['1260', '1282', '1283'];
    const member = (await board('arbetsmarknad')).get(DEMO_JOB_TRACK)!;
    expect(member.municipalities.map((m) => m.code).sort()).toEqual(codes);
    expect(member.viewerCanEdit).toBe(true);
    expect([...member.viewerCanRecordFor].sort()).toEqual(codes);
    expect(member.type).toEqual({ code: 'JOB_TRACK', name: 'Jobbspår' });
    const coordinator = (await board('samordnare', { 'accept-language': 'en' })).get(DEMO_JOB_TRACK)!;
    expect(coordinator.viewerCanEdit).toBe(true);
    expect(coordinator.type).toEqual({ code: 'JOB_TRACK', name: 'Job track' });
    // A municipal editor of Bjuv (1260): outcomes for Bjuv only, no edits.
    const editor = (await board('bjuv')).get(DEMO_JOB_TRACK)!;
    expect(editor).toMatchObject({ viewerCanEdit: false, viewerCanRecordFor: ['1260'] });
    const steering = (await board('styrgrupp')).get(DEMO_JOB_TRACK)!;
    expect(steering).toMatchObject({ viewerCanEdit: false, viewerCanRecordFor: [] });
    // Another group's member reads the board but may change nothing on it.
    const otherGroup = await as<{ action: Card }>(
      'arbetsmarknad',
      `query ($c: ID!, $id: ID!) { action(collaborationId: $c, actionId: $id) { viewerCanEdit viewerCanRecordFor } }`,
      { c: FH_ID, id: DEMO_VOCATIONAL_SFI },
    );
    expect(otherGroup.data!.action).toEqual({ viewerCanEdit: false, viewerCanRecordFor: [] });
  });

  it('shows Sandviken nothing of Familjen Helsingborg', async () => {
    expect(
      errorCodes(
        await as('sandviken', `query ($c: ID!) { actions(collaborationId: $c) { id } }`, { c: FH_ID }),
      ),
    ).toEqual(['FORBIDDEN']);
    // Its own collaboration as the tenant, Familjen Helsingborg's action as the id: not there.
    const probe = await as(
      'sandviken',
      `query ($c: ID!, $id: ID!) { action(collaborationId: $c, actionId: $id) { id } }`,
      {
        c: SANDVIKEN_ID,
        id: DEMO_JOB_TRACK,
      },
    );
    expect(errorCodes(probe)).toEqual(['NOT_FOUND']);
    const feed = await as(
      'sandviken',
      `query ($c: ID!, $g: ID!) { groupFeed(collaborationId: $c, groupId: $g) { id } }`,
      {
        c: SANDVIKEN_ID,
        g: LABOUR_MARKET,
      },
    );
    expect(errorCodes(feed)).toEqual(['NOT_FOUND']);
    const own = await as(
      'sandviken',
      `query ($c: ID!) { actions(collaborationId: $c) { collaborationId } }`,
      { c: SANDVIKEN_ID },
    );
    expect(new Set(own.data!['actions'].map((a: { collaborationId: string }) => a.collaborationId))).toEqual(
      new Set([SANDVIKEN_ID]),
    );
  });
});

describe('actions: bad input changes nothing and says where', () => {
  it('names each bad field of an action', async () => {
    const before = await countOf('action');
    const response = await createAs('arbetsmarknad', LABOUR_MARKET, {
      startOn: '2026-05-01',
      endOn: '2026-04-30',
      municipalityCodes: ['1283', '2181'],
      typeId: '99999999-0000-4000-8000-000000000000',
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual([
      'input.fields.endOn',
      'input.fields.municipalityCodes',
      'input.fields.typeId',
    ]);
    expect(await countOf('action')).toBe(before);
  });

  it('names each bad outcome row and writes none of them', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET)).data!['createAction'];
    const response = await as('arbetsmarknad', RECORD, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        rows: [
          { municipalityCode: '1283', period: '2026-01', counts: counts(5, { started: 5 }) },
          { municipalityCode: '1283', period: '2026-W05', counts: counts(5) },
          {
            municipalityCode: '1282',
            period: '2026-02',
            counts: counts(5, { employed: 2, employedPrivate: 3 }),
          },
          { municipalityCode: '1282', period: '2026-03', counts: counts(5, { started: -1, completed: 6 }) },
        ],
      },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = response.errors![0]!.extensions!.fields!.map((f) => f.field);
    expect(fields).toContain('input.rows.3.counts.started');
    expect(await countOf(`action_outcome WHERE action_id = '${action.id}'`)).toBe(0);

    const semantic = await as('arbetsmarknad', RECORD, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        rows: [
          { municipalityCode: '1283', period: '2026-01', counts: counts(5, { started: 5 }) },
          { municipalityCode: '1283', period: '2026-W05', counts: counts(5) },
          {
            municipalityCode: '1282',
            period: '2026-02',
            counts: counts(5, { employed: 2, employedPrivate: 3 }),
          },
          { municipalityCode: '1282', period: '2026-03', counts: counts(5, { completed: 6 }) },
        ],
      },
    });
    expect(semantic.errors![0]!.extensions!.fields).toEqual([
      { field: 'input.rows.1.period', message: expect.stringContaining('by month') },
      {
        field: 'input.rows.2.counts.employedPrivate',
        message: expect.stringContaining('only 2 went to employment'),
      },
      {
        field: 'input.rows.3.counts.completed',
        message: expect.stringContaining('more than the 5 participants'),
      },
    ]);
    expect(await countOf(`action_outcome WHERE action_id = '${action.id}'`)).toBe(0);
  });
});

describe('actions: two people edit the same action', () => {
  it('gives the second save a CONFLICT with the newer action, never overwriting the first', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET)).data!['createAction'];
    // Both load version 1; the group member saves first.
    const first = await as('arbetsmarknad', UPDATE, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        version: 1,
        fields: await fields({ title: 'Först' }),
      },
    });
    expect(first.errors).toBeUndefined();
    const second = await as('samordnare', UPDATE, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        version: 1,
        fields: await fields({ title: 'Sist' }),
      },
    });
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect((second.errors![0]!.extensions as Record<string, any>)['current']).toMatchObject({
      id: action.id,
      title: 'Först',
      version: 2,
      municipalityCodes: ['1282', '1283'],
    });
    expect((await sql(`SELECT title, version FROM action WHERE id = $1`, [action.id]))[0]).toEqual({
      title: 'Först',
      version: 2,
    });
  });

  it('refuses outcome rows recorded on a stale or missing version, with the current rows', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET)).data!['createAction'];
    const record = (username: string, rows: unknown[]) =>
      as(username, RECORD, { input: { collaborationId: FH_ID, actionId: action.id, rows } });
    const row = { municipalityCode: '1283', period: '2026-01' };
    expect((await record('arbetsmarknad', [{ ...row, counts: counts(5) }])).errors).toBeUndefined();
    expect((await record('helsingborg', [{ ...row, counts: counts(6), version: 1 }])).errors).toBeUndefined();
    const stale = await record('arbetsmarknad', [{ ...row, counts: counts(7), version: 1 }]);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect((stale.errors![0]!.extensions as Record<string, any>)['current']).toEqual([
      expect.objectContaining({ ...row, version: 2, counts: expect.objectContaining({ participants: 6 }) }),
    ]);
    const missing = await record('arbetsmarknad', [{ ...row, counts: counts(8) }]);
    expect(errorCodes(missing)).toEqual(['CONFLICT']);
    expect(
      (await sql(`SELECT participants, version FROM action_outcome WHERE action_id = $1`, [action.id]))[0],
    ).toEqual({
      participants: 6,
      version: 2,
    });
  });
});

describe('actions: the board', () => {
  it('reads outcomes, updates, history, goals, municipalities and type of every action', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET, { title: 'Tavlan e2e' })).data![
      'createAction'
    ];
    await as('arbetsmarknad', RECORD, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        rows: [
          { municipalityCode: '1283', period: '2026-01', counts: counts(5, { started: 5 }) },
          { municipalityCode: '1282', period: '2026-01', counts: counts(3, { completed: 2, employed: 1 }) },
        ],
      },
    });
    await as('arbetsmarknad', ADD_UPDATE, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        date: '2026-01-20',
        text: 'Igång',
        confidence: 'ON_TRACK',
      },
    });
    const board = await as(
      'styrgrupp',
      `query ($c: ID!, $f: ActionFilter) { actions(collaborationId: $c, filter: $f) {
        id title totals { participants started completed employed } confidence
        type { code } municipalities { code } goals { id }
        outcomes { municipalityCode period counts { participants } }
        updates { text confidence } history { change actorName fields } } }`,
      {
        c: FH_ID,
        f: {
          groupId: LABOUR_MARKET,
          statuses: ['ONGOING'],
          municipalityCode: '1282',
          from: '2026-01',
          to: '2026-02',
        },
      },
    );
    expect(board.errors).toBeUndefined();
    const mine = board.data!['actions'].find((a: { id: string }) => a.id === action.id);
    expect(mine).toMatchObject({
      title: 'Tavlan e2e',
      totals: { participants: 8, started: 5, completed: 2, employed: 1 },
      confidence: 'ON_TRACK',
      type: { code: 'JOB_TRACK' },
      outcomes: [
        { municipalityCode: '1282', period: '2026-01', counts: { participants: 3 } },
        { municipalityCode: '1283', period: '2026-01', counts: { participants: 5 } },
      ],
      updates: [{ text: 'Igång', confidence: 'ON_TRACK' }],
    });
    expect(mine.history.map((h: { change: string }) => h.change)).toEqual([
      'UPDATE_ADDED',
      'OUTCOMES_RECORDED',
      'CREATED',
    ]);
    expect(mine.history[1]).toEqual({
      change: 'OUTCOMES_RECORDED',
      actorName: 'Arne Arbetsson',
      fields: ['1283 2026-01', '1282 2026-01'],
    });
    // The demo job track (Helsingborg, Landskrona, Bjuv) is on the Arbetsmarknad board too.
    expect(board.data!['actions'].map((a: { id: string }) => a.id)).toContain(DEMO_JOB_TRACK);
    // A filter by a municipality where it does not run leaves it out.
    const inKlippan = await as(
      'styrgrupp',
      `query ($c: ID!) { actions(collaborationId: $c, filter: { municipalityCode: "1276", groupId: "${LABOUR_MARKET}" }) { id } }`,
      { c: FH_ID },
    );
    expect(inKlippan.data!['actions'].map((a: { id: string }) => a.id)).not.toContain(action.id);
  });

  it('replays a repeated board read until an action changes, then reads it afresh', async () => {
    const action = (await createAs('arbetsmarknad', LABOUR_MARKET, { title: 'Cache e2e' })).data![
      'createAction'
    ];
    const read = async () => {
      const response = await fetch(`${process.env['E2E_API_URL']}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor('styrgrupp')}`,
        },
        body: JSON.stringify({
          query: `query ($c: ID!, $id: ID!) { action(collaborationId: $c, actionId: $id) { totals { participants } } }`,
          variables: { c: FH_ID, id: action.id },
        }),
      });
      const body = (await response.json()) as { data: { action: { totals: { participants: number } } } };
      return {
        hit: response.headers.get('x-kraftsamling-cache') === 'hit',
        participants: body.data.action.totals.participants,
      };
    };
    expect(await read()).toEqual({ hit: false, participants: 0 });
    // The database's notification of the create starts one more generation of the cache when it
    // arrives, which on a busy machine can be after that first read (seen in CI): read until the
    // answer is replayed, as it must be once the notification is in.
    let again = await read();
    for (let i = 0; i < 20 && !again.hit; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await read();
    }
    expect(again).toEqual({ hit: true, participants: 0 });
    await as('helsingborg', RECORD, {
      input: {
        collaborationId: FH_ID,
        actionId: action.id,
        rows: [{ municipalityCode: '1283', period: '2026-04', counts: counts(4) }],
      },
    });
    expect(await read()).toEqual({ hit: false, participants: 4 });
  });

  it('has the demo data the domain brief tells: Nästa steg by ISO week, 330 participations', async () => {
    const kind = await as('sandviken', `query ($c: ID!) { outcomePeriodKind(collaborationId: $c) }`, {
      c: SANDVIKEN_ID,
    });
    expect(kind.data!['outcomePeriodKind']).toBe('WEEK');
    const actions = (
      await as(
        'sandviken',
        `query ($c: ID!) { actions(collaborationId: $c) { type { code } totals { participants employed employedPrivate } outcomes { period } } }`,
        {
          c: SANDVIKEN_ID,
        },
      )
    ).data!['actions'] as {
      type: { code: string };
      totals: Record<string, number>;
      outcomes: { period: string }[];
    }[];
    const sum = (field: string) => actions.reduce((total, a) => total + a.totals[field]!, 0);
    expect([sum('participants'), sum('employed'), sum('employedPrivate')]).toEqual([330, 159, 43]);
    const byType = Object.fromEntries(actions.map((a) => [a.type.code, a.totals['participants']]));
    expect(byType).toMatchObject({ STEP_TRAINING: 72, JOB_TRACK: 59, WORK_TRAINING: 77 });
    expect(actions.every((a) => a.outcomes.every((o) => /^\d{4}-W\d{2}$/.test(o.period)))).toBe(true);

    // Familjen Helsingborg's three groups have actions with monthly outcomes that add up.
    const fh = (
      await as(
        'samordnare',
        `query ($c: ID!) { actions(collaborationId: $c) { groupId outcomes { period counts { participants started completed employed employedPrivate studies otherOutcome } } } }`,
        {
          c: FH_ID,
        },
      )
    ).data!['actions'] as {
      groupId: string;
      outcomes: { period: string; counts: Record<string, number> }[];
    }[];
    expect(new Set(fh.filter((a) => a.outcomes.length).map((a) => a.groupId)).size).toBe(3);
    for (const outcome of fh.flatMap((a) => a.outcomes)) {
      const c = outcome.counts;
      expect(c['started']! <= c['participants']! && c['completed']! <= c['participants']!).toBe(true);
      expect(c['employedPrivate']! <= c['employed']! && c['employed']! <= c['participants']!).toBe(true);
    }
    // Sandviken's group feed has its updates.
    const feed = await as(
      'sandviken',
      `query ($c: ID!, $g: ID!) { groupFeed(collaborationId: $c, groupId: $g, limit: 5) { text } }`,
      {
        c: SANDVIKEN_ID,
        g: SANDVIKEN_NEXT_STEP,
      },
    );
    expect(feed.data!['groupFeed'].length).toBeGreaterThan(0);
  });
});
