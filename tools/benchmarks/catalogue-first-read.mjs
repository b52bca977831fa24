#!/usr/bin/env node
// The catalogue's first read after a change (docs/benchmarks.md): the indicator catalogue is
// a cached read, so what a person waits for is the read that follows a change of any value,
// when the API computes the catalogue's facts (coverage, latest period, latest import) over
// every value again. The product runs with the synthetic demo statistics (about a million
// values, imported on the first run into a database of its own and kept); each round a
// municipal editor enters one local value (which makes the next catalogue read a first read)
// and the catalogue is then read twice: the first read timed, the second a cached one for
// comparison. Prints the medians and the 90th percentiles.
//
//   npm run benchmark:catalogue [-- rounds, default 15]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';
import { demoToken } from './load.mjs';

const ROUNDS = Number(process.argv[2] ?? 15);
const FH = '10000000-0000-4000-8000-000000000001';

const stack = await startStack({
  databaseServerUrl: process.env.DATABASE_URL,
  databaseName: 'kraftsamling_catalogue_benchmark',
  recreateDatabase: false,
  dataDir: path.join(workspaceRoot, 'tmp/benchmarks/catalogue'),
  postgresPort: 54341,
  idpPort: 18095,
  apiPort: 13021,
  seedDemo: true,
  importDemoStatistics: true,
  quiet: true,
  log: (line) => console.log(line),
});

async function graphql(accessToken, query, variables) {
  const started = performance.now();
  const response = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      authorization: `Bearer ${accessToken}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return { ms, cache: response.headers.get('x-kraftsamling-cache'), data: body.data };
}

const CATALOGUE = `query($id: ID!) { indicators(collaborationId: $id) { code coverage lastPeriod lastImportedAt } }`;
const SERIES = `query($id: ID!, $code: String!) { indicatorSeries(collaborationId: $id, code: $code) { periods areas { areaCode versions } } }`;
const ENTER = `mutation($input: EnterValuesInput!) { enterValues(input: $input) { inserted changed unchanged } }`;
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

try {
  const editor = await demoToken(stack.issuerUrl, 'helsingborg');
  const reader = await demoToken(stack.issuerUrl, 'styrgrupp');
  const first = [];
  const cached = [];
  let indicators = 0;
  // The cell's version as this database keeps it from earlier runs: each write states it.
  const { data } = await graphql(editor, SERIES, { id: FH, code: 'jobbspar.deltagare' });
  const helsingborg = data.indicatorSeries.areas.find((area) => area.areaCode === '1283');
  let version = helsingborg?.versions[data.indicatorSeries.periods.indexOf('2016-01')] ?? 0;
  for (let round = 0; round < ROUNDS; round++) {
    await graphql(editor, ENTER, {
      input: {
        collaborationId: FH,
        areaCode: '1283',
        values: [
          {
            indicatorCode: 'jobbspar.deltagare',
            period: '2016-01',
            value: version + 1,
            ...(version ? { expectedVersion: version } : {}),
          },
        ],
      },
    });
    version++;
    const miss = await graphql(reader, CATALOGUE, { id: FH });
    const hit = await graphql(reader, CATALOGUE, { id: FH });
    if (miss.cache === 'hit' || hit.cache !== 'hit')
      throw new Error(
        `round ${round}: expected a first read, then a cached one (got ${miss.cache}, ${hit.cache})`,
      );
    indicators = miss.data.indicators.length;
    first.push(miss.ms);
    cached.push(hit.ms);
  }
  const round1 = (value) => Math.round(value);
  console.log(
    JSON.stringify(
      {
        rounds: ROUNDS,
        indicators,
        firstReadMs: { median: round1(quantile(first, 0.5)), p90: round1(quantile(first, 0.9)) },
        cachedReadMs: { median: round1(quantile(cached, 0.5)), p90: round1(quantile(cached, 0.9)) },
        loadAverage: (await import('node:os')).loadavg()[0].toFixed(2),
      },
      null,
      2,
    ),
  );
} finally {
  await stack.stop();
}
