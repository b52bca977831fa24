import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCodes, gql, sql, tokenFor } from './support/api';
import { startOwnApi } from './support/own-api';

// Issue "Open data sources": the product fetches Kolada's key-figure list and a key
// figure's values itself, every page, retrying what the API asks it to. Against a local
// server replaying answers in Kolada's v3 shape, never the internet.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const KPI = (id: string, title: string, divided: boolean) => ({
  id,
  title,
  description: `${title} (test).`,
  is_divided_by_gender: divided,
  municipality_type: 'K',
  operating_area: 'Arbetsmarknad',
  perspective: 'Resultat',
  publication_date: '2025-03-01',
});
const row = (municipality: string, period: number, values: Record<string, number>) => ({
  kpi: 'N00955',
  municipality,
  period,
  values: Object.entries(values).map(([gender, value]) => ({ gender, count: 1, status: null, value })),
});

let server: http.Server;
let base = '';
const asked: string[] = [];
let refusedOnce = false;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url!, base);
    asked.push(`${url.pathname}${url.search}`);
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const page = Number(url.searchParams.get('page') ?? 1);
    if (url.pathname === '/v3/kpi') {
      return page === 1
        ? send({
            values: [KPI('N00955', 'Test: förvärvsarbetande utrikes födda, andel (%)', true)],
            next_url: `${base}/kpi?page=2&per_page=5000`,
            previous_url: null,
          })
        : send({
            values: [KPI('N00956', 'Test: antal nyanlända, antal', false)],
            next_url: null,
            previous_url: `${base}/kpi?page=1&per_page=5000`,
          });
    }
    if (url.pathname.startsWith('/v3/data/kpi/N00955/year/')) {
      if (page === 2 && !refusedOnce) {
        // The API's rate limit: the fetcher must wait and ask again.
        refusedOnce = true;
        response.writeHead(429, { 'retry-after': '1' });
        return response.end();
      }
      return page === 1
        ? send({
            values: [row('1283', 2024, { T: 61.4, K: 58.2, M: 64.5 }), row('1280', 2024, { T: 55.1 })],
            next_url: `${base}/data/kpi/N00955/year/2024,2025,2026?page=2&per_page=5000`,
            previous_url: null,
          })
        : send({
            values: [row('1283', 2025, { T: 62 })],
            next_url: null,
            previous_url: `${base}/data/kpi/N00955/year/2024,2025,2026?page=1&per_page=5000`,
          });
    }
    // Any other catalogued key figure: Kolada's answer when it has nothing for those years.
    if (url.pathname.startsWith('/v3/data/kpi/N0') && !url.pathname.includes('N00999'))
      return send({ values: [], next_url: null, previous_url: null, count: 0 });
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});

afterAll(async () => {
  await sql(
    `DELETE FROM indicator_value_history WHERE indicator_id IN (SELECT id FROM indicator WHERE code LIKE 'kolada.n0095%')`,
  );
  await sql(
    `DELETE FROM indicator_value WHERE indicator_id IN (SELECT id FROM indicator WHERE code LIKE 'kolada.n0095%')`,
  );
  await sql(`DELETE FROM import_batch WHERE file_name LIKE '%/data/kpi/N00955/%'`);
  await sql(`DELETE FROM indicator WHERE code LIKE 'kolada.n0095%' AND collaboration_id IS NULL`);
  await sql(`DELETE FROM source_fetch WHERE source = 'KOLADA'`);
  await new Promise((resolve) => server.close(resolve));
});

