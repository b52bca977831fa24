#!/usr/bin/env node
// Keeps package-lock.json installable with `npm ci` on every platform.
//
// Native packages (SWC, esbuild, rollup, lmdb, …) list one optional dependency per
// platform. Where the registry this lock was written against serves only this machine's
// platform packages, npm leaves the others out of the lock, and `npm ci` then refuses the
// lock as out of sync ("Missing: @swc/core-darwin-arm64@ from lock file"). This script
// records each missing one as an optional entry with its version: `npm ci` accepts the
// lock and skips those that do not fit the platform (or cannot be fetched).
//
// Run it after every `npm install` that changes the lock: `npm run lockfile:fix`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency next to its dependent first, then up the tree.
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version, dev: entry.dev, optional: true };
    if (!entry.dev) delete packages[hoisted].dev;
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added
    ? `recorded ${added} optional platform packages in package-lock.json`
    : 'package-lock.json is complete',
);
