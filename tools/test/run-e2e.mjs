#!/usr/bin/env node
// `npm run e2e`: the browser tests (Playwright in Debian's Chromium) against the real
// product. Like `npm test`, without DATABASE_URL an embedded PostgreSQL is used.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
const result = spawnSync('npx', ['nx', 'run', 'web-e2e:e2e', '--output-style=stream-without-prefixes'], {
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});
process.exit(result.status ?? 1);
