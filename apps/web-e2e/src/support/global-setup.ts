import path from 'node:path';
// The stack helper is plain JavaScript shared with `npm start` and the API tests.
// @ts-expect-error no type declarations for the .mjs tooling module
import { startStack, workspaceRoot } from '../../../../tools/dev-stack/stack.mjs';

export default async function globalSetup() {
  const dataDir = path.join(workspaceRoot, 'tmp/web-e2e');
  const stack = await startStack({
    databaseServerUrl: process.env['DATABASE_URL'],
    databaseName: 'kraftsamling_web_e2e',
    recreateDatabase: true,
    dataDir,
    postgresPort: 54332,
    idpPort: Number(process.env['E2E_IDP_PORT'] ?? 18081),
    apiPort: 3000,
    seedDemo: true,
    quiet: true,
    log: () => {},
  });
  process.env['E2E_DATABASE_URL'] = stack.databaseUrl;
  return async () => stack.stop();
}
