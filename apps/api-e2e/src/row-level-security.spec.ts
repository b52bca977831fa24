import { spawn } from 'node:child_process';
import path from 'node:path';
import { FH, gql, issuerUrl, sql, tokenFor } from './support/api';

// Nx runs the tests from the workspace root, where the build put the API.
const API_MAIN = path.resolve('dist/apps/api/main.js');

/** Runs `main.js serve` with `env` until it exits (or 80 s pass); its exit code and output. */
function serve(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API_MAIN, 'serve'], {
      env: { PATH: process.env['PATH'] ?? '', OIDC_ISSUER_URL: issuerUrl(), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('row-level security in the running API', () => {
  it('serves as the API role, which row-level security binds', async () => {
    // A request, so the API's pool holds a connection.
    const response = await gql(
      `{ collaboration(slug: "${FH}") { slug } }`,
      {},
      { token: await tokenFor('samordnare') },
    );
    expect(response.data?.['collaboration']).toEqual({ slug: FH });
    const roles = await sql<{ usename: string; rolsuper: boolean; rolbypassrls: boolean }>(
      `SELECT DISTINCT a.usename, r.rolsuper, r.rolbypassrls
         FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.usename = 'kraftsamling_api'`,
    );
    expect(roles).toEqual([{ usename: 'kraftsamling_api', rolsuper: false, rolbypassrls: false }]);
  });

  // Loading the API bundle takes seconds on a busy machine, hence the longer timeout.
  it('refuses to start as a superuser (the owner), which would bypass every policy', async () => {
    const result = await serve({
      DATABASE_URL: process.env['E2E_DATABASE_URL']!,
      PORT: String(Number(process.env['E2E_API_PORT'] ?? 13000) + 7),
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/is a superuser.*row-level security would not apply/s);
    expect(result.output).not.toMatch(/API listening/);
  }, 90_000);
});
