#!/usr/bin/env node
// `npm test`: lint, type checks and every Jest test (unit and API integration), all
// without a browser. Tests need a real PostgreSQL: DATABASE_URL names a server on which
// each test creates databases of its own; without it an embedded PostgreSQL is started
// for the run (data in .data/test-postgres).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from '../dev-stack/postgres.mjs';
import { workspaceRoot } from '../dev-stack/stack.mjs';

let postgres;
if (!process.env.DATABASE_URL) {
  console.log('DATABASE_URL is not set: starting an embedded PostgreSQL for the tests');
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(workspaceRoot, '.data/test-postgres'),
    port: Number(process.env.TEST_POSTGRES_PORT ?? 54330),
  });
  process.env.DATABASE_URL = postgres.adminUrl;
}

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['lint', 'typecheck', 'test'];
const result = spawnSync(
  'npx',
  [
    'nx',
    'run-many',
    '-t',
    ...targets,
    '--exclude=web-e2e',
    '--parallel=2',
    '--output-style=stream-without-prefixes',
  ],
  {
    cwd: workspaceRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  },
);
await postgres?.stop();
process.exit(result.status ?? 1);
