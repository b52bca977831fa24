import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { DEMO_GROUP_IDS } from '@kraftsamling/api/core/database';
import { liveChannelPrefix } from '@kraftsamling/api/core/live';
import { FH_ID, SANDVIKEN_ID, apiUrl, forgeToken, sql, tokenFor, type GraphQLResponse } from './support/api';
import { startOwnApi, type OwnApi } from './support/own-api';

// Live events (GraphQL subscriptions over graphql-ws): a member with the group page open
// sees what another member does, whichever API instance either of them talks to; nobody
// outside the collaboration sees anything. With REDIS_URL (the global setup sets it when a
// Redis answers on 127.0.0.1:6379) the shared API sends events through Redis, and a second
// API process shows that they cross instances; a process of its own without REDIS_URL keeps
// the in-process path tested too.

const LABOUR_MARKET = DEMO_GROUP_IDS.fhLabourMarket;
const SANDVIKEN_GROUP = DEMO_GROUP_IDS.sandvikenNextStep;
const redisUrl = process.env['REDIS_URL'] || null;

const GROUP_ACTIVITY = /* GraphQL */ `
  subscription GroupActivity($collaborationId: ID!, $groupId: ID!) {
    groupActivity(collaborationId: $collaborationId, groupId: $groupId) {
      kind
      collaborationId
      groupId
      actionId
      actionTitle
      actorName
      at
      update {
        id
        text
        authorName
      }
    }
  }
`;

const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

async function gqlAt<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** How the server closed a raw graphql-transport-ws connection after `connection_init`. */
function closeAfterInit(
  baseUrl: string,
  payload: Record<string, unknown> | undefined,
  timeoutMs = 10_000,
): Promise<{ code: number; reason: string; acknowledged: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(baseUrl), 'graphql-transport-ws');
    let acknowledged = false;
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`the server did not close the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') acknowledged = true;
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: String(reason), acknowledged });
    });
    socket.on('error', () => undefined);
  });
}

interface Subscription {
  events: any[];
  errors: any[];
  completed: boolean;
  /** The first event that `matches`, waiting up to `timeoutMs`. */
  next(matches: (event: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves when the server has answered with errors or completed the subscription. */
  settled(timeoutMs?: number): Promise<void>;
  stop(): void;
}

const clients: Client[] = [];

function liveClient(baseUrl: string, token: string): Client {
  const client = createClient({
    url: wsUrl(baseUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

function subscribe(client: Client, query: string, variables: Record<string, unknown>): Subscription {
  const subscription: Subscription = {
    events: [],
    errors: [],
    completed: false,
    next: (matches, timeoutMs = 15_000) =>
      waitFor(
        () => subscription.events.find(matches),
        timeoutMs,
        () => JSON.stringify({ events: subscription.events, errors: subscription.errors }),
      ),
    settled: (timeoutMs = 15_000) =>
      waitFor(
        () => (subscription.completed || subscription.errors.length ? true : undefined),
        timeoutMs,
        () => 'neither errors nor completion',
      ).then(() => undefined),
    stop: () => dispose(),
  };
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) subscription.errors.push(...result.errors);
        if (result.data) subscription.events.push((result.data as any).groupActivity ?? result.data);
      },
      error: (error) =>
        subscription.errors.push(...(Array.isArray(error) ? error : [{ message: String(error) }])),
      complete: () => (subscription.completed = true),
    },
  );
  return subscription;
}

async function waitFor<T>(found: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing arrived within ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the API has set up a new subscription to the Arbetsmarknad group: through
 * Redis, until the group's channel has `listeners` listening connections (one per API process
 * with subscribers to it); in-process there is nothing outside to look at, so a pause.
 */
async function subscribed(viaRedis: boolean, listeners = 1): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, viaRedis ? 300 : 1_500));
  if (!viaRedis) return;
  const channel = `${liveChannelPrefix(process.env['E2E_API_DATABASE_URL']!)}group:${LABOUR_MARKET}`;
  const redis = new Redis(redisUrl!);
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) >= listeners) return;
      if (Date.now() > deadline) throw new Error(`${channel} has ${count} listeners, not ${listeners}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    redis.disconnect();
  }
}

let jobTrackTypeId: string | undefined;

async function jobTrackType(): Promise<string> {
  if (jobTrackTypeId) return jobTrackTypeId;
  const types = await gqlAt(
    apiUrl(),
    `query ($c: ID!) { actionTypes(collaborationId: $c) { id code } }`,
    { c: FH_ID },
    await tokenFor('arbetsmarknad'),
  );
  expect(types.errors).toBeUndefined();
  return (jobTrackTypeId = (types.data!['actionTypes'] as { id: string; code: string }[]).find(
    (type) => type.code === 'JOB_TRACK',
  )!.id);
}

