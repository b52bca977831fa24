// The whole product on one machine: PostgreSQL (embedded unless DATABASE_URL is given),
// migrations and seeds, the dev identity provider (unless OIDC_ISSUER_URL is given) and
// the API, which also serves the built web app. Used by `npm start` and by the
// integration and browser tests, so all three run the product the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres } from './postgres.mjs';
import { assertPortFree, runNode, startNode, stopChild, waitForHttp } from './processes.mjs';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = path.join(workspaceRoot, 'dist/apps/api/main.js');
const IDP_MAIN = path.join(workspaceRoot, 'dist/apps/dev-idp/main.js');
const DEMO_DATA_CLI = path.join(workspaceRoot, 'dist/tools/demo-data/cli.js');

const SOURCE_OF_KIND = { AF_WORKBOOK: 'af', JSON_STAT_2: 'scb', KOLADA: 'kolada' };

/**
 * Writes the synthetic demo statistics (tools/demo-data) and imports them through the
 * product's own import command, so the demo exercises the real path. Files already
 * imported unchanged are skipped, so later starts are quick.
 */
async function importDemoStatistics(databaseUrl, dataDir, log) {
  const outDir = path.join(dataDir, 'demo-data');
  log('writing the synthetic demo statistics (first start only)');
  await runNode(DEMO_DATA_CLI, ['--out', outDir]);
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  const koladaPages = manifest.files
    .filter((file) => file.kind === 'KOLADA')
    .map((file) => path.join(outDir, file.file));
  const imports = [
    ...manifest.files
      .filter((file) => file.kind !== 'KOLADA' && SOURCE_OF_KIND[file.kind])
      .map((file) => [
        '--source',
        SOURCE_OF_KIND[file.kind],
        '--file',
        path.join(outDir, file.file),
        ...(file.afSeries ? ['--af-series', file.afSeries] : []),
      ]),
    ...(koladaPages.length
      ? [['--source', 'kolada', ...koladaPages.flatMap((page) => ['--file', page])]]
      : []),
  ];
  for (const args of imports) {
    log(`importing ${path.basename(args[3])}`);
    const output = await runNode(API_MAIN, ['import', ...args, '--skip-if-imported'], {
      env: { DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: databaseUrl },
    });
    // The report: any series the catalogue does not read, then the counts.
    for (const line of output.trim().split('\n')) log(`  ${line}`);
  }
}

/**
 * Gives the API role `kraftsamling_api` a login on the owner's database (`main.js api-role`
 * derives its password from the owner's) and returns the URL the API connects with.
 */
export async function grantApiRoleLogin(ownerUrl) {
  const output = await runNode(API_MAIN, ['api-role'], {
    env: { DATABASE_OWNER_URL: ownerUrl, DATABASE_URL: '' },
  });
  return output.trim().split('\n').pop();
}

/**
 * @param {object} options
 * @param {string} [options.databaseUrl] an operator's own database: its owner's URL, or with
 *   databaseOwnerUrl the API role's (used as it is)
 * @param {string} [options.databaseOwnerUrl] the owner's URL (migrations, seeds) of that database
 * @param {string} [options.databaseServerUrl] create `databaseName` on this server
 * @param {string} options.databaseName
 * @param {boolean} [options.recreateDatabase] drop and create it (tests)
 * @param {string} options.dataDir folder for the embedded PostgreSQL and the dev IdP's keys
 * @param {number} options.postgresPort port of the embedded PostgreSQL
 * @param {string} [options.issuerUrl] an external identity provider; else the dev IdP starts
 * @param {number} options.idpPort
 * @param {number} options.apiPort
 * @param {boolean} options.seedDemo
 * @param {boolean} [options.importDemoStatistics] write and import the synthetic demo statistics
 * @param {boolean} [options.quiet] keep the services' output to error messages
 * @param {Record<string, string>} [options.apiEnv] more environment for the API process (a
 *   test's measuring preload)
 * @param {(line: string) => void} [options.log]
 */
