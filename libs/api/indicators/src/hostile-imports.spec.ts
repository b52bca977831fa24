/**
 * Mutated and broken files fed to the real importer against a real PostgreSQL: when the
 * importer reports any problem, nothing at all was written (no value, no history, no
 * batch, no audit event). Repeat a failing run with FUZZ_SEED / FUZZ_PATH as printed;
 * FUZZ_RUNS and FUZZ_TIME_MS make a run longer.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import {
  createDataSource,
  createTestDatabase,
  migrate,
  seedDemoData,
  seedReferenceData,
} from '@kraftsamling/api/core/database';
import { writeAfWorkbook, writeTemplateCsv, type AfWorkbookRow } from '@kraftsamling/api/statistics-formats';
import { seedIndicatorCatalogue } from './catalogue.seed';
import { seedDemoLocalIndicators } from './demo-local-indicators.seed';
import { IndicatorImporter, type ImportSource } from './indicator-importer';

const FH = '10000000-0000-4000-8000-000000000001';
const actor = { userId: null, subject: 'fuzz' };

const parameters = <T>(): fc.Parameters<T> => ({
  ...(process.env['FUZZ_SEED'] ? { seed: Number(process.env['FUZZ_SEED']) } : {}),
  ...(process.env['FUZZ_PATH'] ? { path: process.env['FUZZ_PATH'] } : {}),
  numRuns: Number(process.env['FUZZ_RUNS'] ?? 15),
  interruptAfterTimeLimit: Number(process.env['FUZZ_TIME_MS'] ?? 15_000),
});

/** Bytes cut short or with a few bytes overwritten. */
const mutated = (bytes: Uint8Array) =>
  fc.oneof(
    fc.nat({ max: bytes.length }).map((end) => bytes.slice(0, end)),
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
      .map((flips) => {
        const out = bytes.slice();
        for (const [at, value] of flips) out[at % out.length] = value;
        return out;
      }),
  );

describe('hostile imports write nothing', () => {
  let dataSource: DataSource;
  let importer: IndicatorImporter;

  /** Everything an import can write, summed up. */
  const snapshot = async () =>
    (
      await dataSource.query(
        `SELECT (SELECT count(*) FROM indicator_value)::int AS values,
                (SELECT coalesce(sum(version), 0) FROM indicator_value)::int AS versions,
                (SELECT count(*) FROM indicator_value_history)::int AS history,
                (SELECT count(*) FROM import_batch)::int AS batches,
                (SELECT count(*) FROM audit_event)::int AS audit`,
      )
    )[0];

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('hostile_imports') });
    await dataSource.initialize();
    await migrate(dataSource);
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedIndicatorCatalogue(manager);
      await seedDemoData(manager);
      await seedDemoLocalIndicators(manager);
    });
    importer = new IndicatorImporter(dataSource, new AuditWriter());
  }, 120_000);
  afterAll(() => dataSource?.destroy());

  it('a file with any problem changes nothing, whatever is wrong with it', async () => {
    const goodRows = Array.from({ length: 30 }, (_, i) => ({
      indicator_code: 'jobbspar.deltagare',
      area_code: ['1283', '1282', '1277'][i % 3],
      period: `2023-${String((i % 12) + 1).padStart(2, '0')}`,
      value: 10 + i,
    }));
    // Rows each of which the parser or the importer refuses.
    const badRow = fc.constantFrom(
      { indicator_code: 'jobbspar.deltagare', area_code: '9999', period: '2023-01', value: 1 },
      { indicator_code: 'jobbspar.deltagare', area_code: '1283', period: '2023-Q1', value: 1 },
      { indicator_code: 'no.such.indicator', area_code: '1283', period: '2023-01', value: 1 },
      { indicator_code: 'jobbspar.deltagare', area_code: '1283', period: '2023-02', value: 'not a number' },
      { indicator_code: 'jobbspar.deltagare', area_code: '1283', period: '2023-01', value: 999 },
    );
    const template = fc
      .tuple(badRow, fc.nat({ max: goodRows.length }))
      .map(([bad, at]) => [...goodRows.slice(0, at), bad, ...goodRows.slice(at)])
      .map((rows) =>
        new TextEncoder().encode(writeTemplateCsv(rows as Parameters<typeof writeTemplateCsv>[0])),
      );
    const goodTemplate = new TextEncoder().encode(writeTemplateCsv(goodRows));

    const afRows: AfWorkbookRow[] = [
      {
        period: '2024-09',
        county: 'Skåne län',
        municipality: 'Helsingborg',
        values: { TOTSOK: 5321, TOTAK: 72345 },
      },
      {
        period: '2024-09',
        county: 'Skåne län',
        municipality: 'Bjuv',
        values: { TOTSOK: 512, TOTAK: 7421.25 },
      },
    ];
    const af = await writeAfWorkbook(afRows, { layout: 'pivot-cache', title: 'fuzz' });
    const afWithUnknownPlace = await writeAfWorkbook(
      [
        ...afRows,
        { period: '2024-09', county: 'Skåne län', municipality: 'Atlantis', values: { TOTSOK: 1, TOTAK: 2 } },
      ],
      { layout: 'pivot-cache', title: 'fuzz' },
    );
    const scb = new Uint8Array(
      readFileSync(
        new URL('../../statistics-formats/src/fixtures/scb/scb_v1_TAB3554_jsonstat2.json', import.meta.url),
      ),
    );

    const file: fc.Arbitrary<{ source: ImportSource; bytes: Uint8Array }> = fc.oneof(
      template.map((bytes) => ({ source: 'TEMPLATE' as const, bytes })),
      mutated(goodTemplate).map((bytes) => ({ source: 'TEMPLATE' as const, bytes })),
      fc.constant({ source: 'AF' as const, bytes: afWithUnknownPlace }),
      mutated(af).map((bytes) => ({ source: 'AF' as const, bytes })),
      mutated(scb).map((bytes) => ({ source: 'SCB' as const, bytes })),
    );

    let refused = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ source, bytes }) => {
        const before = await snapshot();
        const report = await importer.import({
          bytes,
          fileName: 'web-inskrivna-arbetslosa-andel-av-bas-fuzz.xlsx',
          source,
          dryRun: false,
          actor,
          collaborationId: FH,
        });
        if (report.problems.length === 0) return;
        refused++;
        expect(report.batchId).toBeNull();
        expect(await snapshot()).toEqual(before);
      }),
      parameters(),
    );
    expect(refused).toBeGreaterThan(0);
  }, 180_000);
});
