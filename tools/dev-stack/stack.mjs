// The whole product on one machine: PostgreSQL (embedded unless DATABASE_URL is given),
// migrations and seeds, the dev identity provider (unless OIDC_ISSUER_URL is given) and
// the API, which also serves the built web app. Used by `npm start` and by the
// integration and browser tests, so all three run the product the same way.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres } from './postgres.mjs';
import { assertPortFree, runNode, startNode, stopChild, waitForHttp } from './processes.mjs';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = path.join(workspaceRoot, 'dist/apps/api/main.js');
const IDP_MAIN = path.join(workspaceRoot, 'dist/apps/dev-idp/main.js');

/**
 * @param {object} options
 * @param {string} [options.databaseUrl] use this database as it is (an operator's own)
 * @param {string} [options.databaseServerUrl] create `databaseName` on this server
 * @param {string} options.databaseName
 * @param {boolean} [options.recreateDatabase] drop and create it (tests)
 * @param {string} options.dataDir folder for the embedded PostgreSQL and the dev IdP's keys
 * @param {number} options.postgresPort port of the embedded PostgreSQL
 * @param {string} [options.issuerUrl] an external identity provider; else the dev IdP starts
 * @param {number} options.idpPort
 * @param {number} options.apiPort
 * @param {boolean} options.seedDemo
 * @param {boolean} [options.quiet] keep the services' output to error messages
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

    let databaseUrl = options.databaseUrl;
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
    log(await runNode(API_MAIN, ['migrate'], { env: { DATABASE_URL: databaseUrl } }));
    log(
      await runNode(API_MAIN, options.seedDemo ? ['seed', '--demo'] : ['seed'], {
        env: { DATABASE_URL: databaseUrl },
      }),
    );

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
        DATABASE_URL: databaseUrl,
        OIDC_ISSUER_URL: issuerUrl,
        PORT: String(options.apiPort),
        HOST: process.env.HOST ?? '127.0.0.1',
      },
    });
    stoppers.push(() => stopChild(api));
    await waitForHttp(`${apiUrl}/health`, { child: api }).catch((error) => {
      throw new Error(`${error.message}\n${api.recentOutput()}`);
    });
    return { apiUrl, issuerUrl, databaseUrl, stop, children: { api } };
  } catch (error) {
    await stop();
    throw error;
  }
}
