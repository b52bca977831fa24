import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import {
  createDataSource,
  createTestDatabase,
  migrate,
  seedReferenceData,
} from '@kraftsamling/api/core/database';
import {
  IndicatorImporter,
  scbTableKeyId,
  seedIndicatorCatalogue,
  seriesKeyId,
  type AfSeries,
  type ImportReport,
  type ImportSource,
  type IndicatorSourceKey,
} from '@kraftsamling/api/indicators';
import {
  parseAfWorkbook,
  parseJsonStat,
  parseKolada,
  type ParsedFile,
} from '@kraftsamling/api/statistics-formats';
import { FILE_NAMES, generateDemoData } from './generate';
import { referenceMatcher, temporaryDir } from './spec-support';

/*
 * The demo files go through the product's importer into a real database, and every value
 * in every file is then read back: the demo shows exactly what the files say.
 */

const actor = { userId: null, subject: 'demo-data test' };
let out: { dir: string; remove: () => Promise<void> };
let dataSource: DataSource;
let importer: IndicatorImporter;
const read = (name: string) => new Uint8Array(readFileSync(path.join(out.dir, name)));

beforeAll(async () => {
  out = await temporaryDir();
  // Both AF series (they overlap in 2023) and a few months, so the test stays quick.
  await generateDemoData({ outDir: out.dir, today: '2024-03-10', from: '2023-11' });
  dataSource = createDataSource({ url: await createTestDatabase('demo_data_import') });
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.transaction(async (manager) => {
    await seedReferenceData(manager);
    await seedIndicatorCatalogue(manager);
  });
  importer = new IndicatorImporter(dataSource, new AuditWriter());
}, 120_000);
afterAll(async () => {
  await dataSource?.destroy();
  await out?.remove();
});

/** Every stored value, by the series key of its indicator, area and period. */
async function storedValues(): Promise<
  Map<string, { value: number | null; lowerBound: boolean; status: string | null }>
> {
  const rows = await dataSource.query(
    `SELECT i.source_key AS "sourceKey", v.area_code AS area, v.period, v.value::float8 AS value,
            v.lower_bound AS "lowerBound", v.status
       FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.source_key IS NOT NULL`,
  );
  return new Map(
    rows.map(
      (row: { sourceKey: IndicatorSourceKey; area: string; period: string } & Record<string, never>) => [
        `${seriesKeyId(row.sourceKey)}|${row.area}|${row.period}`,
        { value: row.value, lowerBound: row.lowerBound, status: row.status },
      ],
    ),
  );
}

async function importFile(bytes: Uint8Array, fileName: string, source: ImportSource, afSeries?: AfSeries) {
  return importer.import({ bytes, fileName, source, afSeries, dryRun: false, actor });
}

/** Checks that each value of the parsed file is stored as the file gives it. */
async function expectStoredExactly(parsed: ParsedFile, afSeries?: AfSeries) {
  expect(parsed.problems).toEqual([]);
  const stored = await storedValues();
  let checked = 0;
  for (const observation of parsed.observations) {
    const keys = [seriesKeyId(observation.series, afSeries), scbTableKeyId(observation.series)];
    const value = keys
      .map((key) => key && stored.get(`${key}|${observation.area}|${observation.period}`))
      .find(Boolean);
    expect({ at: observation.location, value }).toEqual({
      at: observation.location,
      value: {
        value: observation.value,
        lowerBound: observation.lowerBound ?? false,
        status: observation.status ?? null,
      },
    });
    checked++;
  }
  return checked;
}

const expectClean = (report: ImportReport) => {
  expect(report.problems).toEqual([]);
  expect(report.unmappedSeries).toEqual([]);
  expect(report.batchId).toEqual(expect.any(String));
};

describe('the demo files imported through the product', () => {
  it('store every value of both AF workbooks exactly, <5 as a lower bound', async () => {
    const matcher = referenceMatcher();
    for (const [series, name] of [
      ['REG', FILE_NAMES.afReg],
      ['BAS', FILE_NAMES.afBas],
    ] as const) {
      const report = await importFile(read(name), name, 'AF', series);
      expectClean(report);
      const checked = await expectStoredExactly(await parseAfWorkbook(read(name), { matcher }), series);
      expect(report.inserted).toBe(checked);
    }
  });

  it('store every value of the SCB population and employment files exactly, missing ones as missing', async () => {
    for (const name of [FILE_NAMES.population, FILE_NAMES.employment]) {
      const report = await importFile(read(name), name, 'SCB');
      expectClean(report);
      const parsed = parseJsonStat(read(name));
      expect(parsed.observations.some((observation) => observation.value === null)).toBe(true);
      expect(report.inserted).toBe(await expectStoredExactly(parsed));
    }
  });

  it('store every value of the Kolada pages, joined, exactly', async () => {
    const pages: string[] = [];
    for (let n = 1; ; n++) {
      try {
        pages.push(readFileSync(path.join(out.dir, FILE_NAMES.koladaPage(n)), 'utf8'));
      } catch {
        break;
      }
    }
    expect(pages.length).toBeGreaterThan(0);
    const bytes = new TextEncoder().encode(`[${pages.join(',')}]`);
    const report = await importFile(bytes, 'kolada.json', 'KOLADA');
    expectClean(report);
    expect(report.inserted).toBe(await expectStoredExactly(parseKolada(new TextDecoder().decode(bytes))));
  });
});
