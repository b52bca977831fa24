import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSource, migrate, seedDemoData, seedReferenceData } from '@kraftsamling/api/core/database';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, readDatabaseUrl, type ApiConfig } from './config';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node main.js [serve | migrate | seed [--demo]]
  serve           start the API (default)
  migrate         apply pending database migrations
  seed            load reference data (counties, municipalities); --demo adds the demo collaborations`;

async function withDataSource(run: (dataSource: ReturnType<typeof createDataSource>) => Promise<void>) {
  const problems: string[] = [];
  const url = readDatabaseUrl(process.env, problems);
  if (problems.length) throw new ConfigError(problems);
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  try {
    await run(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function serve(config: ApiConfig) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new ConsoleLogger({ json: config.logFormat === 'json', prefix: 'kraftsamling' }),
  });
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
      return withDataSource(async (dataSource) => {
        const applied = await migrate(dataSource);
        console.log(
          applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date',
        );
      });
    case 'seed':
      return withDataSource(async (dataSource) => {
        const loaded = await dataSource.transaction((manager) => seedReferenceData(manager));
        console.log(`reference data: ${loaded.counties} counties, ${loaded.municipalities} municipalities`);
        if (options.includes('--demo')) {
          await dataSource.transaction((manager) => seedDemoData(manager));
          console.log('demo data: collaborations familjen-helsingborg and sandviken');
        }
      });
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
