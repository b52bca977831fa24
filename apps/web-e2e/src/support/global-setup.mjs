// Runs the real product for the browser tests: its own database (recreated each run),
// the dev identity provider, and the API serving the built web app on port 3000, the
// origin the dev realm's redirect URIs allow.
import path from 'node:path';
import { startReplayServer } from '../../../../tools/dev-stack/replay-server.mjs';
import { startStack, workspaceRoot } from '../../../../tools/dev-stack/stack.mjs';

export default async function globalSetup() {
  // The open-data APIs, replayed from recorded answers: the API fetches from here, never
  // from the internet (tools/dev-stack/replay-server.mjs). Set before the stack starts, which
  // hands the environment to the API.
  const replay = await startReplayServer(path.join(workspaceRoot, 'apps/web-e2e/src/fixtures/replay'));
  process.env.KOLADA_API_URL = `${replay.url}/kolada`;
  process.env.SCB_API_URL = `${replay.url}/scb`;
  process.env.AF_URL_HOSTS = '127.0.0.1';
  const stack = await startStack({
    databaseServerUrl: process.env.DATABASE_URL,
    databaseName: process.env.E2E_DATABASE_NAME ?? 'kraftsamling_web_e2e',
    recreateDatabase: true,
    dataDir: path.join(workspaceRoot, 'tmp/web-e2e'),
    postgresPort: 54332,
    idpPort: Number(process.env.E2E_IDP_PORT ?? 18081),
    apiPort: 3000,
    seedDemo: true,
    quiet: true,
    log: () => {},
  });
  return async () => {
    await stack.stop();
    await replay.close();
  };
}
