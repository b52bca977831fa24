import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import {
  createDataSource,
  createTestDatabase,
  migrate,
  seedReferenceData,
} from '@kraftsamling/api/core/database';
import { writeAfWorkbook, type AfWorkbookRow } from '@kraftsamling/api/statistics-formats';
import { seedIndicatorCatalogue } from './catalogue.seed';
import { IndicatorImporter, copyLine, type ImportRequest } from './indicator-importer';

const actor = { userId: null, subject: 'test' };

function afRows(
  overrides: Partial<Record<string, Record<string, number | '<5' | null>>> = {},
): AfWorkbookRow[] {
  const base: Record<string, Record<string, number | '<5' | null>> = {
    'Helsingborg|2024-09': { TOTSOK: 5321, TOTAK: 72345.083333, UTRKSOK: 1012, UTRKAK: 9876.5 },
    'Bjuv|2024-09': { TOTSOK: 512, TOTAK: 7421.25, UTRKSOK: '<5', UTRKAK: 30.75 },
    'Helsingborg|2024-10': { TOTSOK: 5290, TOTAK: 72401.5, UTRKSOK: 998, UTRKAK: 9880 },
    'Bjuv|2024-10': { TOTSOK: 505, TOTAK: 7430, UTRKSOK: 7, UTRKAK: 31 },
  };
  return Object.entries({ ...base, ...overrides }).map(([key, values]) => {
    const [municipality, period] = key.split('|') as [string, string];
    return { period, county: 'Skåne län', municipality, values: values! };
  });
}

