#!/usr/bin/env node
// Benchmark of issue 10's speed target: an operational group's action board with 100
// actions and their outcomes (each action's totals summed from its 36 outcome rows; the rows
// themselves are the action page's, not the board's) at /graphql, where a repeated read is
// replayed from the cached reads until an action changes, 20 concurrent clients, p99 under 50 ms; against a
// bare node:http + pg handler in the same run that issues the same SQL reads and sends the
// identical JSON bytes. Needs the API and dev IdP built: `npm run benchmark:actions` builds them.
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import pg from 'pg';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';
import { CONNECTIONS, SECONDS, demoToken, postLoad, summary } from './load.mjs';

const FH = '10000000-0000-4000-8000-000000000001';
const GROUP = 'b2000000-0000-4000-8000-000000000100';
const FH_GOAL = '40010000-0000-4000-8000-000000000001';
const ACTIONS = 100;
const MONTHS = 12;
const work = path.join(workspaceRoot, 'tmp/benchmarks');
mkdirSync(work, { recursive: true });

// Throughput is measured here, not the rate limits (0 turns them off for this API).
process.env.RATE_LIMIT_PER_USER = '0';
process.env.RATE_LIMIT_PER_ADDRESS = '0';
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
  const body = JSON.stringify({
    query: `query ($c: ID!, $g: ID!) { actions(collaborationId: $c, filter: { groupId: $g }) {
      id title status version confidence lastActivityAt startOn endOn plannedParticipants
      totals { participants started completed employed employedPrivate studies otherOutcome }
      type { id code name } municipalities { code name } goals { id title }
      updates { id date text confidence authorName } } }`,
    variables: { c: FH, g: GROUP },
  });
  const reference = await (
    await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    })
  ).text();
  const parsed = JSON.parse(reference);
  if (parsed.errors) throw new Error(reference);
  const actions = parsed.data.actions;
  console.log(
    `board: ${actions.length} actions, each with the totals of ${3 * MONTHS} outcome rows and ${actions[0].updates.length} updates, ${(reference.length / 1024).toFixed(0)} KiB`,
  );

  // The bare handler: the reads an uncached board needs (the actions with their totals, then
  // their types, municipalities, goals and updates for all of them), then the same bytes.
  bare.on('request', async (request, response) => {
    request.resume();
    try {
      const { rows } = await pool.query(
        `SELECT a.*, t.participants FROM action a
           LEFT JOIN LATERAL (SELECT sum(participants) participants FROM action_outcome x WHERE x.action_id = a.id) t ON true
          WHERE a.collaboration_id = $1 AND a.group_id = $2 ORDER BY a.last_activity_at DESC`,
        [FH, GROUP],
      );
      const ids = rows.map((row) => row.id);
      await Promise.all([
        pool.query(`SELECT * FROM action_type WHERE id = ANY($1)`, [
          [...new Set(rows.map((row) => row.type_id))],
        ]),
        pool.query(
          `SELECT am.action_id, m.code, m.name FROM action_municipality am JOIN municipality m ON m.code = am.municipality_code
            WHERE am.collaboration_id = $1 AND am.action_id = ANY($2)`,
          [FH, ids],
        ),
        pool.query(
          `SELECT ag.action_id, g.id, g.title FROM action_goal ag JOIN goal g ON g.id = ag.goal_id
            WHERE ag.collaboration_id = $1 AND ag.action_id = ANY($2)`,
          [FH, ids],
        ),
        pool.query(`SELECT * FROM action_outcome WHERE collaboration_id = $1 AND action_id = ANY($2)`, [
          FH,
          ids,
        ]),
        pool.query(`SELECT * FROM action_update WHERE collaboration_id = $1 AND action_id = ANY($2)`, [
          FH,
          ids,
        ]),
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
  const replay = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  if (replay.headers.get('x-kraftsamling-cache') !== 'hit' || (await replay.text()) !== reference)
    throw new Error('the cached board differs from the first answer');
  const referenceGzipped = gzipSync(reference);
  // As a browser asks: it takes gzip.
  const load = postLoad({ token, body, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  await load(`${stack.apiUrl}/graphql`, 5);
  await load('http://127.0.0.1:13008/', 5);
  // One client first: what one board costs, without waiting for the cores.
  summary('/graphql (1 connection, 10 s)', await load(`${stack.apiUrl}/graphql`, 10, 1));
  summary('bare node:http + pg (1 connection, 10 s)', await load('http://127.0.0.1:13008/', 10, 1));
  const api = summary(
    `/graphql (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load(`${stack.apiUrl}/graphql`, SECONDS),
  );
  const handler = summary(
    `bare node:http + pg (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load('http://127.0.0.1:13008/', SECONDS),
  );
  console.log(
    `ratio: the API serves ${((100 * api.requests.average) / handler.requests.average).toFixed(0)} % of the bare handler's throughput; p99 ${api.latency.p99} ms (target < 50 ms) vs ${handler.latency.p99} ms`,
  );
} finally {
  await pool.end();
  bare.close();
  await stack.stop();
}
