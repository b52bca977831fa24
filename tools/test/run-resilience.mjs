#!/usr/bin/env node
// `npm run test:resilience`: the slower tests that kill, soak and hammer the real stack:
// every apps/api-e2e/src/**/*.resilience.ts, one file after another against one stack (the
// API integration tests' setup), then the 4-minute soak of several users' mixed reads and
// writes (tools/resilience/soak.mjs). Needs a PostgreSQL like `npm test`: DATABASE_URL,
// else an embedded one is started for the run. Arguments go to Jest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from '../dev-stack/postgres.mjs';
import { workspaceRoot } from '../dev-stack/stack.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (command, args) =>
  spawnSync(command, args, { cwd: workspaceRoot, stdio: 'inherit', env }).status ?? 1;

let postgres;
if (!env.DATABASE_URL) {
  console.log('DATABASE_URL is not set: starting an embedded PostgreSQL for the tests');
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(workspaceRoot, '.data/test-postgres'),
    port: Number(env.TEST_POSTGRES_PORT ?? 54330),
  });
  env.DATABASE_URL = postgres.adminUrl;
}

let status = run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dev-idp', '--output-style=static']);
if (status === 0) {
  status = run(process.execPath, [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--config',
    'apps/api-e2e/jest.resilience.config.cjs',
    '--runInBand',
    ...process.argv.slice(2),
  ]);
}
if (status === 0) status = run(process.execPath, ['tools/resilience/soak.mjs']);
await postgres?.stop();
process.exit(status);