async function createAction(baseUrl: string, title: string): Promise<{ id: string; version: number }> {
  const created = await gqlAt(
    baseUrl,
    `mutation ($input: CreateActionInput!) { createAction(input: $input) { id version title } }`,
    {
      input: {
        collaborationId: FH_ID,
        groupId: LABOUR_MARKET,
        fields: {
          title,
          description: 'Jobbspår inom vård och omsorg för unga vuxna.',
          typeId: await jobTrackType(),
          targetGroups: ['Unga 18–29 år'],
          municipalityCodes: ['1283'],
          goalIds: [],
          partnerOrganizations: [],
          status: 'ONGOING',
          plannedParticipants: 20,
        },
      },
    },
    await tokenFor('arbetsmarknad'),
  );
  expect(created.errors).toBeUndefined();
  return created.data!['createAction'];
}

async function addUpdate(baseUrl: string, actionId: string, text: string): Promise<void> {
  const added = await gqlAt(
    baseUrl,
    `mutation ($input: AddActionUpdateInput!) { addActionUpdate(input: $input) { id text } }`,
    {
      input: {
        collaborationId: FH_ID,
        actionId,
        date: new Date().toISOString().slice(0, 10),
        text,
        confidence: 'ON_TRACK',
      },
    },
    await tokenFor('arbetsmarknad'),
  );
  expect(added.errors).toBeUndefined();
}

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

