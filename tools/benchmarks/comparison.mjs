#!/usr/bin/env node
// Benchmark of the comparison target (issue "Compare with peers"): one ratio indicator over
// all 290 municipalities × 120 months at /graphql, with 20 concurrent clients, against a
// bare node:http + pg handler in the same run that issues the SQL an uncached comparison
// reads (both parts of the ratio for every area and month) and serves the identical bytes.
// Needs the API and dev IdP built: `npm run benchmark:comparison` builds them first.
import autocannon from 'autocannon';
import { execFile, spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import pg from 'pg';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

const execFileAsync = promisify(execFile);
const FH = '10000000-0000-4000-8000-000000000001';
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCHMARK_SECONDS ?? 20);
const MONTHS = 120;
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
const first = '2016-01';
const last = '2025-12';
const file = path.join(work, `riket-${MONTHS}-man.xlsx`);
await execFileAsync('node', ['dist/tools/benchmarks/af-workbook.js', file, first, String(MONTHS)], {
  cwd: workspaceRoot,
  maxBuffer: 1 << 26,
});

// Throughput is measured here, not the rate limits (0 turns them off for this API).
process.env.RATE_LIMIT_PER_USER = '0';
process.env.RATE_LIMIT_PER_ADDRESS = '0';
const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: 'kraftsamling_benchmark_comparison',
  recreateDatabase: true,
  dataDir: work,
  postgresPort: 54336,
  idpPort: 18084,
  apiPort: 13005,
  seedDemo: true,
  quiet: true,
  log: () => {},
});
const bare = http.createServer();
try {
  await execFileAsync(
    'node',
    ['dist/apps/api/main.js', 'import', '--source', 'af', '--af-series', 'bas', '--file', file],
    { cwd: workspaceRoot, env: { ...process.env, DATABASE_URL: stack.databaseUrl }, maxBuffer: 1 << 26 },
  );
  const token = (
    await (
      await fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'kraftsamling-cli',
          username: 'helsingborg',
          password: 'demo',
        }),
      })
    ).json()
  ).access_token;

  const body = JSON.stringify({
    query: `query ($input: ComparisonInput!) { comparison(input: $input) {
      periods rankPeriod median
      areas { areaCode areaName values bounds { index low high } rank quartile unranked }
      total { values bounds { index low high } included inScope }
      country { areaCode values } } }`,
    variables: {
      input: {
        collaborationId: FH,
        indicatorCode: 'af.bas.utrk.unemployment_share',
        peers: { kind: 'ALL' },
        from: first,
        to: last,
      },
    },
  });
  const ask = () =>
    fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
  const started = performance.now();
  const reference = await (await ask()).text();
  const computed = performance.now() - started;
  const parsed = JSON.parse(reference);
  if (parsed.errors) throw new Error(reference);
  const comparison = parsed.data.comparison;
  console.log(
    `comparison: ${comparison.areas.length} municipalities × ${comparison.periods.length} months, ${(reference.length / 1024).toFixed(0)} KiB; first answer (computed) in ${computed.toFixed(0)} ms`,
  );
  // The replay, plain and (once compressed) gzipped, must be the first answer byte for byte.
  for (let i = 0; i < 3; i++) {
    const replay = await ask();
    if (replay.headers.get('x-kraftsamling-cache') !== 'hit' || (await replay.text()) !== reference)
      throw new Error('the cached comparison differs from the first answer');
  }

  // The bare handler: the SQL an uncached comparison needs, then the identical JSON.
  const referenceGzipped = gzipSync(reference);
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 10 });
  bare.on('request', async (request, response) => {
    request.resume();
    try {
      await pool.query(
        `SELECT v.indicator_id, v.area_code, v.period, v.value::float8, v.lower_bound, v.upper_bound::float8
           FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
          WHERE i.code IN ('af.bas.utrk.unemployed', 'af.bas.utrk.labour_force') AND i.collaboration_id IS NULL
            AND v.period BETWEEN $1 AND $2`,
        [first, last],
      );
      // Like the API, gzipped for a client that takes it (compressed once, as the API does).
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        vary: 'Accept-Encoding',
      });
      response.end(referenceGzipped);
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise((resolve) => bare.listen(13006, '127.0.0.1', resolve));

  const load = (url, duration) =>
    autocannon({
      url,
      method: 'POST',
      // As a browser asks: it takes gzip.
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'accept-encoding': 'gzip, deflate, br',
      },
      body,
      connections: CONNECTIONS,
      duration,
    });
  const summary = (name, result) => {
    console.log(
      `${name}: ${result.requests.average.toFixed(0)} requests/s, median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${(result.throughput.average / Math.max(1, result.requests.average) / 1024).toFixed(0)} KiB per answer on the wire, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    return result;
  };
  await load(`${stack.apiUrl}/graphql`, 5);
  await load('http://127.0.0.1:13006/', 5);
  const api = summary(
    `/graphql (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load(`${stack.apiUrl}/graphql`, SECONDS),
  );
  const handler = summary(
    `bare node:http + pg (${CONNECTIONS} connections, ${SECONDS} s)`,
    await load('http://127.0.0.1:13006/', SECONDS),
  );
  console.log(
    `ratio: the API serves ${((100 * api.requests.average) / handler.requests.average).toFixed(0)} % of the bare handler's throughput`,
  );
  await pool.end();
} finally {
  bare.close();
  await stack.stop();
}
