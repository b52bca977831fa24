#!/usr/bin/env node
// `npm test`: lint, type checks and every Jest test (unit and API integration), all
// without a browser. Tests need a real PostgreSQL: DATABASE_URL names a server on which
// each test creates databases of its own; without it an embedded PostgreSQL is started
// for the run (data in .data/test-postgres).
//
// Lint and the type checks run as one process each, lint beside the type checks (one per
// core), not once per project: ESLint's start and a library's type check (repeated by
// every project that imports it) cost more than the files themselves. The type checks
// cover the web's tests too, which Jest only transpiles (tools/test/tsconfig.*.json). The
// Jest unit tests of every project then run in one Jest process (tools/jest/unit.config.cjs),
// the API integration tests beside them, and the web app's production build after the unit
// tests.
// `npm test -- lint typecheck` runs the named Nx targets per project instead.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../dev-stack/postgres.mjs';
import { workspaceRoot } from '../dev-stack/stack.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Runs a command to its end; resolves with its exit status and prints how long it took. */
function run(label, command, args, { quiet = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
    const child = spawn(command, args, { cwd: workspaceRoot, stdio, env });
    child.on('error', (error) => {
      console.error(`${label}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`${label}: ${status === 0 ? 'passed' : `failed (exit ${status})`} in ${seconds} s`);
      resolve(status);
    });
  });
}

const nxTargets = (targets, exclude = ['web-e2e']) =>
  run(`nx ${targets.join(', ')}`, 'npx', [
    'nx',
    'run-many',
    '-t',
    ...targets,
    `--exclude=${exclude.join(',')}`,
    '--parallel=2',
    '--output-style=stream-without-prefixes',
  ]);

/**
 * The API integration tests (one Jest process against the real stack, mostly waiting on
 * it) start with the unit tests rather than after them: Nx would run them last, alone.
 */
async function testsSideBySide() {
  const built = await run('build (api, dev-idp)', 'npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'dev-idp',
    '--output-style=static',
  ]);
  if (built) return built;
  const [unit, integration] = await Promise.all([
    // Then the web app's production build, on the core the unit tests leave while the
    // integration tests finish: it compiles the templates ahead of time, which no type
    // check covers, and `npm run e2e` takes it from Nx's cache instead of building it then.
    run('unit tests (every project, one Jest run)', process.execPath, [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      '--config',
      'tools/jest/unit.config.cjs',
      '--maxWorkers=2',
    ]).then(
      async (status) =>
        status || run('build (web)', 'npx', ['nx', 'run', 'web:build', '--output-style=static']),
    ),
    run('API integration tests (api-e2e)', process.execPath, [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      '--config',
      'apps/api-e2e/jest.config.cjs',
      '--runInBand',
    ]),
  ]);
  return unit || integration;
}

let postgres;
let status;
const asked = process.argv.slice(2);
if (asked.length) {
  status = await withPostgres(() => nxTargets(asked));
} else {
  // Kept between runs like Nx's cache (in git-ignored tmp/, which `npm ci` leaves alone): a
  // file is linted again when its content changes, a program checked again where it changed.
  const tsc = (label, project) =>
    run(label, 'npx', [
      'tsc',
      '-p',
      `tools/test/${project}.json`,
      '--incremental',
      '--tsBuildInfoFile',
      `tmp/cache/${project}.tsbuildinfo`,
    ]);
  const typecheck = async () =>
    (await tsc('typecheck (Node projects)', 'tsconfig.typecheck')) ||
    (await tsc('typecheck (web)', 'tsconfig.web-typecheck'));
  // Nx's module-boundary rule reads the project graph from Nx's cache and skips itself
  // where there is none yet (a fresh checkout): an Nx command writes it, the probe proves
  // the rule is at work before the whole tree is linted.
  const lint = async () =>
    (await run('project graph', 'npx', ['nx', 'show', 'projects'], { quiet: true })) ||
    (await run('module boundaries probe', process.execPath, ['tools/test/module-boundaries-probe.mjs'])) ||
    run('lint', 'npx', [
      'eslint',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `tmp/cache/eslint/${boundaryInputsHash()}/`,
      'apps',
      'libs',
      'tools',
    ]);
  const [linted, types] = await Promise.all([lint(), typecheck()]);
  status = linted || types || (await withPostgres(testsSideBySide));
}
process.exit(status);

/**
 * What the module-boundary rule reads besides the linted file: the projects' tags
 * (project.json) and the import paths (tsconfig.base.json). ESLint's cache knows only the
 * file and the ESLint configuration, so it keeps one cache per state of these: a changed
 * tag lints every file again instead of replaying an answer given under the old tags.
 */
function boundaryInputsHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(file);
      else if (entry.name === 'project.json') hash.update(file).update(readFileSync(file));
    }
  };
  for (const dir of ['apps', 'libs', 'tools']) walk(path.join(workspaceRoot, dir));
  hash.update(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json')));
  return hash.digest('hex').slice(0, 12);
}

async function withPostgres(body) {
  if (!process.env.DATABASE_URL) {
    console.log('DATABASE_URL is not set: starting an embedded PostgreSQL for the tests');
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(workspaceRoot, '.data/test-postgres'),
      port: Number(process.env.TEST_POSTGRES_PORT ?? 54330),
    });
    env.DATABASE_URL = postgres.adminUrl;
  }
  try {
    return await body();
  } finally {
    await postgres?.stop();
  }
}
