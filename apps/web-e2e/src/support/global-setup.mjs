// Runs the real product for the browser tests: its own database (recreated each run),
// the dev identity provider, and the API serving the built web app on port 3000, the
// origin the dev realm's redirect URIs allow.
import path from 'node:path';
import { startStack, workspaceRoot } from '../../../../tools/dev-stack/stack.mjs';

export default async function globalSetup() {
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
  return async () => stack.stop();
}
