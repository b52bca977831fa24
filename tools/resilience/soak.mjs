#!/usr/bin/env node
// Soak test (`npm run test:resilience`): the real API, dev IdP and PostgreSQL under several
// demo users' mixed reads and writes over loopback for SOAK_SECONDS (default 240). It
// passes when no request failed, every write the API acknowledged is stored afterwards,
// and the API's resident memory right after a full garbage collection (taken every 5 s by
// memory-probe.cjs, loaded into the API for the run) grew less than 10 % between the end of
// the warm-up and the end of the run, along the least-squares line through those samples.
// The resident memory between collections (VmRSS every second) is reported beside it. The
// figures go to stdout (and, with --json FILE, to a file) for docs/benchmarks.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.SOAK_SECONDS ?? '240' },
    // The API's memory rises for the first minute or two under this load (its caches and V8's
    // heap filling up; rssTimelineMb shows it) and then levels off: with 30 s of warm-up a
    // slower machine measured that rise (12–29 % at 7a7c22a and after), not a leak. The
    // growth is measured after 90 s, over the 150 s that follow.
    warmup: { type: 'string', default: process.env.SOAK_WARMUP_SECONDS ?? '90' },
    json: { type: 'string' },
  },
});
const SECONDS = Number(options.seconds);
const WARMUP_SECONDS = Math.min(Number(options.warmup), SECONDS / 2);
const MAX_RSS_GROWTH = 0.1;

const FH = '10000000-0000-4000-8000-000000000001';
const SANDVIKEN = '10000000-0000-4000-8000-000000000002';
const LOCAL_CODES = [
  'jobbspar.deltagare',
  'arbetstraning.deltagare',
  'trappsteg.deltagare',
  'utfall.anstallning',
];
const FH_GROUPS = ['30010000-0000-4000-8000-000000000003', '30010000-0000-4000-8000-000000000004'];

const dataDir = path.join(workspaceRoot, 'tmp/soak');
const memoryProbeFile = path.join(dataDir, 'memory-after-collection.jsonl');
mkdirSync(dataDir, { recursive: true });
rmSync(memoryProbeFile, { force: true });
const memoryProbe = path.join(workspaceRoot, 'tools/resilience/memory-probe.cjs');