export async function startStack(options) {
  const log = options.log ?? console.log;
  const stoppers = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse())
      await stopOne().catch((error) => log(`while stopping: ${error.message}`));
    stoppers.length = 0;
  };
  try {
    await assertPortFree(options.apiPort, 'the API');
    if (!options.issuerUrl) await assertPortFree(options.idpPort, 'the dev identity provider');

    // Two roles (docs/operations.md): the owner migrates and seeds; the API connects as
    // kraftsamling_api, which row-level security binds.
    // Given both URLs, the operator manages the roles; given one, it is the owner's and the
    // API role's URL is derived from it.
    let databaseUrl = options.databaseOwnerUrl ?? options.databaseUrl;
    let apiDatabaseUrl = options.databaseOwnerUrl ? options.databaseUrl : undefined;
    if (!databaseUrl) {
      let serverUrl = options.databaseServerUrl;
      if (!serverUrl) {
        log(
          `starting PostgreSQL (embedded, data in ${path.relative(workspaceRoot, options.dataDir)}/postgres, port ${options.postgresPort})`,
        );
        await assertPortFree(options.postgresPort, 'the embedded PostgreSQL');
        const postgres = await startEmbeddedPostgres({
          dataDir: path.join(options.dataDir, 'postgres'),
          port: options.postgresPort,
        });
        stoppers.push(() => postgres.stop());
        serverUrl = postgres.adminUrl;
      }
      databaseUrl = await ensureDatabase(serverUrl, options.databaseName, {
        recreate: options.recreateDatabase,
      });
    }

    log('applying database migrations');
    log(
      await runNode(API_MAIN, ['migrate'], {
        env: { DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: databaseUrl },
      }),
    );
    log(
      await runNode(API_MAIN, options.seedDemo ? ['seed', '--demo'] : ['seed'], {
        env: { DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: databaseUrl },
      }),
    );
    if (!apiDatabaseUrl) apiDatabaseUrl = await grantApiRoleLogin(databaseUrl);
    if (options.importDemoStatistics) {
      await importDemoStatistics(databaseUrl, options.dataDir, log);
      // Demo goals freeze their baselines from the statistics just imported.
      if (options.seedDemo)
        log(
          await runNode(API_MAIN, ['seed', '--demo'], {
            env: { DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: databaseUrl },
          }),
        );
    }

    let issuerUrl = options.issuerUrl;
    if (!issuerUrl) {
      issuerUrl = `http://localhost:${options.idpPort}/realms/kraftsamling`;
      const idp = startNode('dev-idp', IDP_MAIN, [], {
        cwd: workspaceRoot,
        quiet: options.quiet,
        log,
        env: {
          DEV_IDP_PORT: String(options.idpPort),
          DEV_IDP_ISSUER: issuerUrl,
          DEV_IDP_DATA_DIR: path.join(options.dataDir, 'dev-idp'),
        },
      });
      stoppers.push(() => stopChild(idp));
      await waitForHttp(`${issuerUrl}/.well-known/openid-configuration`, { child: idp }).catch((error) => {
        throw new Error(`${error.message}\n${idp.recentOutput()}`);
      });
    }

    const apiUrl = `http://localhost:${options.apiPort}`;
    const api = startNode('api', API_MAIN, ['serve'], {
      cwd: workspaceRoot,
      quiet: options.quiet,
      log,
      env: {
        DATABASE_URL: apiDatabaseUrl,
        OIDC_ISSUER_URL: issuerUrl,
        PORT: String(options.apiPort),
        HOST: process.env.HOST ?? '127.0.0.1',
        ...options.apiEnv,
      },
    });
    stoppers.push(() => stopChild(api));
    await waitForHttp(`${apiUrl}/health`, { child: api }).catch((error) => {
      throw new Error(`${error.message}\n${api.recentOutput()}`);
    });
    return { apiUrl, issuerUrl, databaseUrl, apiDatabaseUrl, stop, children: { api } };
  } catch (error) {
    await stop();
    throw error;
  }
}