describe('importing statistics', () => {
  let dataSource: DataSource;
  let importer: IndicatorImporter;

  const value = async (code: string, area: string, period: string) =>
    (
      await dataSource.query(
        `SELECT v.value::float8 AS value, v.lower_bound, v.upper_bound::float8 AS upper_bound, v.batch_id
           FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
          WHERE i.code = $1 AND v.area_code = $2 AND v.period = $3`,
        [code, area, period],
      )
    )[0];
  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const af = async (rows: AfWorkbookRow[], extra: Partial<ImportRequest> = {}) =>
    importer.import({
      bytes: await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 'test' }),
      fileName: 'web-inskrivna-arbetslosa-andel-av-bas-2024-10.xlsx',
      source: 'AF',
      dryRun: false,
      actor,
      ...extra,
    });

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('indicator_import') });
    await dataSource.initialize();
    await migrate(dataSource);
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedIndicatorCatalogue(manager);
    });
    importer = new IndicatorImporter(dataSource, new AuditWriter());
  });
  afterAll(() => dataSource?.destroy());

  it('seeds the catalogue idempotently, ratios pointing at their parts', async () => {
    const before = await count('indicator');
    await dataSource.transaction((manager) => seedIndicatorCatalogue(manager));
    expect(await count('indicator')).toBe(before);
    const [ratio] = await dataSource.query(
      `SELECT n.code AS numerator, d.code AS denominator, r.factor::float8 AS factor FROM indicator r
         JOIN indicator n ON n.id = r.numerator_id JOIN indicator d ON d.id = r.denominator_id
        WHERE r.code = 'af.bas.utrk.unemployment_share'`,
    );
    expect(ratio).toEqual({
      numerator: 'af.bas.utrk.unemployed',
      denominator: 'af.bas.utrk.labour_force',
      factor: 100,
    });
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const report = await af(afRows(), { dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      batchId: null,
      inserted: 16,
      changed: 0,
      unchanged: 0,
      problems: [],
    });
    expect(await count('indicator_value')).toBe(0);
    expect(await count('import_batch')).toBe(0);
  });

  it('imports an AF workbook exactly: decimals kept, <5 as a lower bound, never 0', async () => {
    const report = await af(afRows());
    expect(report).toMatchObject({ inserted: 16, changed: 0, problems: [], unmappedSeries: [] });
    expect(report.batchId).toEqual(expect.any(String));
    expect(await value('af.bas.tot.labour_force', '1283', '2024-09')).toMatchObject({
      value: 72345.083333,
      lower_bound: false,
    });
    expect(await value('af.bas.utrk.unemployed', '1260', '2024-09')).toMatchObject({
      value: 1,
      lower_bound: true,
      upper_bound: 4,
    });
    expect(await value('af.reg.tot.unemployed', '1283', '2024-09')).toBeUndefined();
    const [batch] = await dataSource.query(`SELECT source, format, inserted, file_sha256 FROM import_batch`);
    expect(batch).toMatchObject({ source: 'AF', format: 'AF_WORKBOOK', inserted: 16 });
    expect(batch.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses figures after 2023-12 imported as the register-based series, naming the BAS series instead', async () => {
    const report = await af(afRows(), {
      afSeries: 'REG',
      fileName: 'arbetslosa.xlsx',
    });
    expect(report.batchId).toBeNull();
    expect(report.problems.map((p) => p.message)).toEqual([
      "the register-based series ends in 2023-12, but the file has 16 values from 2024-09 to 2024-10: figures after it are the BAS series' — import the file as the BAS series (--af-series bas)",
    ]);
  });

  it('says how to name the AF series when the file name does not, the option included', async () => {
    const report = await af(afRows(), { fileName: 'arbetslosa.xlsx' });
    expect(report.problems[0]!.message).toContain('--af-series reg|bas');
  });

  it('says sizes in MiB, as it counts them', async () => {
    const report = await af(afRows(), { maxBytes: 1024 });
    expect(report.problems[0]!.message).toMatch(/^the file is 0\.0\d+ MiB; the limit is 0\.000977 MiB$/);
  });

  it('importing the same file again is a no-op', async () => {
    const report = await af(afRows());
    expect(report).toMatchObject({ batchId: null, inserted: 0, changed: 0, unchanged: 16 });
    expect(await count('import_batch')).toBe(1);
  });

  it('a revision keeps the old value in the history, and undo restores it', async () => {
    const first = (await dataSource.query(`SELECT id FROM import_batch`))[0].id;
    const revised = await af(
      afRows({ 'Helsingborg|2024-10': { TOTSOK: 5301, TOTAK: 72401.5, UTRKSOK: 998, UTRKAK: 9880 } }),
    );
    expect(revised).toMatchObject({ inserted: 0, changed: 1, unchanged: 15 });
    expect(await value('af.bas.tot.unemployed', '1283', '2024-10')).toMatchObject({
      value: 5301,
      batch_id: revised.batchId,
    });
    const history = await dataSource.query(
      `SELECT value::float8 AS value, batch_id FROM indicator_value_history`,
    );
    expect(history).toEqual([{ value: 5290, batch_id: first }]);

    await expect(importer.undo(first, actor)).rejects.toThrow(/undo batch .* first/);

    expect(await importer.undo(revised.batchId!, actor)).toEqual({ restored: 1, removed: 0 });
    expect(await value('af.bas.tot.unemployed', '1283', '2024-10')).toMatchObject({
      value: 5290,
      batch_id: first,
    });
    expect(await count('indicator_value_history')).toBe(0);
    await expect(importer.undo(revised.batchId!, actor)).rejects.toThrow(/already undone/);

    expect(await importer.undo(first, actor)).toEqual({ restored: 0, removed: 16 });
    expect(await count('indicator_value')).toBe(0);
    const audit = await dataSource.query(`SELECT action FROM audit_event ORDER BY id`);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'import.committed',
      'import.committed',
      'import.undone',
      'import.undone',
    ]);
  });

  it('a file with any problem writes nothing and names every problem', async () => {
    const batches = await count('import_batch');
    const report = await af([
      ...afRows(),
      { period: '2024-11', county: 'Skåne län', municipality: 'Helsingbor', values: { TOTSOK: 1, TOTAK: 2 } },
      { period: '2024-11', county: 'Skåne län', municipality: 'Bjuv', values: { TOTSOK: -3, TOTAK: 2 } },
    ]);
    expect(report.batchId).toBeNull();
    const messages = report.problems.map((problem) => problem.message).join('\n');
    expect(messages).toMatch(/Helsingbor/);
    expect(messages).toMatch(/Helsingborg/); // the closest known name is suggested
    expect(messages).toMatch(/negative|-3/);
    expect(await count('indicator_value')).toBe(0);
    expect(await count('import_batch')).toBe(batches);
  });

  it('refuses files over the size limit, broken files and an unnamed AF series', async () => {
    const tooBig = await importer.import({
      bytes: new Uint8Array(11),
      fileName: 'x.csv',
      source: 'TEMPLATE',
      dryRun: false,
      actor,
      maxBytes: 10,
    });
    expect(tooBig.problems[0]!.message).toMatch(/limit/);
    const broken = await importer.import({
      bytes: new TextEncoder().encode('not a zip'),
      fileName: 'andel-av-bas.xlsx',
      source: 'AF',
      dryRun: false,
      actor,
    });
    expect(broken.problems[0]!.message).toMatch(/xlsx|workbook/i);
    const unnamed = await af(afRows(), { fileName: 'arbetslosa.xlsx' });
    expect(unnamed.problems[0]!.message).toMatch(/which Arbetsförmedlingen series/);
    expect(await count('indicator_value')).toBe(0);
  });

  it('lists series no indicator reads', async () => {
    const rows = afRows().map((row) => ({ ...row, values: { ...row.values, ABCSOK: 3 } }));
    const report = await af(rows, { dryRun: true });
    expect(report.unmappedSeries).toEqual([{ series: 'AF|BAS|ABCSOK', values: 4 }]);
  });

  it('imports the template, refusing unknown indicators and periods that do not fit', async () => {
    const csv = (body: string) =>
      new TextEncoder().encode(`indicator_code;area_code;period;value;flags\n${body}`);
    const good = await importer.import({
      bytes: csv('scb.population;1283;2024;151022;\nscb.population;0012;2024;1429512;preliminary\n'),
      fileName: 'befolkning.csv',
      source: 'TEMPLATE',
      dryRun: false,
      actor,
    });
    expect(good).toMatchObject({ inserted: 2, problems: [] });
    expect(await value('scb.population', '0012', '2024')).toMatchObject({ value: 1429512 });
    const bad = await importer.import({
      bytes: csv(
        'no.such.indicator;1283;2024;1;\nscb.population;1283;2024-05;3;\nscb.population;9999;2024;3;\n',
      ),
      fileName: 'fel.csv',
      source: 'TEMPLATE',
      dryRun: false,
      actor,
    });
    const messages = bad.problems.map((problem) => problem.message).join('\n');
    expect(messages).toMatch(/no\.such\.indicator.*does not exist/);
    expect(messages).toMatch(/2024-05.*year/);
    expect(messages).toMatch(/9999 .*not a Swedish municipality/);
    expect(bad.batchId).toBeNull();
  });

  it('names the row of a template problem found after parsing (an unknown area on row 6), with a code and its parameters', async () => {
    const rows = [
      'scb.population;1283;2024;151022;',
      'scb.population;1282;2024;46000;',
      'scb.population;1284;2024;44000;',
      'scb.population;1260;2024;16000;',
      'scb.population;9999;2024;3;',
    ];
    const report = await importer.import({
      bytes: new TextEncoder().encode(`indicator_code;area_code;period;value;flags\n${rows.join('\n')}\n`),
      fileName: 'rad6.csv',
      source: 'TEMPLATE',
      dryRun: true,
      actor,
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        location: { row: 6 },
        code: 'UNKNOWN_AREA',
        params: { area: '9999', more: 0 },
      }),
    ]);
  });

  it('imports SCB JSON-stat and Kolada files through the catalogue', async () => {
    const scb = {
      version: '2.0',
      class: 'dataset',
      label: 'Syntetiska testdata',
      id: ['Region', 'ContentsCode', 'Tid'],
      size: [2, 1, 2],
      dimension: {
        Region: { category: { index: { '1283': 0, '1260': 1 } } },
        ContentsCode: { category: { index: { BE0101N1: 0 } } },
        Tid: { category: { index: { '2022': 0, '2023': 1 } } },
      },
      value: [149280, 151022, 15897, null],
      status: { '3': '..' },
    };
    const scbReport = await importer.import({
      bytes: new TextEncoder().encode(JSON.stringify(scb)),
      fileName: 'befolkning.json',
      source: 'SCB',
      dryRun: false,
      actor,
    });
    expect(scbReport).toMatchObject({ format: 'JSON_STAT_2', inserted: 4, problems: [] });
    expect(await value('scb.population', '1260', '2023')).toMatchObject({ value: null });
    const pages = [
      {
        values: [
          {
            kpi: 'N00946',
            municipality: '1283',
            period: '2023',
            values: [
              { gender: 'T', value: 70123, count: 1, status: '' },
              { gender: 'K', value: 34001, count: 1, status: '' },
            ],
          },
        ],
        count: 2,
        next_url: 'https://api.kolada.se/v3/data/kpi/N00946/year/2023?page=2',
        previous_url: null,
      },
      {
        values: [
          {
            kpi: 'N00946',
            municipality: '1260',
            period: '2023',
            values: [{ gender: 'T', value: null, count: 0, status: 'Saknas' }],
          },
        ],
        count: 2,
        next_url: null,
        previous_url: 'https://api.kolada.se/v3/data/kpi/N00946/year/2023?page=1',
      },
    ];
    const koladaReport = await importer.import({
      bytes: new TextEncoder().encode(JSON.stringify(pages)),
      fileName: 'kolada.json',
      source: 'KOLADA',
      dryRun: false,
      actor,
    });
    expect(koladaReport).toMatchObject({ format: 'KOLADA', inserted: 3, problems: [] });
    expect(await value('kolada.n00946.k', '1283', '2023')).toMatchObject({ value: 34001 });
    expect(await value('kolada.n00946.t', '1260', '2023')).toMatchObject({ value: null });
  });
  const scbFixture = (name: string) =>
    new Uint8Array(
      readFileSync(new URL(`../../statistics-formats/src/fixtures/scb/${name}`, import.meta.url)),
    );
  const scbImport = (bytes: Uint8Array, fileName: string) =>
    importer.import({ bytes, fileName, source: 'SCB', dryRun: false, actor });
  /** A JSON-stat 2.0 file of one region and one period with the given cells of extra dimensions. */
  const jsonStat = (
    table: string,
    contents: string,
    period: string,
    dimension: string,
    cells: Record<string, number | null>,
  ) =>
    new TextEncoder().encode(
      JSON.stringify({
        version: '2.0',
        class: 'dataset',
        id: ['Region', dimension, 'ContentsCode', 'Tid'],
        size: [1, Object.keys(cells).length, 1, 1],
        dimension: {
          Region: { category: { index: ['1283'] } },
          [dimension]: { category: { index: Object.keys(cells) } },
          ContentsCode: { category: { index: [contents] } },
          Tid: { category: { index: [period] } },
        },
        value: Object.values(cells),
        extension: { px: { tableid: table } },
      }),
    );

  it("imports SCB's monthly population sample exactly, each age class and sex, and the totals they add up to", async () => {
    const file = JSON.parse(
      readFileSync(
        new URL(
          '../../statistics-formats/src/fixtures/scb/scb_v2_TAB6471_data_jsonstat2.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    const report = await scbImport(scbFixture('scb_v2_TAB6471_data_jsonstat2.json'), 'TAB6471.json');
    // 21 counties × 11 age classes × 3 sexes × 4 months, and per county, sex and month one total
    expect(report).toMatchObject({
      problems: [],
      unmappedSeries: [],
      inserted: 21 * 11 * 3 * 4 + 21 * 3 * 4,
    });
    // The cube is Region × Alder × Kon × ContentsCode × Tid, row-major.
    const cell = (region: number, age: number, sex: number, month: number) =>
      file.value[((region * 11 + age) * 3 + sex) * 4 + month] as number;
    expect(await value('scb.population.monthly.age_0_9', '0001', '2026-01')).toMatchObject({
      value: cell(0, 0, 0, 0),
    });
    expect(await value('scb.population.monthly.age_100_plus.women', '0025', '2026-04')).toMatchObject({
      value: cell(20, 10, 2, 3),
    });
    const total = Array.from({ length: 11 }, (_, age) => cell(9, age, 1, 2)).reduce((a, b) => a + b, 0);
    expect(await value('scb.population.monthly.men', '0012', '2026-03')).toMatchObject({ value: total });
  });

  it("imports SCB's national median income sample (Region eliminated) for the whole country", async () => {
    const report = await scbImport(scbFixture('scb_v1_TAB3554_jsonstat2.json'), 'TAB3554.json');
    expect(report).toMatchObject({ problems: [], unmappedSeries: [], inserted: 9 });
    expect(await value('scb.median_income.women', '0000', '2021')).toMatchObject({ value: 263 });
    expect(await value('scb.median_income', '0000', '2022')).toMatchObject({ value: 316.6 });
  });

  it('lists the single cell of an SCB breakdown the catalogue does not carry (JSON-stat and PxWeb v1), and writes nothing', async () => {
    const report = await scbImport(scbFixture('scb_v2_TAB638_data_BE0101N1_jsonstat2.json'), 'TAB638.json');
    expect(report).toMatchObject({ problems: [], inserted: 0, batchId: null });
    expect(report.unmappedSeries).toEqual([
      { series: 'SCB|BE0101N1|Alder=0,Civilstand=OG,Kon=1', values: 1 },
    ]);
    // Said as what it is, not as "nothing new".
    expect(report.nothingMatched).toEqual({
      series: 1,
      examples: ['SCB|BE0101N1|Alder=0,Civilstand=OG,Kon=1'],
      message:
        'nothing in this file matches the catalogue: 1 series, e.g. SCB|BE0101N1|Alder=0,Civilstand=OG,Kon=1 — no indicator reads them: a statistics steward defines one from the table\'s metadata in the catalogue ("Define from an SCB table": TAB638, then contents BE0101N1 and a class of Civilstand, Alder, Kon), or with the GraphQL mutation defineScbIndicator; then import the file again',
      scb: { table: 'TAB638', contentsCodes: ['BE0101N1'], dimensions: ['Civilstand', 'Alder', 'Kon'] },
    });
    // The same cell as PxWeb v1 json gives the same report.
    const v1 = await scbImport(scbFixture('scb_v1_BefolkningNy_json_region.json'), 'BefolkningNy.json');
    expect(v1).toMatchObject({ format: 'PXWEB_V1_JSON', problems: [], inserted: 0, batchId: null });
    expect(v1.unmappedSeries).toEqual(report.unmappedSeries);
  });

  /** Employed residents (TAB5643) of Helsingborg, everyone, in one month. */
  const employed = (period: string, value: number) =>
    new TextEncoder().encode(
      JSON.stringify({
        version: '2.0',
        class: 'dataset',
        id: ['Region', 'Kon', 'Fodelseregion', 'ContentsCode', 'Tid'],
        size: [1, 1, 1, 1, 1],
        dimension: {
          Region: { category: { index: ['1283'] } },
          Kon: { category: { index: ['1+2'] } },
          Fodelseregion: { category: { index: ['TOT'] } },
          ContentsCode: { category: { index: ['000007BU'] } },
          Tid: { category: { index: [period] } },
        },
        value: [value],
        extension: { px: { tableid: 'TAB5643' } },
      }),
    );

  it('refuses a negative count in a JSON-stat file, as the AF and template readers do', async () => {
    const report = await scbImport(employed('2025M08', -5), 'negativ.json');
    expect(report.batchId).toBeNull();
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/-5 is negative, but scb\.bas\.employed is a count$/),
    ]);
    expect(await value('scb.bas.employed', '1283', '2025-08')).toBeUndefined();
  });

  it('stores the figures of a table SCB publishes as preliminary (TAB5643) as preliminary', async () => {
    const report = await scbImport(employed('2025M09', 71234), 'TAB5643.json');
    expect(report).toMatchObject({ problems: [], unmappedSeries: [], inserted: 1 });
    const [row] = await dataSource.query(
      `SELECT v.preliminary FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'scb.bas.employed' AND v.area_code = '1283' AND v.period = '2025-09'`,
    );
    expect(row).toEqual({ preliminary: true });
  });

  it("loads Kolada's key-figure list into the catalogue, then imports values of a key figure it added", async () => {
    const file = readFileSync(
      new URL('../../../../../shared/formats/kolada_v2_kpi_values_excerpt.json', import.meta.url),
    );
    const listed = JSON.parse(file.toString('utf8')) as { id: string; is_divided_by_gender: number }[];
    // The product's own entries (N00946, N00700, N00960, N00800) are kept; every other key
    // figure adds one indicator, or three (T, K, M) when divided by gender.
    const curated = ['N00946', 'N00700', 'N00960', 'N00800'].filter((id) => listed.some((k) => k.id === id));
    const expected = listed
      .filter((k) => !curated.includes(k.id))
      .reduce((n, k) => n + (k.is_divided_by_gender ? 3 : 1), 0);
    const kolada = (bytes: Uint8Array, dryRun: boolean) =>
      importer.import({ bytes, fileName: 'kpi.json', source: 'KOLADA', dryRun, actor });
    const indicators = await count('indicator');

    const dry = await kolada(file, true);
    expect(dry).toMatchObject({
      problems: [],
      catalogue: { added: expected, updated: 0, curated: curated.length },
    });
    expect(await count('indicator')).toBe(indicators);

    const loaded = await kolada(file, false);
    expect(loaded.catalogue).toMatchObject({ added: expected, updated: 0, unchanged: 0 });
    expect(await count('indicator')).toBe(indicators + expected);
    const [n00002] = await dataSource.query(
      `SELECT name_sv, unit, periodicity, source, theme, source_key FROM indicator WHERE code = 'kolada.n00002'`,
    );
    expect(n00002).toEqual({
      name_sv: 'Personalkostnader som andel av verksamhetens kostnader, andel (%)',
      unit: 'PERCENT',
      periodicity: 'YEAR',
      source: 'KOLADA',
      theme: 'Kommunen, övergripande',
      source_key: { source: 'KOLADA', kpi: 'N00002', gender: 'T' },
    });
    expect((await kolada(file, false)).catalogue).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: expected,
    });

    const data = new TextEncoder().encode(
      JSON.stringify({
        count: 1,
        values: [
          {
            kpi: 'N00002',
            municipality: '1283',
            period: 2019,
            values: [{ gender: 'T', count: 1, status: null, value: 55.5 }],
          },
        ],
      }),
    );
    const values = await kolada(data, false);
    expect(values).toMatchObject({ problems: [], inserted: 1, unmappedSeries: [] });
    expect(await value('kolada.n00002', '1283', '2019')).toMatchObject({ value: 55.5 });
  });

  it('sums single ages into population 16–64 and 20–64 only when the file holds every age', async () => {
    const everyAge = Object.fromEntries(Array.from({ length: 101 }, (_, age) => [String(age), 1000 + age]));
    const report = await scbImport(jsonStat('TAB638', 'BE0101N1', '2023', 'Alder', everyAge), 'ages.json');
    expect(report.problems).toEqual([]);
    const sum = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => 1000 + from + i).reduce((a, b) => a + b, 0);
    expect(await value('scb.population.16_64', '1283', '2023')).toMatchObject({ value: sum(16, 64) });
    expect(await value('scb.population.20_64', '1283', '2023')).toMatchObject({ value: sum(20, 64) });

    const someAges = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [String(20 + i), 10]));
    const partial = await scbImport(
      jsonStat('TAB638', 'BE0101N1', '2022', 'Alder', someAges),
      'some-ages.json',
    );
    expect(await value('scb.population.20_64', '1283', '2022')).toBeUndefined();
    expect(partial.unmappedSeries).toEqual(
      expect.arrayContaining([
        { series: 'scb.population.20_64 (30 of 45 Alder classes in the file)', values: 30 },
        { series: 'scb.population.16_64 (30 of 49 Alder classes in the file)', values: 30 },
      ]),
    );
  });

  it('reads employed residents from table TAB5643 whatever its ContentsCode', async () => {
    const report = await scbImport(
      jsonStat('TAB5643', 'ANY_CODE', '2024M09', 'Kon', { '1+2': 70000, '2': 34000, '1': 36000 }),
      'employed.json',
    );
    // Without the birth region the series are not the catalogue's: listed, not guessed.
    expect(report.unmappedSeries.map((u) => u.series).sort()).toEqual([
      'SCB|ANY_CODE|Kon=1',
      'SCB|ANY_CODE|Kon=1+2',
      'SCB|ANY_CODE|Kon=2',
    ]);
    const withBirthRegion = new TextEncoder().encode(
      new TextDecoder()
        .decode(jsonStat('TAB5643', 'ANY_CODE', '2024M09', 'Kon', { '1+2': 70000, '2': 34000, '1': 36000 }))
        .replace(
          '"id":["Region","Kon","ContentsCode","Tid"]',
          '"id":["Region","Kon","Fodelseregion","ContentsCode","Tid"]',
        )
        .replace('"size":[1,3,1,1]', '"size":[1,3,1,1,1]')
        .replace('"ContentsCode":{', '"Fodelseregion":{"category":{"index":["UTR"]}},"ContentsCode":{'),
    );
    const mapped = await scbImport(withBirthRegion, 'employed-foreign-born.json');
    expect(mapped).toMatchObject({ problems: [], unmappedSeries: [], inserted: 3 });
    expect(await value('scb.bas.employed.foreign_born.women', '1283', '2024-09')).toMatchObject({
      value: 34000,
    });
  });
});

describe('the COPY line of an incoming value', () => {
  it('writes nulls as \\N, booleans as t/f and escapes tabs, newlines and backslashes', () => {
    expect(
      copyLine({
        indicatorId: 'a1b2',
        area: '1283',
        period: '2024-09',
        value: null,
        lowerBound: true,
        upperBound: 4,
        status: 'a\tb\nc\\d',
        preliminary: false,
      }),
    ).toBe('a1b2\t1283\t2024-09\t\\N\tt\t4\ta\\tb\\nc\\\\d\tf\n');
  });
});