const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: process.env.SOAK_DATABASE_NAME ?? 'kraftsamling_soak',
  recreateDatabase: true,
  dataDir,
  postgresPort: 54334,
  idpPort: Number(process.env.SOAK_IDP_PORT ?? 18091),
  apiPort: Number(process.env.SOAK_API_PORT ?? 13011),
  seedDemo: true,
  apiEnv: {
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require ${JSON.stringify(memoryProbe)}`.trim(),
    KS_MEMORY_PROBE_FILE: memoryProbeFile,
    KS_MEMORY_PROBE_INTERVAL_MS: '5000',
  },
  quiet: true,
  log: () => {},
});

/** The API's memory right after each full collection since `since` (ms), from memory-probe.cjs. */
function memoryAfterCollections(since) {
  return readFileSync(memoryProbeFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((sample) => sample.pid === stack.children.api.pid && sample.at >= since);
}

/** The API process's resident set in bytes, from /proc (Linux). */
function apiRss() {
  const status = readFileSync(`/proc/${stack.children.api.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

async function tokenFor(username) {
  const response = await fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'kraftsamling-cli',
      username,
      password: 'demo',
    }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return (await response.json()).access_token;
}

const stats = { requests: 0, reads: 0, writes: 0, failures: 0, errors: [], latencies: [] };
/** Counts every failure; keeps the first twenty for the report. */
const recordError = (what, detail) => {
  stats.failures++;
  if (stats.errors.length < 20) stats.errors.push(`${what}: ${detail}`);
};

/** One GraphQL request; any transport error, non-200 or GraphQL error counts as a failure. */
async function gql(token, query, variables, what) {
  if (typeof token === 'function') token = token();
  const started = performance.now();
  stats.requests++;
  try {
    const response = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json().catch(() => ({}));
    stats.latencies.push(performance.now() - started);
    if (response.status !== 200 || body.errors) {
      recordError(what, `${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      return null;
    }
    return body.data;
  } catch (error) {
    recordError(what, error.message);
    return null;
  }
}

const READS = [
  ['me', `{ me { id access { slug permissions } } }`, () => ({})],
  [
    'collaboration',
    `query($slug: String!) { collaboration(slug: $slug) { id name groups { id name version } members { id role } } }`,
    () => ({ slug: 'familjen-helsingborg' }),
  ],
  [
    'indicators',
    `query($id: ID!) { indicators(collaborationId: $id) { code nameSv unit } }`,
    () => ({ id: FH }),
  ],
  [
    'indicatorSeries',
    `query($id: ID!, $code: String!) { indicatorSeries(collaborationId: $id, code: $code) { periods areas { areaCode values versions } } }`,
    () => ({ id: FH, code: LOCAL_CODES[Math.floor(Math.random() * LOCAL_CODES.length)] }),
  ],
];
/** Only those who import may list import batches. */
const IMPORTER_READS = [
  ...READS,
  [
    'importBatches',
    `query($id: ID!) { importBatches(collaborationId: $id, limit: 20) { id } }`,
    () => ({ id: FH }),
  ],
];

const deadline = () => Date.now() >= endAt;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let endAt = 0;

/**
 * Each loop starts a request every REQUEST_INTERVAL_MS at most (SOAK_REQUEST_INTERVAL_MS; 250,
 * four a second per user: far above what a person does, well within the API's default rate
 * limit of 2 400 a minute), not as fast as the answers come: the load is then the same on a
 * fast machine and a slow one, about 35 requests a second in all. Before, each loop waited
 * 60 ms after each answer, which made the soak take what the processor had (69 requests a
 * second alone, 1.7 of 2 cores) and, beside the browser tests in CI, slowed them by minutes.
 */
const REQUEST_INTERVAL_MS = Number(process.env.SOAK_REQUEST_INTERVAL_MS ?? 250);
/** Waits until `interval` ms have passed since `startedAt` (a performance.now() reading). */
const paceFrom = (startedAt, interval = REQUEST_INTERVAL_MS) =>
  pause(Math.max(0, interval - (performance.now() - startedAt)));

async function reader(token, reads = READS) {
  while (!deadline()) {
    const startedAt = performance.now();
    const [what, query, variables] = reads[Math.floor(Math.random() * reads.length)];
    if (await gql(token, query, variables(), what)) stats.reads++;
    await paceFrom(startedAt);
  }
}

/**
 * Writes local figures for one municipality: new cells and edits of its own earlier cells
 * (stating the version it last wrote). `acknowledged` keeps the last value the API
 * confirmed for each cell, to be checked in the database at the end.
 */
async function valueWriter(token, collaborationId, areaCode, acknowledged) {
  const versions = new Map();
  let n = 0;
  while (!deadline()) {
    const startedAt = performance.now();
    const code = LOCAL_CODES[n % LOCAL_CODES.length];
    // Cycle over 60 past months, so half the writes are edits of a stored value.
    const month = (Math.floor(n / LOCAL_CODES.length) % 60) + 1;
    const period = `${2015 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
    const key = `${collaborationId}|${areaCode}|${code}|${period}`;
    const value = (n * 7919) % 1000;
    const expectedVersion = versions.get(key);
    const data = await gql(
      token,
      `mutation($input: EnterValuesInput!) { enterValues(input: $input) { inserted changed unchanged } }`,
      {
        input: {
          collaborationId,
          areaCode,
          values: [{ indicatorCode: code, period, value, ...(expectedVersion ? { expectedVersion } : {}) }],
        },
      },
      'enterValues',
    );
    if (data) {
      stats.writes++;
      const { changed, inserted } = data.enterValues;
      if (inserted + changed === 1) versions.set(key, (expectedVersion ?? 0) + 1);
      acknowledged.set(key, value);
    }
    n++;
    await paceFrom(startedAt);
  }
}

/** Renames a group over and over, stating the version each time; the last name must stick. */
async function groupRenamer(token, groupId, acknowledged) {
  const data = await gql(
    token,
    `query($slug: String!) { collaboration(slug: $slug) { groups { id version } } }`,
    { slug: 'familjen-helsingborg' },
    'collaboration',
  );
  let version = data?.collaboration.groups.find((group) => group.id === groupId)?.version;
  let n = 0;
  while (!deadline() && version !== undefined) {
    const startedAt = performance.now();
    const name = `Arbetsgrupp ${groupId.slice(-2)} – varv ${n}`;
    const renamed = await gql(
      token,
      `mutation($input: RenameGroupInput!) { renameGroup(input: $input) { id name version } }`,
      { input: { collaborationId: FH, groupId, expectedVersion: version, name } },
      'renameGroup',
    );
    if (!renamed) break;
    stats.writes++;
    version = renamed.renameGroup.version;
    acknowledged.set(groupId, name);
    n++;
    await paceFrom(startedAt, REQUEST_INTERVAL_MS * 2);
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

let failed = false;
const result = {};
try {
  const users = [
    'helsingborg',
    'bjuv',
    'samordnare',
    'sandviken',
    'styrgrupp',
    'arbetsmarknad',
    'analytiker',
  ];
  const tokens = Object.fromEntries(
    await Promise.all(users.map(async (user) => [user, await tokenFor(user)])),
  );
  // Tokens live 5 minutes in the dev realm; refresh them every minute of the run.
  const refresher = setInterval(async () => {
    for (const user of users) tokens[user] = await tokenFor(user).catch(() => tokens[user]);
  }, 60_000);

  const values = new Map();
  const groups = new Map();
  const rssSamples = [];
  endAt = Date.now() + SECONDS * 1000;
  const sampler = setInterval(() => rssSamples.push({ at: Date.now(), rss: apiRss() }), 1000);
  // Each loop asks for its user's current token on every request.
  const tokenOf = (user) => () => tokens[user];
  const loops = [
    ...['styrgrupp', 'arbetsmarknad', 'helsingborg'].map((user) => reader(tokenOf(user))),
    reader(tokenOf('analytiker'), IMPORTER_READS),
    valueWriter(tokenOf('helsingborg'), FH, '1283', values),
    valueWriter(tokenOf('bjuv'), FH, '1260', values),
    valueWriter(tokenOf('samordnare'), FH, '1214', values),
    valueWriter(tokenOf('sandviken'), SANDVIKEN, '2181', values),
    ...FH_GROUPS.map((groupId) => groupRenamer(tokenOf('samordnare'), groupId, groups)),
  ];
  await Promise.all(loops);
  clearInterval(sampler);
  clearInterval(refresher);

  // Every acknowledged write is stored: read the database directly, not through the API.
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  let missing = 0;
  try {
    for (const [key, value] of values) {
      const [collaborationId, areaCode, code, period] = key.split('|');
      const { rows } = await db.query(
        `SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
          WHERE i.collaboration_id = $1 AND i.code = $2 AND v.area_code = $3 AND v.period = $4`,
        [collaborationId, code, areaCode, period],
      );
      if (rows.length !== 1 || Number(rows[0].value) !== value) missing++;
    }
    for (const [groupId, name] of groups) {
      const { rows } = await db.query(`SELECT name FROM "group" WHERE id = $1`, [groupId]);
      if (rows[0]?.name !== name) missing++;
    }
  } finally {
    await db.end();
  }

  const loadStart = endAt - SECONDS * 1000;
  const warmedUp = loadStart + WARMUP_SECONDS * 1000;
  // The API's memory between collections is a saw (it rises by 50–90 MB between collections,
  // some 30 s apart), and on a processor shared with the browser tests V8 collects later and
  // the teeth grow: the line through the one-second VmRSS samples after the warm-up rose 11.9 %
  // in one CI run and 6.4 % in the next on the same commit. What a leak raises is the memory
  // still resident after a full collection, so that is what the check measures, along the
  // least-squares line through its samples (not two of them, which meet the noise head on).
  const afterCollection = memoryAfterCollections(warmedUp);
  if (afterCollection.length < 10) {
    throw new Error(
      `the memory probe wrote ${afterCollection.length} samples after the warm-up (${memoryProbeFile}); expected one every 5 s`,
    );
  }
  const rssAfterCollection = linearTrend(afterCollection, 'rss');
  const heapAfterCollection = linearTrend(afterCollection, 'heapUsed');
  const { start: rssStart, end: rssEnd } = linearTrend(
    rssSamples.filter((sample) => sample.at >= warmedUp),
    'rss',
  );
  const mb = (bytes) => +(bytes / 2 ** 20).toFixed(1);
  const growth = ({ start, end }) => +((end - start) / start).toFixed(3);
  const latencies = [...stats.latencies].sort((a, b) => a - b);
  Object.assign(result, {
    seconds: SECONDS,
    requests: stats.requests,
    reads: stats.reads,
    acknowledgedWrites: stats.writes,
    cellsChecked: values.size + groups.size,
    errors: stats.failures,
    missingWrites: missing,
    requestsPerSecond: Math.round(stats.requests / SECONDS),
    latencyMs: { p50: +quantile(latencies, 0.5).toFixed(1), p99: +quantile(latencies, 0.99).toFixed(1) },
    // Resident memory right after a full collection: the measure the check holds to 10 %.
    rssAfterCollectionMb: { afterWarmup: mb(rssAfterCollection.start), end: mb(rssAfterCollection.end) },
    rssAfterCollectionGrowth: growth(rssAfterCollection),
    heapAfterCollectionMb: { afterWarmup: mb(heapAfterCollection.start), end: mb(heapAfterCollection.end) },
    // Every 15 s from the start of the load, in MB: a leak climbs to the end, a cache filling
    // up levels off.
    rssAfterCollectionTimelineMb: memoryAfterCollections(loadStart)
      .filter((_, i) => i % 3 === 0)
      .map((sample) => Math.round(sample.rss / 2 ** 20)),
    // VmRSS every second, whenever V8 last collected: reported, not checked (see above).
    rssMb: { afterWarmup: mb(rssStart), end: mb(rssEnd) },
    rssGrowth: growth({ start: rssStart, end: rssEnd }),
    rssTimelineMb: rssSamples
      .filter((_, i) => i % 15 === 0)
      .map((sample) => Math.round(sample.rss / 2 ** 20)),
  });
  console.log(JSON.stringify(result, null, 2));
  for (const error of stats.errors) console.log(`error: ${error}`);
  const checks = [
    ['no request failed', stats.failures === 0],
    ['every acknowledged write is stored', missing === 0 && values.size > 0 && groups.size > 0],
    [
      `resident memory after a full collection grew less than ${MAX_RSS_GROWTH * 100} %`,
      result.rssAfterCollectionGrowth < MAX_RSS_GROWTH,
    ],
  ];
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  failed = checks.some(([, ok]) => !ok);
  console.log(
    `soak: ${checks.filter(([, ok]) => ok).length} passed, ${checks.filter(([, ok]) => !ok).length} failed`,
  );
  if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);

/** The least-squares line through the samples' `field` over time, at their first and last moment. */
function linearTrend(samples, field) {
  const n = samples.length;
  const meanAt = samples.reduce((sum, sample) => sum + sample.at, 0) / n;
  const meanValue = samples.reduce((sum, sample) => sum + sample[field], 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.at - meanAt) * (sample[field] - meanValue);
    variance += (sample.at - meanAt) ** 2;
  }
  const slope = variance ? covariance / variance : 0;
  const at = (time) => meanValue + slope * (time - meanAt);
  return { start: at(samples[0].at), end: at(samples[n - 1].at) };
}
