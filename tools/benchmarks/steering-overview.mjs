#!/usr/bin/env node
// Benchmark of issue 8's speed target: the steering overview of one collaboration (every
// active goal, every member's progress, 36 months) at /graphql, with 20 concurrent clients,
// against a bare node:http + pg handler in the same run that issues the SQL reads an
// uncached request needs (goals, members, values) and serves the identical JSON bytes.
// Needs the API and dev IdP built: `npm run benchmark:overview` builds them first.
import autocannon from 'autocannon';
import { execFile, spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

const execFileAsync = promisify(execFile);
const FH = '10000000-0000-4000-8000-000000000001';
const FH_AREAS = '1214,1257,1260,1275,1276,1277,1278,1282,1283,1284,1292';
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCHMARK_SECONDS ?? 20);
const work = path.join(workspaceRoot, 'tmp/benchmarks');
mkdirSync(work, { recursive: true });

const built = spawnSync(
  'node',
  [
    'tools/build/build-node-app.mjs',
    'tools/benchmarks/src/af-workbook-for-benchmark.ts',
    'dist/tools/benchmarks/af-workbook.js',
  ],
  { cwd: workspaceRoot, encoding: 'utf8' },
);
if (built.status !== 0) throw new Error(built.stderr);
// 36 months up to the last complete month, for Familjen Helsingborg's 11 members.
const now = new Date();
const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 35, 1));
const month = (d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const file = path.join(work, 'familjen-helsingborg-36-man-andel-av-bas.xlsx');
await execFileAsync('node', ['dist/tools/benchmarks/af-workbook.js', file, month(first), '36', FH_AREAS], {
  cwd: workspaceRoot,
});

// Throughput is measured here, not the rate limits (0 turns them off for this API).
process.env.RATE_LIMIT_PER_USER = '0';
process.env.RATE_LIMIT_PER_ADDRESS = '0';
const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: 'kraftsamling_benchmark_overview',
  recreateDatabase: true,
  dataDir: work,
  postgresPort: 54335,
  idpPort: 18083,
  apiPort: 13003,
  seedDemo: true,
  quiet: true,
  log: () => {},
});
const bare = http.createServer();
try {
  const env = { ...process.env, DATABASE_URL: stack.databaseUrl };
  await execFileAsync(
    'node',
    ['dist/apps/api/main.js', 'import', '--source', 'af', '--af-series', 'bas', '--file', file],
    {
      cwd: workspaceRoot,
      env,
    },
  );
  // The demo goal freezes its baselines from the statistics just imported.
  await execFileAsync('node', ['dist/apps/api/main.js', 'seed', '--demo'], { cwd: workspaceRoot, env });

  const token = (
    await (
      await fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'kraftsamling-cli',
          username: 'styrgrupp',
          password: 'demo',
        }),
      })
    ).json()
  ).access_token;
  const graphql = async (query, variables) => {
    const response = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  // Three more active goals beside the demo's, as a steering group would have.
  const baseline = month(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 13, 1)));
  const target = month(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 11, 1)));
  for (const [title, indicatorCode, targetKind, targetValue, extra] of [
    ['Halvera arbetslösheten bland unga', 'af.bas.ung.unemployed', 'RELATIVE_CHANGE', -0.5, {}],
    [
      'Andelen arbetslösa utrikes födda under 15 %',
      'af.bas.utr.unemployment_share',
      'LEVEL',
      15,
      { levelDirection: 'AT_MOST', levelScope: 'BOTH' },
    ],
    ['300 färre arbetslösa totalt', 'af.bas.tot.unemployed', 'ABSOLUTE_CHANGE', -30, {}],
  ]) {
    const { createGoal } = await graphql(
      `
        mutation ($input: CreateGoalInput!) {
          createGoal(input: $input) {
            id
            version
          }
        }
      `,
      {
        input: {
          collaborationId: FH,
          title,
          indicatorCode,
          baselinePeriod: baseline,
          targetPeriod: target,
          targetKind,
          targetValue,
          ...extra,
        },
      },
    );
    await graphql(
      `
        mutation ($input: GoalVersionInput!) {
          activateGoal(input: $input) {
            id
          }
        }
      `,
      {
        input: { collaborationId: FH, goalId: createGoal.id, expectedVersion: createGoal.version },
      },
    );
  }

  const quantity = '{ value low high }';
  const progress = `status latestPeriod flags baseline ${quantity} target ${quantity} latest ${quantity}
    expected ${quantity} gap ${quantity} progress ${quantity} projection ${quantity} values lowerBounds upperBounds`;
  const body = JSON.stringify({
    query: `query ($c: ID!) { goals(collaborationId: $c, states: [ACTIVE]) {
      id title targetKind targetValue baselinePeriod targetPeriod status
      progress { asOf periods collaboration { included ${progress} } members { areaCode areaName ${progress} } } } }`,
    variables: { c: FH },
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
  const goals = parsed.data.goals;
  console.log(
    `overview: ${goals.length} active goals × ${goals[0].progress.members.length} members × ${goals[0].progress.periods.length} months, ${(reference.length / 1024).toFixed(0)} KiB`,
  );

  // The bare handler: the SQL an uncached overview needs, then the identical JSON.
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 10 });
  bare.on('request', async (request, response) => {
    request.resume();
    try {
      const { rows: goalRows } = await pool.query(
        `SELECT g.id, g.indicator_id, g.baseline_period FROM goal g WHERE g.collaboration_id = $1 AND g.status = 'ACTIVE'`,
        [FH],
      );
      await pool.query(`SELECT * FROM goal_member WHERE collaboration_id = $1 AND goal_id = ANY($2)`, [
        FH,
        goalRows.map((g) => g.id),
      ]);
      await pool.query(
        `SELECT v.indicator_id, v.area_code, v.period, v.value, v.lower_bound, v.upper_bound
           FROM indicator_value v
           JOIN indicator i ON i.id = ANY(ARRAY(SELECT unnest(ARRAY[g.indicator_id, x.numerator_id, x.denominator_id])
                                                   FROM goal g JOIN indicator x ON x.id = g.indicator_id
                                                  WHERE g.collaboration_id = $1 AND g.status = 'ACTIVE'))
          WHERE v.indicator_id = i.id AND v.area_code = ANY($2) AND v.period >= $3`,
        [FH, FH_AREAS.split(','), baseline],
      );
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(reference);
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise((resolve) => bare.listen(13004, '127.0.0.1', resolve));

  const load = (url, duration) =>
    autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      connections: CONNECTIONS,
      duration,
    });
  const summary = (name, result) => {
    console.log(
      `${name}: ${result.requests.average.toFixed(0)} requests/s, median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${(result.throughput.average / result.requests.average / 1024).toFixed(0)} KiB per answer, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    return result;
  };
  await load(`${stack.apiUrl}/graphql`, 5);
  await load('http://127.0.0.1:13004/', 5);
  // What the load replays must be the answer itself, byte for byte, not a shortcut.
  const replay = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  if (replay.headers.get('x-kraftsamling-cache') !== 'hit' || (await replay.text()) !== reference)
    throw new Error('the cached overview differs from the first answer');
  const api = summary(
    `/graphql (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load(`${stack.apiUrl}/graphql`, SECONDS),
  );
  const handler = summary(
    `bare node:http + pg (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load('http://127.0.0.1:13004/', SECONDS),
  );
  console.log(
    `ratio: the API serves ${((100 * api.requests.average) / handler.requests.average).toFixed(0)} % of the bare handler's throughput`,
  );
  await pool.end();
} finally {
  bare.close();
  await stack.stop();
}
