#!/usr/bin/env node
// Benchmark of issue 10's speed target: an operational group's action board with 100
// actions and their outcomes (each action's totals summed from its 36 outcome rows; the rows
// themselves are the action page's, not the board's) at /graphql, 20 concurrent clients, p99
// under 50 ms. The board is the web app's GroupActions document. Measured twice: replayed
// from the cached reads (every read until an action changes) and computed (every read after
// a change). Against a bare node:http + pg handler in the same run that issues the fewest
// SQL reads such a board needs and sends the identical JSON bytes. Needs the API and dev IdP
// built: `npm run benchmark:actions` builds them.
import http from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import pg from 'pg';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';
import { CONNECTIONS, SECONDS, demoToken, postLoad, summary } from './load.mjs';

const FH = '10000000-0000-4000-8000-000000000001';
const GROUP = 'b2000000-0000-4000-8000-000000000100';
const FH_GOAL = '40010000-0000-4000-8000-000000000001';
const ACTIONS = 100;
const MONTHS = 12;

/** The web app's GroupActions operation with the fragments it spreads, as one document. */
function boardDocument() {
  const file = path.join(workspaceRoot, 'libs/web/actions/data-access/src/lib/graphql/actions.graphql');
  const definitions = parse(readFileSync(file, 'utf8')).definitions;
  const fragments = new Map(
    definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'GroupActions',
  );
  const used = new Map();
  const collect = (node) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        used.set(name, fragments.get(name));
        collect(fragments.get(name));
      },
    });
  collect(operation);
  return [operation, ...used.values()].map((d) => print(d)).join('\n');
}

const work = path.join(workspaceRoot, 'tmp/benchmarks');
mkdirSync(work, { recursive: true });

