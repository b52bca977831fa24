import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPublishedPeerGroups } from '@kraftsamling/api/comparisons';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { DomainError } from '@kraftsamling/api/core/errors';
import {
  apiRoleUrlFor,
  assertRowLevelSecurityApplies,
  createDataSource,
  grantApiLogin,
  rolePrivileges,
  migrate,
  seedDemoData,
  seedReferenceData,
} from '@kraftsamling/api/core/database';
import { seedDemoActions } from '@kraftsamling/api/actions';
import { seedDemoGoals } from '@kraftsamling/api/goals';
import { describeLocation, parseKoladaMunicipalityGroups } from '@kraftsamling/api/statistics-formats';
import {
  IMPORT_SOURCES,
  DEFAULT_KOLADA_API_URL,
  FetchError,
  IndicatorImporter,
  SourceFetchService,
  fetchPages,
  koladaDataUrl,
  koladaKpiListUrl,
  pagesAsFile,
  yearsFrom,
  seedDemoLocalIndicators,
  seedIndicatorCatalogue,
  type ImportSource,
} from '@kraftsamling/api/indicators';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppModule, setWebCacheHeaders } from './app.module';
import { ConfigError, loadConfig, readDatabaseUrl, type ApiConfig } from './config';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node main.js [serve | migrate | api-role | seed [--demo] | import … | undo-import --batch ID | fetch-sources | import-peer-groups --file PATH]
  serve           start the API (default), connected as DATABASE_URL (the API role)
  migrate         apply pending database migrations (as DATABASE_OWNER_URL, else DATABASE_URL)
  api-role        let DATABASE_URL's user log in as the API role, with DATABASE_URL's password
                  (with the owner's URL alone: kraftsamling_api, a derived password; prints its URL)
  seed            load reference data (counties, municipalities, the indicator catalogue);
                  --demo adds the demo collaborations
  import          --source af|scb|kolada|template --file PATH [--file PATH …] [--dry-run] [--partial] [--af-series reg|bas] [--skip-if-imported]
                  [--published YYYY-MM-DD] [--max-mb 50 (MiB)] [--collaboration SLUG] [--confirm TOKEN]: import statistics: official
                  statistics, or with --collaboration a template of that collaboration's local figures (its
                  members only); --confirm TOKEN (from the dry run) overwrites values entered by hand;
                  --partial: the file is knowingly part of a larger answer (e.g. one Kolada page);
                  --fetch kolada --kpi N00955 [--from 2015] instead of --file: fetch a key figure's values
                  for every municipality from KOLADA_API_URL (default the public v3 API), every page;
                  --fetch kolada --catalogue: fetch Kolada's key-figure list into the catalogue;
                  --fetch scb --table TAB6471 [--from 2015]: fetch what the catalogue reads from an SCB table
                  (SCB_API_URL, default SCB's PxWebApi 2; 30 requests per 10 s, split under its cell limit);
                  --fetch af --url https://… [--af-series reg|bas]: fetch a workbook Arbetsförmedlingen
                  publishes (hosts in AF_URL_HOSTS, default arbetsformedlingen.se); each is recorded in the
                  stewards' list of fetches
  undo-import     --batch ID: undo an import batch, restoring the values it replaced
  fetch-sources   fetch every catalogued source's recent values (each Kolada key figure, each SCB table the
                  catalogue reads, each AF workbook fetched by address before) and import what is new (what the daily schedule runs: SOURCE_FETCH_SCHEDULE, SOURCE_FETCH_CRON)
  import-peer-groups --file PATH: load Kolada's groups of similar municipalities (/municipality_groups JSON)
                  as published peer sets; a group loaded again is updated in place`;

/**
 * `import --fetch kolada --kpi N00955 --from 2015`: a key figure's values for every
 * municipality from Kolada's API (KOLADA_API_URL), all pages; `--catalogue` instead
 * fetches the key-figure list, which loads the catalogue.
 */
async function fetchKolada(values: {
  kpi?: string;
  from?: string;
  catalogue?: boolean;
}): Promise<{ bytes: Uint8Array; fileName: string }> {
  const baseUrl = (process.env['KOLADA_API_URL'] || DEFAULT_KOLADA_API_URL).replace(/\/+$/, '');
  const onPage = (page: number, url: string) => process.stderr.write(`fetching page ${page}: ${url}\n`);
  try {
    if (values.catalogue) {
      const pages = await fetchPages(koladaKpiListUrl(baseUrl), { onPage });
      return { bytes: pagesAsFile(pages, 'kpis'), fileName: `${baseUrl}/kpi` };
    }
    if (!values.kpi) throw new ConfigError(['--kpi is missing: name the key figure, e.g. --kpi N00955']);
    const from = Number(values.from ?? new Date().getUTCFullYear() - 10);
    if (!Number.isInteger(from) || from < 1990 || from > new Date().getUTCFullYear())
      throw new ConfigError([`--from ${values.from}: give a year from 1990 to this year`]);
    const url = koladaDataUrl(baseUrl, values.kpi, yearsFrom(from));
    const pages = await fetchPages(url, { onPage });
    return { bytes: pagesAsFile(pages, 'data'), fileName: url };
  } catch (error) {
    if (error instanceof FetchError) throw new ConfigError([error.message]);
    throw error;
  }
}

/**
 * `import --fetch scb --table TAB…` and `import --fetch af --url …`: the same fetch the
 * stewards' page and the schedule run (SourceFetchService), recorded in source_fetch.
 */
async function fetchCommand(values: {
  fetch?: string;
  table?: string;
  url?: string;
  from?: string;
  'af-series'?: string;
}) {
  const scb = values.fetch === 'scb';
  const subject = scb ? values.table : values.url;
  if (!subject)
    throw new ConfigError([
      scb
        ? '--table is missing: name the SCB table, e.g. --table TAB6471'
        : '--url is missing: give the workbook’s address',
    ]);
  const from = Number(values.from ?? new Date().getUTCFullYear() - 10);
  if (!Number.isInteger(from) || from < 1990 || from > new Date().getUTCFullYear())
    throw new ConfigError([`--from ${values.from}: give a year from 1990 to this year`]);
  const afSeries = values['af-series']?.toUpperCase();
  if (afSeries && afSeries !== 'REG' && afSeries !== 'BAS')
    throw new ConfigError(['--af-series must be reg or bas']);
  await withDataSource(async (dataSource) => {
    const service = new SourceFetchService(dataSource, new IndicatorImporter(dataSource, new AuditWriter()));
    const result = await service.fetch(
      {
        source: scb ? 'SCB' : 'AF',
        subject,
        from,
        afSeries: (afSeries as 'REG' | 'BAS' | undefined) ?? null,
      },
      'MANUAL',
      { userId: null, subject: `cli:${process.env['USER'] ?? 'operator'}` },
      { onPage: (page, url) => process.stderr.write(`fetching ${url}\n`) },
    );
    if (result.status === 'FAILED') {
      console.error(result.message);
      process.exitCode = 1;
      return;
    }
    console.log(
      `${result.source} ${result.subject}: inserted ${result.inserted}, changed ${result.changed}${
        result.batchId ? `; batch ${result.batchId}` : ' (nothing new)'
      }${result.message ? ` — ${result.message}` : ''}`,
    );
  });
}

/** The operator's import command: progress on stderr, the report on stdout. */
async function importCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      file: { type: 'string', multiple: true },
      'skip-if-imported': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      partial: { type: 'boolean', default: false },
      'af-series': { type: 'string' },
      published: { type: 'string' },
      'max-mb': { type: 'string', default: '50' },
      collaboration: { type: 'string' },
      confirm: { type: 'string' },
      fetch: { type: 'string' },
      kpi: { type: 'string' },
      from: { type: 'string' },
      catalogue: { type: 'boolean', default: false },
      table: { type: 'string' },
      url: { type: 'string' },
    },
  });
  let fetched: { bytes: Uint8Array; fileName: string } | null = null;
  if (values.fetch) {
    if (values.file?.length) throw new ConfigError(['--fetch and --file exclude each other']);
    if (values.fetch === 'scb' || values.fetch === 'af') return fetchCommand(values);
    if (values.fetch !== 'kolada') throw new ConfigError(['--fetch must be kolada, scb or af']);
    fetched = await fetchKolada(values);
  }
  const source = (fetched ? 'KOLADA' : values.source?.toUpperCase()) as ImportSource | undefined;
  if (!source || !IMPORT_SOURCES.includes(source))
    throw new ConfigError([`--source must be one of ${IMPORT_SOURCES.join(', ').toLowerCase()}`]);
  const files = values.file ?? [];
  if (!fetched && !files.length) throw new ConfigError(['--file is missing: name the file to import']);
  if (files.length > 1 && source !== 'KOLADA') {
    throw new ConfigError(['--file may be given several times only for kolada (the pages of one answer)']);
  }
  // Kolada pages given together are joined into one array, which the parser reads as one answer.
  const bytes = fetched
    ? fetched.bytes
    : files.length > 1
      ? new TextEncoder().encode(`[${files.map((file) => readFileSync(file, 'utf8')).join(',')}]`)
      : readFileSync(files[0]!);
  const afSeries = values['af-series']?.toUpperCase();
  if (afSeries && afSeries !== 'REG' && afSeries !== 'BAS')
    throw new ConfigError(['--af-series must be reg or bas']);
  const maxMb = Number(values['max-mb']);
  if (!(maxMb > 0))
    throw new ConfigError(['--max-mb must be a positive number of MiB (1 MiB = 1 048 576 bytes)']);
  await withDataSource(async (dataSource) => {
    const importer = new IndicatorImporter(dataSource, new AuditWriter());
    let collaborationId: string | null = null;
    if (values.collaboration) {
      const [found] = await dataSource.query(`SELECT id FROM collaboration WHERE slug = $1`, [
        values.collaboration,
      ]);
      if (!found)
        throw new ConfigError([`--collaboration: no collaboration has the slug "${values.collaboration}"`]);
      collaborationId = found.id;
    }
    let shown = '';
    const report = await importer.import({
      bytes,
      fileName: fetched ? fetched.fileName : files.map((file) => path.basename(file)).join(', '),
      skipIfImported: values['skip-if-imported'],
      source,
      afSeries: afSeries as 'REG' | 'BAS' | undefined,
      dryRun: values['dry-run'],
      partial: values.partial,
      publishedAt: values.published ?? null,
      maxBytes: maxMb * 1024 * 1024,
      collaborationId,
      confirmationToken: values.confirm ?? null,
      actor: { userId: null, subject: `cli:${process.env['USER'] ?? 'operator'}` },
      onProgress: (stage, fraction) => {
        const line = `${stage} ${Math.round(fraction * 100)} %`;
        if (line !== shown) process.stderr.write(`\r${(shown = line)}   `);
      },
    });
    process.stderr.write('\n');
    // Said first, with its own exit code: a file the catalogue does not read is not "nothing new".
    if (report.nothingMatched) {
      console.log(report.nothingMatched.message);
      for (const unmapped of report.unmappedSeries)
        console.log(`not mapped to an indicator: ${unmapped.series} (${unmapped.values} values)`);
      console.log('nothing written');
      process.exitCode = 3;
      return;
    }
    if (report.catalogue) {
      const c = report.catalogue;
      for (const problem of report.problems) console.log(`problem: ${problem.message}`);
      console.log(
        `catalogue${report.dryRun ? ' (dry run)' : ''}: ${report.dryRun ? 'would add' : 'added'} ${c.added}, ${report.dryRun ? 'would update' : 'updated'} ${c.updated}, unchanged ${c.unchanged}; ${c.curated} key figures the product's own catalogue defines kept as they are`,
      );
      if (report.problems.length) process.exitCode = 1;
      return;
    }
    if (report.alreadyImportedAs) {
      console.log(`already imported as batch ${report.alreadyImportedAs}; nothing to do`);
      return;
    }
    // As the web's report shows them: where in the file, then what.
    for (const problem of report.problems) {
      const where = describeLocation(problem.location);
      console.log(`problem${where ? ` (${where})` : ''}: ${problem.message}`);
    }
    for (const value of report.manualOverwrites ?? [])
      console.log(
        `entered by hand by ${value.enteredBy ?? 'unknown'}: ${value.indicatorCode} ${value.areaCode} ${value.period} ${value.value} → ${value.newValue}`,
      );
    if (report.confirmationToken)
      console.log(
        `to overwrite the values entered by hand, import with --confirm ${report.confirmationToken}`,
      );
    for (const unmapped of report.unmappedSeries)
      console.log(`not mapped to an indicator: ${unmapped.series} (${unmapped.values} values)`);
    const verb = report.dryRun ? 'would insert' : 'inserted';
    console.log(
      report.problems.length
        ? `nothing written: ${report.problems.length} problem(s)`
        : `${verb} ${report.inserted}, changed ${report.changed}, unchanged ${report.unchanged}${report.batchId ? `; batch ${report.batchId}` : report.dryRun ? ' (dry run)' : ' (nothing new)'}`,
    );
    if (report.problems.length) process.exitCode = 1;
  });
}

