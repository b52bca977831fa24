import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The browser the tests drive (no browser download: Debian's packages). CHROMIUM_PATH when
 * set; else Chromium's headless shell (package chromium-headless-shell: the same engine
 * without the full browser's windows and UI, which is what Playwright runs headless tests
 * in by default), which took the browser tests from 7.6 to 5.3 minutes on a 2-core machine;
 * else Debian's full chromium.
 */
function chromiumForTests(): string {
  const candidates = process.env['CHROMIUM_PATH']
    ? [process.env['CHROMIUM_PATH']]
    : ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
  const found = candidates.find((file) => existsSync(file));
  if (!found)
    throw new Error(
      `No Chromium at ${candidates.join(' or ')}. Install Debian's packages (apt-get install -y chromium chromium-headless-shell) or set CHROMIUM_PATH.`,
    );
  return found;
}

/**
 * Browser tests in Debian's Chromium, driven by Playwright. The global setup runs the real
 * product: PostgreSQL, the dev identity provider and the API serving the built web app on
 * http://localhost:3000, the origin the dev realm's redirect URIs allow.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  globalSetup: './src/support/global-setup.mjs',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // A whole flow with axe on every page takes most of a minute on a busy 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../tmp/web-e2e/results',
  use: {
    baseURL: 'http://localhost:3000',
    locale: 'sv-SE',
    // A trace is recorded for every test and kept for a failing one; CI, where no one opens
    // it, skips the recording, which costs time in every test. Locally: `--trace on` for any.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumForTests(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