// Throughput is measured here, not the rate limits (0 turns them off for this API).
process.env.RATE_LIMIT_PER_USER = '0';
process.env.RATE_LIMIT_PER_ADDRESS = '0';
// As deployed (docker/api.Dockerfile): in development graphql-js checks every type test more
// thoroughly, a tenth of a computed board's work. The daily fetch stays off here.
process.env.NODE_ENV = 'production';
process.env.SOURCE_FETCH_SCHEDULE = 'off';
const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: 'kraftsamling_benchmark_actions',
  recreateDatabase: true,
  dataDir: work,
  postgresPort: 54336,
  idpPort: 18085,
  apiPort: 13007,
  seedDemo: true,
  quiet: true,
  log: () => {},
});
const bare = http.createServer();
const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 10 });
try {
  // A group of 100 actions, each in three municipalities over 12 months, with a goal and updates.
  await pool.query(
    `INSERT INTO "group" (id, collaboration_id, kind, name) VALUES ($1, $2, 'OPERATIONAL', 'Benchmark')`,
    [GROUP, FH],
  );
  await pool.query(
    `WITH made AS (
       INSERT INTO action (collaboration_id, group_id, title, description, type_id, status, start_on, planned_participants,
                           target_groups, partner_organizations)
       SELECT $1, $2, 'Insats ' || i, 'En insats för benchmark', t.id,
              (ARRAY['PLANNED', 'ONGOING', 'PAUSED', 'COMPLETED'])[1 + i % 4], DATE '2025-01-01', 40,
              ARRAY['Utrikes födda kvinnor'], ARRAY['Arbetsförmedlingen']
         FROM generate_series(1, $3) i
         JOIN action_type t ON t.collaboration_id IS NULL AND t.sort_order = 10 * (1 + i % 8)
       RETURNING id)
     , places AS (
       INSERT INTO action_municipality (action_id, collaboration_id, municipality_code)
       SELECT id, $1, code FROM made, unnest(ARRAY['1283', '1282', '1260']) code RETURNING action_id, municipality_code)
     , goals AS (INSERT INTO action_goal (action_id, collaboration_id, goal_id) SELECT id, $1, $4 FROM made)
     , updates AS (
       INSERT INTO action_update (action_id, collaboration_id, happened_on, text, confidence)
       SELECT id, $1, DATE '2025-02-01' + 30 * k, 'Uppdatering ' || k, 'ON_TRACK' FROM made, generate_series(1, 3) k)
     INSERT INTO action_outcome (action_id, collaboration_id, municipality_code, period, month, participants, started,
                                 completed, employed, employed_private, studies, other_outcome)
     SELECT action_id, $1, municipality_code, p, p, 12, 4, 3, 2, 1, 1, 0
       FROM places, (SELECT to_char(DATE '2025-01-01' + make_interval(months => m), 'YYYY-MM') p
                       FROM generate_series(0, $5 - 1) m) months`,
    [FH, GROUP, ACTIONS, FH_GOAL, MONTHS],
  );

  // What autovacuum would soon do after such a load: fresh statistics for the planner.
  await pool.query('ANALYZE');
  const token = await demoToken(stack.issuerUrl, 'arbetsmarknad');
  // The board as the web app asks for it: its GroupActions document (the group's actions
  // with what a card shows, the group's feed and the action types), not one made up here.
  const board = boardDocument();
  const variables = { collaborationId: FH, groupId: GROUP };
  const body = JSON.stringify({ query: board, variables });
  // The same read that the cached reads never keep (a root field outside
  // CACHEABLE_ROOT_FIELDS): every request computed, as the first read after any change of
  // the group's actions is, and as every user's first read is.
  const computedBody = JSON.stringify({ query: board.replace('{', '{ __typename '), variables });
  const ask = async (requestBody) => {
    const response = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: requestBody,
    });
    return { cache: response.headers.get('x-kraftsamling-cache'), text: await response.text() };
  };
  const reference = (await ask(body)).text;
  const parsed = JSON.parse(reference);
  if (parsed.errors) throw new Error(reference);
  const actions = parsed.data.actions;
  console.log(
    `board: ${actions.length} actions, each with the totals of ${3 * MONTHS} outcome rows; ${parsed.data.groupFeed.length} updates in the feed; ${(reference.length / 1024).toFixed(0)} KiB`,
  );
  const computed = await ask(computedBody);
  if (computed.cache || JSON.stringify(JSON.parse(computed.text).data.actions) !== JSON.stringify(actions))
    throw new Error('the computed board differs from the first answer');

  // The bare handler: the reads a computed board needs at the least (the actions with
  // their totals, type, municipalities and goals in one statement; the feed; the types),
  // then the same bytes.
  bare.on('request', async (request, response) => {
    request.resume();
    try {
      await Promise.all([
        pool.query(
          `SELECT a.*, t.participants,
                  (SELECT json_build_object('id', ty.id, 'code', ty.code, 'name', ty.name_sv) FROM action_type ty WHERE ty.id = a.type_id) type,
                  (SELECT json_agg(json_build_object('code', m.code, 'name', m.name)) FROM action_municipality am
                     JOIN municipality m ON m.code = am.municipality_code WHERE am.action_id = a.id) municipalities,
                  (SELECT json_agg(json_build_object('id', g.id, 'title', g.title)) FROM action_goal ag
                     JOIN goal g ON g.id = ag.goal_id WHERE ag.action_id = a.id) goals
             FROM action a
             LEFT JOIN LATERAL (SELECT sum(participants) participants FROM action_outcome x WHERE x.action_id = a.id) t ON true
            WHERE a.collaboration_id = $1 AND a.group_id = $2 ORDER BY a.last_activity_at DESC`,
          [FH, GROUP],
        ),
        pool.query(
          `SELECT c.* FROM action_update c JOIN action a ON a.id = c.action_id
            WHERE c.collaboration_id = $1 AND a.group_id = $2 ORDER BY c.created_at DESC LIMIT 30`,
          [FH, GROUP],
        ),
        pool.query(`SELECT * FROM action_type WHERE collaboration_id IS NULL OR collaboration_id = $1`, [FH]),
      ]);
      // Like the API, gzipped for a client that takes it (compressed once, as the API does).
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(referenceGzipped);
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise((resolve) => bare.listen(13008, '127.0.0.1', resolve));

  // The board is a cached read: what the load replays must be the first answer, byte for byte.
  const replay = await ask(body);
  if (replay.cache !== 'hit' || replay.text !== reference)
    throw new Error('the cached board differs from the first answer');
  const referenceGzipped = gzipSync(reference);
  // As a browser asks: it takes gzip. All clients are one user (arbetsmarknad): a cached
  // answer is kept per user, so 20 users would each replay their own after their first
  // read, which is the same work; the computed load is what every first read costs.
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  const cached = postLoad({ token, body, headers });
  const uncached = postLoad({ token, body: computedBody, headers });
  const bareUrl = 'http://127.0.0.1:13008/';
  const loadAverage = () => `load average ${os.loadavg()[0].toFixed(1)}`;
  const ratio = (api, handler) =>
    `${((100 * api.requests.average) / handler.requests.average).toFixed(0)} % of the bare handler's throughput`;
  // The bare handler first, the computed board last, each warmed up with one client: at
  // 20 clients the API is still working off computed requests after autocannon stops, and
  // that backlog must not fall into the next measurement.
  const measure = async (name, load, url) => {
    await load(url, 5, 1);
    summary(`${name} (1 connection, 10 s, ${loadAverage()})`, await load(url, 10, 1));
    return summary(
      `${name} (${CONNECTIONS} connections, ${SECONDS} s, ${loadAverage()})`,
      await load(url, SECONDS),
    );
  };
  const handler = await measure('bare node:http + pg', cached, bareUrl);
  const api = await measure('/graphql cached', cached, `${stack.apiUrl}/graphql`);
  const apiComputed = await measure('/graphql computed', uncached, `${stack.apiUrl}/graphql`);
  console.log(
    `cached: ${ratio(api, handler)}; p99 ${api.latency.p99} ms (target < 50 ms) vs ${handler.latency.p99} ms`,
  );
  console.log(
    `computed: ${ratio(apiComputed, handler)}; p99 ${apiComputed.latency.p99} ms (target < 50 ms) vs ${handler.latency.p99} ms`,
  );
} finally {
  await pool.end();
  bare.close();
  await stack.stop();
}
