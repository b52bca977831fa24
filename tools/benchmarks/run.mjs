#!/usr/bin/env node
// Benchmarks of the targets in issue 3 (docs/benchmarks.md holds the figures):
//  1. importing a national AF workbook (290 municipalities × 96 months × 10 pairs,
//     556 800 values) end to end through the import command, and importing it again;
//     wall time and peak memory (RSS) from /usr/bin/time;
//  2. reading one indicator for 11 municipalities × 120 months through /graphql with
//     autocannon after a warm-up: median and tail latency.
// It needs the API and dev IdP built (`npx nx run-many -t build -p api dev-idp`) and a
// PostgreSQL: DATABASE_URL's server, or an embedded one. Everything runs on this machine.
import autocannon from 'autocannon';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

const execFileAsync = promisify(execFile);
const work = path.join(workspaceRoot, 'tmp/benchmarks');
mkdirSync(work, { recursive: true });
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, {
    cwd: workspaceRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
};

run('node', [
  'tools/build/build-node-app.mjs',
  'tools/benchmarks/src/af-workbook-for-benchmark.ts',
  'dist/tools/benchmarks/af-workbook.js',
]);
const national = path.join(work, 'national-andel-av-bas.xlsx');
const fh = path.join(work, 'familjen-helsingborg-120-man-andel-av-bas.xlsx');
console.log(run('node', ['dist/tools/benchmarks/af-workbook.js', national, '2016-01', '96']).stdout.trim());
const FH = '1214,1257,1260,1275,1276,1277,1278,1282,1283,1284,1292';
console.log(run('node', ['dist/tools/benchmarks/af-workbook.js', fh, '2010-01', '120', FH]).stdout.trim());

// Throughput is measured here, not the rate limits (0 turns them off for this API).
process.env.RATE_LIMIT_PER_USER = '0';
process.env.RATE_LIMIT_PER_ADDRESS = '0';
const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: 'kraftsamling_benchmark',
  recreateDatabase: true,
  dataDir: work,
  postgresPort: 54333,
  idpPort: 18082,
  apiPort: 13002,
  seedDemo: true,
  quiet: true,
  log: () => {},
});
try {
  /**
   * One import through the operator's command, timed by /usr/bin/time. Asynchronous, so this
   * process keeps serving its sockets: a blocked event loop misses the dev IdP closing an idle
   * keep-alive connection, and the next request would go out on the dead socket.
   */
  const timedImport = async (file) => {
    const result = await execFileAsync(
      '/usr/bin/time',
      ['-v', 'node', 'dist/apps/api/main.js', 'import', '--source', 'af', '--file', file],
      {
        cwd: workspaceRoot,
        env: { ...process.env, DATABASE_URL: stack.databaseUrl },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error) => {
      throw new Error(`${error.stdout}${error.stderr}`);
    });
    const wall = result.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/)[1];
    const rssKb = Number(result.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
    const [m, s] = wall.split(':').map(Number);
    return {
      seconds: m * 60 + s,
      peakMb: Math.round(rssKb / 1024),
      summary: result.stdout.trim().split('\n').pop(),
    };
  };
  const first = await timedImport(national);
  console.log(`national import: ${first.seconds.toFixed(1)} s, peak ${first.peakMb} MB — ${first.summary}`);
  const again = await timedImport(national);
  console.log(
    `national re-import (unchanged): ${again.seconds.toFixed(1)} s, peak ${again.peakMb} MB — ${again.summary}`,
  );
  console.log(`Familjen Helsingborg 120 months: ${(await timedImport(fh)).summary}`);

  const token = await (
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
  ).json();
  const body = JSON.stringify({
    query: `query ($c: ID!, $code: String!) { indicatorSeries(collaborationId: $c, code: $code, from: "2010-01", to: "2019-12") { periods areas { areaCode values lowerBounds } } }`,
    variables: { c: '10000000-0000-4000-8000-000000000001', code: 'af.bas.utrk.unemployed' },
  });
  const check = await (
    await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body,
    })
  ).json();
  const areas = check.data.indicatorSeries.areas;
  console.log(`series: ${areas.length} municipalities × ${check.data.indicatorSeries.periods.length} months`);
  const load = (duration) =>
    autocannon({
      url: `${stack.apiUrl}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body,
      connections: 1,
      duration,
    });
  await load(5); // warm-up: JIT, connection pool, JWKS cache
  const result = await load(20);
  console.log(
    `GraphQL read (1 connection, 20 s): median ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx} non-2xx`,
  );
} finally {
  await stack.stop();
}
