import pg from 'pg';

/**
 * A fresh, empty database of the test's own on the PostgreSQL that `npm test` provides
 * (DATABASE_URL: the machine's server in CI, else the embedded one the test runner starts).
 * Each spec file names its own database, so parallel Jest workers never share one.
 */
export async function createTestDatabase(name: string): Promise<string> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which provides a PostgreSQL');
  }
  // KS_TEST_DB_PREFIX lets two checkouts run their tests on one server side by side.
  const prefix = process.env['KS_TEST_DB_PREFIX'] ?? 'ks_test_';
  const database = `${prefix}${name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