async function withDataSource(
  run: (dataSource: ReturnType<typeof createDataSource>) => Promise<void>,
  { writesData = true } = {},
) {
  const problems: string[] = [];
  // The operator's commands run as the tables' owner, which bypasses row-level security.
  const url = readDatabaseUrl(process.env, problems, 'DATABASE_OWNER_URL');
  if (problems.length) throw new ConfigError(problems);
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  try {
    // FORCE ROW LEVEL SECURITY binds even the tables' owner: seeds and imports need an
    // owner that bypasses it (a superuser or BYPASSRLS), or they would see no tenant rows.
    const privileges = await rolePrivileges(dataSource);
    if (writesData && !privileges.superuser && !privileges.bypassRls) {
      throw new ConfigError([
        `DATABASE_OWNER_URL connects as "${privileges.role}", which neither is a superuser nor has BYPASSRLS: ` +
          `the operator's commands need the owner role (docs/operations.md)`,
      ]);
    }
    await run(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function serve(config: ApiConfig) {
  // Before anything else starts: the API must connect as a role row-level security binds.
  const probe = createDataSource({ url: config.databaseUrl, poolSize: 1 });
  await probe.initialize();
  try {
    await assertRowLevelSecurityApplies(probe, { allowPrivilegedRole: config.allowPrivilegedDatabaseRole });
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  } finally {
    await probe.destroy();
  }
  // Import files are read in worker threads from this bundle beside main.js, so that a
  // large file never stalls the event loop that answers everyone else.
  const parseWorkerFile = path.join(here, 'parse-worker.js');
  if (!existsSync(parseWorkerFile))
    throw new ConfigError([`${parseWorkerFile} is missing: build the API with "npx nx build api"`]);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { parseWorkerFile }),
    {
      logger: new ConsoleLogger({ json: config.logFormat === 'json', prefix: 'kraftsamling' }),
    },
  );
  // The client's address (rate limits per address) comes from X-Forwarded-For only behind a trusted proxy.
  app.set('trust proxy', config.trustProxy);
  const issuerOrigin = new URL(config.oidc.issuerUrl).origin;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", issuerOrigin],
          frameSrc: [issuerOrigin],
          imgSrc: ["'self'", 'data:'],
          // Angular Material sets inline styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          formAction: ["'self'", issuerOrigin],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors({ origin: config.corsOrigins, credentials: false });
  // The web app's files, compressed at build time (tools/build/compress-static.mjs): Brotli or
  // gzip as the browser accepts, with their cache headers; index.html falls through to the
  // app's own routes (ServeStaticModule in AppModule).
  if (existsSync(path.join(config.webDistDir, 'index.html')))
    app.use(
      expressStaticGzip(config.webDistDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: false,
        serveStatic: { index: false, setHeaders: setWebCacheHeaders },
      }),
    );
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const logger = new Logger('Bootstrap');
  logger.log(
    `API listening on http://${config.host}:${config.port} (GraphQL at /graphql, health at /health)`,
  );
  if (!existsSync(path.join(config.webDistDir, 'index.html'))) {
    logger.warn(`no web app at ${config.webDistDir}: build it with "npx nx build web" to serve it here`);
  }
}

