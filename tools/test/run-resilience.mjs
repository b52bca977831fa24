#!/usr/bin/env node
// `npm run test:resilience`: the slow tests of durability under load, against the real
// API, dev IdP and PostgreSQL: the 3-minute soak of several users' mixed reads and writes
// (tools/resilience/soak.mjs). Like `npm test`, it uses DATABASE_URL's server or starts an
// embedded PostgreSQL for the run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from '../dev-stack/postgres.mjs';
import { workspaceRoot } from '../dev-stack/stack.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (command, args) =>
  spawnSync(command, args, { cwd: workspaceRoot, stdio: 'inherit', env }).status ?? 1;

let postgres;
if (!env.DATABASE_URL) {
  console.log('DATABASE_URL is not set: starting an embedded PostgreSQL for the resilience tests');
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(workspaceRoot, '.data/test-postgres'),
    port: Number(env.TEST_POSTGRES_PORT ?? 54330),
  });
  env.DATABASE_URL = postgres.adminUrl;
}

let status = run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dev-idp', '--output-style=static']);
if (status === 0) status = run(process.execPath, ['tools/resilience/soak.mjs', ...process.argv.slice(2)]);
await postgres?.stop();
process.exit(status);
