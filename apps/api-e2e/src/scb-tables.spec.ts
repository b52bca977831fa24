import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeAfWorkbook } from '@kraftsamling/api/statistics-formats';
import { apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

// Issue "Open data sources": a statistics steward makes an indicator of any SCB table from
// its metadata, the table's answers then import without code (with or without a table id),
// and the product fetches SCB tables and AF workbooks itself: by hand, from the CLI and on
// the schedule, against the replay server the global setup starts (never the internet).
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RESPONSE = readFileSync(
  path.join(workspaceRoot, 'apps/api-e2e/src/fixtures/scb_employed_residents_no_table_id.json'),
);
/** The replay server of the development stack (a tool, loaded by its path). */
const startReplayServer = async (dir: string): Promise<{ url: string; close(): Promise<void> }> =>
  (
    await import(pathToFileURL(path.join(workspaceRoot, 'tools/dev-stack/replay-server.mjs')).href)
  ).startReplayServer(dir);
const WOMEN = 'scb.tab9990.000009te.kon_2';
const BOTH = 'scb.tab9990.000009te.kon_sum_1_2';

const DEFINE = `mutation ($input: DefineScbIndicatorInput!) { defineScbIndicator(input: $input) { code nameSv unit periodicity source } }`;
const TABLE = `query ($id: String!) { scbTable(id: $id) { id label preliminary url definedCodes dimensions { code role elimination classes { code label unit } } } }`;
const FETCH = `mutation ($input: FetchSourceInput!) { fetchSource(input: $input) { source subject status inserted changed message } }`;

let steward: string;
beforeAll(async () => {
  steward = await tokenFor('statistiker');
});

afterAll(async () => {
  const codes = `(SELECT id FROM indicator WHERE code LIKE 'scb.tab9990.%' OR code LIKE 'af.bas.utr%')`;
  await sql(`DELETE FROM indicator_value_history WHERE indicator_id IN ${codes} AND period < '2000'`);
  await sql(
    `DELETE FROM indicator_value WHERE indicator_id IN (SELECT id FROM indicator WHERE code LIKE 'scb.tab9990.%')`,
  );
  await sql(`DELETE FROM indicator_value WHERE indicator_id IN ${codes} AND period < '2000'`);
  await sql(
    `DELETE FROM import_batch WHERE file_name LIKE '%TAB9990%' OR file_name LIKE 'employed-residents%' OR file_name LIKE 'af-fetch-%'`,
  );
  await sql(`DELETE FROM indicator WHERE code LIKE 'scb.tab9990.%'`);
  await sql(`DELETE FROM source_fetch WHERE subject = 'TAB9990' OR source = 'AF'`);
});

async function importOfficial(bytes: Uint8Array, name: string, source = 'scb') {
  const form = new FormData();
  form.set('source', source);
  form.set('dryRun', 'false');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${apiUrl()}/api/imports/official`, {
    method: 'POST',
    headers: { authorization: `Bearer ${steward}` },
    body: form,
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((line) => line.type === 'report')!.report;
}

const values = async (code: string) =>
  Object.fromEntries(
    (
      await sql<{ key: string; value: number | null }>(
        `SELECT v.area_code || '/' || v.period AS key, v.value::float8 AS value FROM indicator_value v
           JOIN indicator i ON i.id = v.indicator_id WHERE i.code = $1 ORDER BY 1`,
        [code],
      )
    ).map((row) => [row.key, row.value]),
  );

function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(workspaceRoot, 'dist/apps/api/main.js'), ...args], {
      env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'] },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const define = (classes: { dimension: string; codes: string[] }[], extra: Record<string, unknown> = {}) =>
  gql(
    DEFINE,
    {
      input: {
        table: 'TAB9990',
        contentsCode: '000009TE',
        classes,
        nameSv: 'Förvärvsarbetande bosatta (test)',
        nameEn: 'Employed residents (test)',
        unit: 'COUNT',
        periodicity: 'YEAR',
        direction: 'HIGHER_IS_BETTER',
        ...extra,
      },
    },
    { token: steward },
  );

describe('an SCB table defined from its metadata', () => {
  it('an answer no indicator reads says so first, and how to define one from it', async () => {
    const report = await importOfficial(RESPONSE, 'employed-residents.json');
    expect(report.batchId).toBeNull();
    expect(report.nothingMatched).toMatchObject({
      series: 3,
      scb: { table: null, contentsCodes: ['000009TE'], dimensions: ['Kon'] },
    });
    expect(report.nothingMatched.message).toContain('"Define from an SCB table"');
    expect(report.nothingMatched.message).toContain('defineScbIndicator');
  });

  it('shows the table’s dimensions and classes to a steward, and to no one else', async () => {
    const table = await gql(TABLE, { id: 'tab9990' }, { token: steward });
    expect(table.errors).toBeUndefined();
    expect(table.data!['scbTable']).toMatchObject({
      id: 'TAB9990',
      preliminary: false,
      definedCodes: [],
      dimensions: [
        { code: 'Region', role: 'REGION', elimination: true },
        {
          code: 'Kon',
          role: 'OTHER',
          elimination: true,
          classes: [
            { code: '1+2', label: 'totalt', unit: null },
            { code: '1', label: 'män', unit: null },
            { code: '2', label: 'kvinnor', unit: null },
          ],
        },
        { code: 'ContentsCode', role: 'CONTENTS', classes: [{ code: '000009TE', unit: 'antal' }] },
        { code: 'Tid', role: 'TIME' },
      ],
    });
    expect(errorCodes(await gql(TABLE, { id: 'TAB9990' }, { token: await tokenFor('helsingborg') }))).toEqual(
      ['FORBIDDEN'],
    );
    const missing = await gql(TABLE, { id: 'TAB1' }, { token: steward });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0]!.message).toBe('SCB has no table TAB1');
  });

  it('refuses a choice the table does not have, saying where and why, and stores nothing', async () => {
    const wrong = await define([{ dimension: 'Kon', codes: ['9'] }], { periodicity: 'MONTH' });
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0]!.extensions!['fields']).toEqual([
      { field: 'input.classes.0', message: 'Kon has no class 9' },
      { field: 'input.periodicity', message: "the table's periods are YEAR (e.g. 2022), not MONTH" },
    ]);
    expect(await sql(`SELECT 1 FROM indicator WHERE code LIKE 'scb.tab9990.%'`)).toEqual([]);
  });

  it('stores the definition as data: the answer without a table id then imports exactly, a sum included', async () => {
    const women = await define([{ dimension: 'Kon', codes: ['2'] }], {
      nameSv: 'Förvärvsarbetande kvinnor (test)',
    });
    expect(women.errors).toBeUndefined();
    expect(women.data!['defineScbIndicator']).toEqual({
      code: WOMEN,
      nameSv: 'Förvärvsarbetande kvinnor (test)',
      unit: 'COUNT',
      periodicity: 'YEAR',
      source: 'SCB',
    });
    const both = await define([{ dimension: 'Kon', codes: ['1', '2'] }]);
    expect(both.errors).toBeUndefined();
    expect(both.data!['defineScbIndicator'].code).toBe(BOTH);
    // The same series twice is refused: one indicator reads it.
    const again = await define([{ dimension: 'Kon', codes: ['2'] }]);
    expect(again.errors![0]!.extensions!['fields']).toEqual([
      { field: 'input.contentsCode', message: `indicator ${WOMEN} already reads 000009TE Kon=2 of TAB9990` },
    ]);

    const report = await importOfficial(RESPONSE, 'employed-residents.json');
    expect(report.problems).toEqual([]);
    expect(report.nothingMatched).toBeNull();
    // Kon 1+2 is no indicator's (the sum of 1 and 2 is): listed, not an error.
    expect(report.unmappedSeries).toEqual([{ series: 'SCB|000009TE|Kon=1+2', values: 15 }]);
    expect(await values(WOMEN)).toEqual({
      '0000/2022': 2450000,
      '0000/2023': 2450211,
      '0000/2024': 2450422,
      '0012/2022': 340000,
      '0012/2023': 340211,
      '0012/2024': 340422,
      '1260/2022': null,
      '1260/2023': 3811,
      '1260/2024': 4022,
      '1280/2022': 84000,
      '1280/2023': 84211,
      '1280/2024': 84422,
      '1283/2022': 36500,
      '1283/2023': 36711,
      '1283/2024': 36922,
    });
    const sums = await values(BOTH);
    expect(sums['1283/2023']).toBe(38101 + 36711);
    expect(sums['0000/2024']).toBe(2600202 + 2450422);
    expect(report.inserted).toBe(Object.keys(await values(WOMEN)).length + Object.keys(sums).length);
    expect((await importOfficial(RESPONSE, 'employed-residents.json')).inserted).toBe(0);
  });
});

describe('fetching SCB tables and AF workbooks', () => {
  it('a steward fetches a defined table; the schedule imports new values, then nothing the second time', async () => {
    // The municipalities' values are taken away, so the fetch has something new to bring: the
    // schedule reads the last three years (2023 and 2024 here) of the three municipalities,
    // for both indicators.
    await sql(
      `DELETE FROM indicator_value WHERE area_code ~ '^[0-9]{4}$' AND area_code <> '0000'
          AND indicator_id IN (SELECT id FROM indicator WHERE code LIKE 'scb.tab9990.%')`,
    );
    const first = await run('fetch-sources');
    expect(first.stdout).toMatch(/^SCB TAB9990: IMPORTED \(inserted 12, changed 0\)$/m);
    expect(await values(WOMEN)).toMatchObject({ '1283/2024': 36922, '1260/2023': 3811 });
    const second = await run('fetch-sources');
    expect(second.stdout).toMatch(/^SCB TAB9990: NOTHING_NEW$/m);
    // A table the catalogue reads but the (replayed) API does not know is a failure in words.
    expect(second.stdout).toMatch(
      /^SCB TAB638: FAILED — .*\/scb\/tables\/TAB638\/metadata\?lang=sv answered 404/m,
    );

    // By hand from 2022: the year the schedule did not read comes back (3 municipalities × 2).
    const byHand = await gql(
      FETCH,
      { input: { source: 'SCB', subject: 'tab9990', from: 2022 } },
      { token: steward },
    );
    expect(byHand.errors).toBeUndefined();
    expect(byHand.data!['fetchSource']).toEqual({
      source: 'SCB',
      subject: 'TAB9990',
      status: 'IMPORTED',
      inserted: 6,
      changed: 0,
      message: null,
    });
    const cli = await run('import', '--fetch', 'scb', '--table', 'TAB9990', '--from', '2022');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('SCB TAB9990: inserted 0, changed 0 (nothing new)');
    const unknown = await gql(FETCH, { input: { source: 'SCB', subject: 'TAB123' } }, { token: steward });
    expect(unknown.data!['fetchSource']).toMatchObject({
      status: 'FAILED',
      message: `no indicator of the catalogue reads TAB123: define one from the table's metadata first (the catalogue's "Define from an SCB table")`,
    });
  }, 120_000);

  it('fetches an AF workbook by its address, from hosts the operator allows only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'af-replay-'));
    mkdirSync(path.join(dir, 'af'));
    writeFileSync(
      path.join(dir, 'af', 'af-fetch-andel-av-bas.xlsx'),
      await writeAfWorkbook(
        [
          {
            period: '1998-03',
            county: 'Skåne län',
            municipality: 'Helsingborg',
            values: { UTRKSOK: 7, UTRKAK: 140 },
          },
        ],
        { layout: 'pivot-cache', title: 'hämtad' },
      ),
    );
    const server = await startReplayServer(dir);
    try {
      const url = `${server.url}/af/af-fetch-andel-av-bas.xlsx`;
      const first = await run('import', '--fetch', 'af', '--url', url);
      expect(first.stderr).toBe(`fetching ${url}\n`);
      expect(first.stdout).toMatch(/^AF .*: inserted 2, changed 0; batch [0-9a-f-]{36}$/m);
      // The schedule fetches it again: nothing new.
      const scheduled = await run('fetch-sources');
      expect(scheduled.stdout).toContain(`AF ${url}: NOTHING_NEW`);
      const elsewhere = await gql(
        FETCH,
        { input: { source: 'AF', subject: 'https://example.org/arbetssokande.xlsx' } },
        { token: steward },
      );
      expect(elsewhere.data!['fetchSource']).toMatchObject({
        status: 'FAILED',
        message:
          'https://example.org is not a host workbooks are fetched from (127.0.0.1; the operator sets AF_URL_HOSTS)',
      });
    } finally {
      await server.close();
    }
  }, 120_000);
});