async function main() {
  const [command = 'serve', ...options] = process.argv.slice(2);
  switch (command) {
    case 'serve':
      return serve(loadConfig(process.env, path.join(here, '..', 'web', 'browser')));
    case 'migrate':
      return withDataSource(
        async (dataSource) => {
          const applied = await migrate(dataSource);
          console.log(
            applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date',
          );
        },
        { writesData: false },
      );
    case 'api-role': {
      // With both URLs, DATABASE_URL names the API's login; with the owner's alone, the
      // stack's derived one (apiRoleUrlFor), printed as the last line for the caller.
      const problems: string[] = [];
      const ownerUrl = readDatabaseUrl(process.env, problems, 'DATABASE_OWNER_URL');
      const derive = !process.env['DATABASE_OWNER_URL']?.trim() || !process.env['DATABASE_URL']?.trim();
      const apiUrlText = derive
        ? ownerUrl && apiRoleUrlFor(ownerUrl)
        : readDatabaseUrl(process.env, problems);
      if (problems.length) throw new ConfigError(problems);
      const apiUrl = new URL(apiUrlText);
      return withDataSource(
        async (dataSource) => {
          const user = decodeURIComponent(apiUrl.username);
          await grantApiLogin(dataSource, {
            user,
            password: apiUrl.password ? decodeURIComponent(apiUrl.password) : null,
          });
          console.log(`the API role: ${user} may log in`);
          if (derive) console.log(apiUrlText);
        },
        { writesData: false },
      );
    }
    case 'seed':
      return withDataSource(async (dataSource) => {
        const loaded = await dataSource.transaction((manager) => seedReferenceData(manager));
        console.log(`reference data: ${loaded.counties} counties, ${loaded.municipalities} municipalities`);
        const indicators = await dataSource.transaction((manager) => seedIndicatorCatalogue(manager));
        console.log(`indicator catalogue: ${indicators} official indicators`);
        if (options.includes('--demo')) {
          await dataSource.transaction(async (manager) => {
            await seedDemoData(manager);
            await seedDemoLocalIndicators(manager);
          });
          const goals = await dataSource.transaction((manager) => seedDemoGoals(manager));
          const actions = await dataSource.transaction((manager) => seedDemoActions(manager));
          console.log(
            `demo data: collaborations familjen-helsingborg and sandviken, goals${goals.frozen ? ` (${goals.frozen} baselines frozen)` : ''}, actions (${actions.actions} new, ${actions.outcomes} outcome rows new)`,
          );
        }
      });
    case 'import':
      return importCommand(options);
    case 'undo-import': {
      const { values } = parseArgs({ args: options, options: { batch: { type: 'string' } } });
      if (!values.batch) throw new ConfigError(['--batch is missing: name the import batch to undo']);
      return withDataSource(async (dataSource) => {
        const result = await new IndicatorImporter(dataSource, new AuditWriter()).undo(values.batch!, {
          userId: null,
          subject: `cli:${process.env['USER'] ?? 'operator'}`,
        });
        console.log(`undone: ${result.restored} values restored, ${result.removed} removed`);
      });
    }
    case 'fetch-sources':
      // What the daily schedule runs: every catalogued Kolada key figure, the last few years.
      return withDataSource(async (dataSource) => {
        const importer = new IndicatorImporter(dataSource, new AuditWriter());
        const results = await new SourceFetchService(dataSource, importer).fetchCatalogued('MANUAL', {
          userId: null,
          subject: `cli:${process.env['USER'] ?? 'operator'}`,
        });
        for (const r of results)
          console.log(
            `${r.source} ${r.subject}: ${r.status}${r.inserted || r.changed ? ` (inserted ${r.inserted}, changed ${r.changed})` : ''}${r.message ? ` — ${r.message}` : ''}`,
          );
        if (results.some((r) => r.status === 'FAILED')) process.exitCode = 1;
      });
    case 'import-peer-groups': {
      const { values } = parseArgs({ args: options, options: { file: { type: 'string' } } });
      if (!values.file) throw new ConfigError(['--file is missing: name the /municipality_groups JSON file']);
      const parsed = parseKoladaMunicipalityGroups(new Uint8Array(readFileSync(values.file)));
      if (parsed.problems.length)
        throw new ConfigError(
          parsed.problems.map(
            (p) => `${values.file}${p.location.path ? ` at ${p.location.path}` : ''}: ${p.message}`,
          ),
        );
      return withDataSource(async (dataSource) => {
        const report = await dataSource.transaction((manager) =>
          loadPublishedPeerGroups(manager, new AuditWriter(), parsed.groups, {
            userId: null,
            subject: `cli:${process.env['USER'] ?? 'operator'}`,
          }),
        );
        if (report.problems.length) throw new ConfigError([...report.problems, 'nothing written']);
        console.log(
          `peer groups: inserted ${report.inserted}, changed ${report.changed}, unchanged ${report.unchanged}`,
        );
      });
    }
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main().catch((error) => {
  // Configuration and domain errors are for the operator as they are; anything else with its stack.
  console.error(error instanceof ConfigError || error instanceof DomainError ? error.message : error);
  process.exit(1);
});
