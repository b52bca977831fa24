#!/usr/bin/env node
// `npm run e2e`: the browser tests (Playwright in Debian's Chromium, which
// apps/web-e2e/playwright.config.ts finds or names the packages to install) against the real
// product. Like `npm test`, without DATABASE_URL an embedded PostgreSQL is used.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['nx', 'run', 'web-e2e:e2e', '--output-style=stream-without-prefixes'], {
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});
process.exit(result.status ?? 1);