describe('the websocket connection', () => {
  it('is refused without an access token (4401)', async () => {
    const closed = await closeAfterInit(apiUrl(), {});
    expect(closed).toEqual({
      code: 4401,
      reason: expect.stringMatching(/no access token/),
      acknowledged: false,
    });
  });

  it('is refused with a token that is not valid or has expired (4401)', async () => {
    const garbage = await closeAfterInit(apiUrl(), { authorization: 'Bearer not.a.token' });
    expect(garbage).toMatchObject({ code: 4401, acknowledged: false });
    const expired = await forgeToken({ exp: Math.floor(Date.now() / 1000) - 60 }, {}, 'styrgrupp');
    const closed = await closeAfterInit(apiUrl(), { authorization: `Bearer ${expired}` });
    expect(closed).toEqual({ code: 4401, reason: expect.stringMatching(/expired/), acknowledged: false });
  });

  it('is closed (4403, which clients retry with a fresh token) when its access token expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await forgeToken({ iat: now, exp: now + 3 }, {}, 'styrgrupp');
    const closed = await closeAfterInit(apiUrl(), { authorization: `Bearer ${shortLived}` }, 15_000);
    expect(closed).toEqual({ code: 4403, reason: expect.stringMatching(/expired/), acknowledged: true });
  });

  it('runs subscriptions only: queries and mutations go over HTTP (rate limits, cached reads)', async () => {
    const client = liveClient(apiUrl(), await tokenFor('styrgrupp'));
    const query = subscribe(client, `query { me { id } }`, {});
    await query.settled();
    expect(query.events).toEqual([]);
    expect(query.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/Only subscriptions run over the websocket/),
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);
  });

  it('applies the document limits of HTTP requests', async () => {
    const client = liveClient(apiUrl(), await tokenFor('styrgrupp'));
    const fields = Array.from({ length: 1_000 }, () => 'kind').join(' ');
    const tooLong = subscribe(
      client,
      `subscription ($c: ID!, $g: ID!) { groupActivity(collaborationId: $c, groupId: $g) { ${fields} } }`,
      { c: FH_ID, g: LABOUR_MARKET },
    );
    await tooLong.settled();
    expect(tooLong.events).toEqual([]);
    expect(tooLong.errors).toEqual([
      expect.objectContaining({
        message: 'Token limit of 1000 exceeded.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    const badVariables = subscribe(client, GROUP_ACTIVITY, { collaborationId: FH_ID });
    await badVariables.settled();
    expect(badVariables.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('subscribing to a group', () => {
  it('is refused (FORBIDDEN) to a user of another collaboration', async () => {
    const client = liveClient(apiUrl(), await tokenFor('sandviken'));
    const other = subscribe(client, GROUP_ACTIVITY, { collaborationId: FH_ID, groupId: LABOUR_MARKET });
    await other.settled();
    expect(other.events).toEqual([]);
    expect(other.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('is refused for a group that is not in the collaboration named', async () => {
    // Sandviken's user names their own collaboration and Familjen Helsingborg's group.
    const client = liveClient(apiUrl(), await tokenFor('sandviken'));
    const crossed = subscribe(client, GROUP_ACTIVITY, {
      collaborationId: SANDVIKEN_ID,
      groupId: LABOUR_MARKET,
    });
    await crossed.settled();
    expect(crossed.events).toEqual([]);
    expect(crossed.errors.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

/**
 * A member of the group subscribes at `subscribeAt`; `arbetsmarknad` acts through
 * `mutateAt`. The subscriber sees both events; Sandviken's user, subscribed to their own
 * group at the same API, sees nothing of them.
 */
async function membersSeeEachOther(subscribeAt: string, mutateAt: string, label: string, viaRedis: boolean) {
  const watcher = subscribe(liveClient(subscribeAt, await tokenFor('styrgrupp')), GROUP_ACTIVITY, {
    collaborationId: FH_ID,
    groupId: LABOUR_MARKET,
  });
  const outsider = subscribe(liveClient(subscribeAt, await tokenFor('sandviken')), GROUP_ACTIVITY, {
    collaborationId: SANDVIKEN_ID,
    groupId: SANDVIKEN_GROUP,
  });
  await subscribed(viaRedis);

  const title = `Jobbspår vård ${label} ${Date.now()}`;
  const action = await createAction(mutateAt, title);
  const created = await watcher.next(
    (event) => event.kind === 'ACTION_CREATED' && event.actionId === action.id,
  );
  expect(created).toMatchObject({
    collaborationId: FH_ID,
    groupId: LABOUR_MARKET,
    actionTitle: title,
    actorName: expect.any(String),
    at: expect.any(String),
  });

  const text = `Tolv deltagare har börjat (${label}).`;
  await addUpdate(mutateAt, action.id, text);
  const update = await watcher.next((event) => event.kind === 'UPDATE_ADDED' && event.actionId === action.id);
  expect(update.update).toMatchObject({ text, authorName: created.actorName });

  expect(watcher.errors).toEqual([]);
  expect(outsider.errors).toEqual([]);
  expect(outsider.events).toEqual([]);
  watcher.stop();
  outsider.stop();
}

describe(`live events on the shared API (${redisUrl ? 'through Redis' : 'in-process'})`, () => {
  it('a member sees another member create an action and add an update; another collaboration sees nothing', async () => {
    await membersSeeEachOther(apiUrl(), apiUrl(), 'shared', !!redisUrl);
  });

  it('holds no database connection for the life of a subscription', async () => {
    const token = await tokenFor('styrgrupp');
    const open = Array.from({ length: 5 }, () =>
      subscribe(liveClient(apiUrl(), token), GROUP_ACTIVITY, {
        collaborationId: FH_ID,
        groupId: LABOUR_MARKET,
      }),
    );
    await subscribed(!!redisUrl);
    // Setting up a subscription reads the user's memberships in short transactions; a leak
    // is a transaction (or a query) that stays, so the check waits for the short ones to end.
    const busyConnections = () =>
      sql<{ state: string; query: string }>(
        `SELECT state, query FROM pg_stat_activity
          WHERE datname = current_database() AND usename <> current_user
            AND (state LIKE 'idle in transaction%' OR (state = 'active' AND query NOT ILIKE '%LISTEN%'))`,
      );
    let busy = await busyConnections();
    for (
      const deadline = Date.now() + 10_000;
      busy.length && Date.now() < deadline;
      busy = await busyConnections()
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(busy).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await busyConnections()).toEqual([]);
    for (const subscription of open) expect(subscription.errors).toEqual([]);
    open.forEach((subscription) => subscription.stop());
  });
});

describe('live events in one API process without Redis', () => {
  let inProcess: OwnApi | null = null;
  afterAll(async () => {
    await inProcess?.stop();
  });

  it('a member sees another member act through the same process', async () => {
    // The shared API runs in-process already when there is no Redis.
    const url = redisUrl ? (inProcess = await startOwnApi({ REDIS_URL: '' })).url : apiUrl();
    await membersSeeEachOther(url, url, 'in-process', false);
  }, 120_000);
});

if (redisUrl) {
  describe('live events across two API instances through Redis', () => {
    let second: OwnApi;
    beforeAll(async () => {
      second = await startOwnApi({ REDIS_URL: redisUrl });
    }, 120_000);
    afterAll(async () => {
      await second?.stop();
    });

    it('a subscriber at one instance sees what a member does through the other', async () => {
      await membersSeeEachOther(apiUrl(), second.url, 'across instances', true);
    });
  });
}

describe('shutting down', () => {
  it(`an API exits promptly on SIGTERM with subscriptions open (${redisUrl ? 'Redis' : 'in-process'})`, async () => {
    const api = await startOwnApi({ REDIS_URL: redisUrl ?? '' });
    const open = subscribe(liveClient(api.url, await tokenFor('styrgrupp')), GROUP_ACTIVITY, {
      collaborationId: FH_ID,
      groupId: LABOUR_MARKET,
    });
    await subscribed(!!redisUrl);
    expect(open.errors).toEqual([]);
    const started = Date.now();
    await api.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    // The client learns the connection went away (1001 "Going away").
    await open.settled();
  }, 120_000);
});