/** The operator's command, run asynchronously: the replay server answers in this process. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(workspaceRoot, 'dist/apps/api/main.js'), 'import', ...args],
      {
        env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'], KOLADA_API_URL: base },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const value = async (code: string, area: string, period: string) =>
  (
    await sql(
      `SELECT v.value::float8 AS value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = $1 AND v.area_code = $2 AND v.period = $3`,
      [code, area, period],
    )
  )[0]?.['value'] ?? null;

describe('fetching from Kolada', () => {
  it('fetches the key-figure list into the catalogue, then a key figure’s values, every page, waiting when asked', async () => {
    const catalogue = await cli('--fetch', 'kolada', '--catalogue');
    expect(catalogue.stdout).toContain('catalogue: added 4, updated 0, unchanged 0');
    const [entry] = await sql(`SELECT name_sv, unit, source FROM indicator WHERE code = 'kolada.n00955.k'`);
    expect(entry).toEqual({
      name_sv: 'Test: förvärvsarbetande utrikes födda, andel (%), kvinnor',
      unit: 'PERCENT',
      source: 'KOLADA',
    });

    const first = await cli('--fetch', 'kolada', '--kpi', 'N00955', '--from', '2024');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/inserted 5, changed 0, unchanged 0; batch [0-9a-f-]{36}/);
    expect(await value('kolada.n00955.t', '1283', '2024')).toBe(61.4);
    expect(await value('kolada.n00955.k', '1283', '2024')).toBe(58.2);
    expect(await value('kolada.n00955.t', '1283', '2025')).toBe(62);
    // Page 2 was refused once (429) and asked again.
    expect(asked.filter((url) => url.includes('/data/kpi/N00955/') && url.includes('page=2'))).toHaveLength(
      2,
    );
    expect(asked).toContain(`/v3/data/kpi/N00955/year/${yearsSince(2024)}?per_page=5000`);

    const again = await cli('--fetch', 'kolada', '--kpi', 'N00955', '--from', '2024');
    expect(again.stdout).toContain('inserted 0, changed 0, unchanged 5 (nothing new)');
    // Three runs of the CLI, each a Node process of its own, on a shared machine.
  }, 90_000);

  it('says what went wrong when the API refuses, writing nothing', async () => {
    const missing = await cli('--fetch', 'kolada', '--kpi', 'N00999', '--from', '2024');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/\/v3\/data\/kpi\/N00999\/year\/.* answered 404/);
    const bad = await cli('--fetch', 'kolada', '--kpi', 'inte-ett-id');
    expect(bad.stderr).toContain('inte-ett-id is not a Kolada key-figure id (e.g. N00955)');
  });
});

function yearsSince(from: number): string {
  const years: number[] = [];
  for (let year = from; year <= new Date().getUTCFullYear(); year++) years.push(year);
  return years.join(',');
}

describe('the scheduled fetch', () => {
  const FETCHES = `query { sourceFetches(limit: 100) { source subject trigger status inserted message } }`;

  it('fetches every catalogued key figure and records each fetch for the stewards', async () => {
    const run = await cli2('fetch-sources');
    // Kolada's list was loaded above: N00955 is catalogued, and has nothing new now.
    expect(run.stdout).toMatch(/^KOLADA N00955: NOTHING_NEW$/m);
    expect(run.stdout).toMatch(/^KOLADA N00946: NOTHING_NEW — the answer held no values for these years$/m);
    const listed = await gql(FETCHES, {}, { token: await tokenFor('statistiker') });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!['sourceFetches']).toContainEqual(
      expect.objectContaining({
        source: 'KOLADA',
        subject: 'N00955',
        trigger: 'MANUAL',
        status: 'NOTHING_NEW',
      }),
    );
    expect(errorCodes(await gql(FETCHES, {}, { token: await tokenFor('helsingborg') }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('runs on its schedule in the API when switched on', async () => {
    const before = Number(
      (await sql(`SELECT count(*)::int AS n FROM source_fetch WHERE trigger = 'SCHEDULE'`))[0]!['n'],
    );
    const api = await startOwnApi({
      SOURCE_FETCH_SCHEDULE: 'on',
      SOURCE_FETCH_CRON: '*/2 * * * * *',
      KOLADA_API_URL: base,
    });
    try {
      let after = before;
      for (let i = 0; i < 60 && after === before; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        after = Number(
          (
            await sql(
              `SELECT count(*)::int AS n FROM source_fetch WHERE trigger = 'SCHEDULE' AND status <> 'RUNNING'`,
            )
          )[0]!['n'],
        );
      }
      expect(after).toBeGreaterThan(before);
    } finally {
      await api.stop();
    }
  }, 90_000);
});

/** Another of the operator's commands (not `import`), asynchronously like cli(). */
function cli2(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(workspaceRoot, 'dist/apps/api/main.js'), ...args], {
      env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'], KOLADA_API_URL: base },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
