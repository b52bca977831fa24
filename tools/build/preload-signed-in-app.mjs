#!/usr/bin/env node
// Adds a <link rel="modulepreload"> to the built index.html for every script the signed-in
// application needs (its module and what it imports, read from the build's metafile), so a
// page load fetches them from its first moment, beside main.js and the configuration.
//
// Why: main.ts imports the signed-in application dynamically (a load that ends at the login
// evaluates no Angular), and the build preloads only main's own imports. Without this, its
// scripts (about 180 kB compressed: Angular, Apollo, Material) were asked for only after
// main.js and then the application's module had arrived: two round trips later, and on a
// phone's slow connection the largest paint waited for them (docs/benchmarks.md). Preloading
// fetches and compiles them but evaluates nothing.
//
// The links come after main's script, so the browser asks for main.js first. They keep the
// default priority: with `fetchpriority="low"` they waited behind the rest and every page
// scored lower (docs/benchmarks.md).
// Usage: node tools/build/preload-signed-in-app.mjs <outputPath> (the build's, holding stats.json and browser/)
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The signed-in application's module is found by what it exports (main.ts calls it), the
// start by its entry point.
const SIGNED_IN_APP_EXPORT = 'startSignedInApp';
const MAIN = 'apps/web/src/main.ts';

const outputPath = process.argv[2];
const statsFile = outputPath && path.join(outputPath, 'stats.json');
const indexFile = outputPath && path.join(outputPath, 'browser', 'index.html');
for (const file of [statsFile, indexFile]) {
  if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    console.error(
      `usage: preload-signed-in-app.mjs <outputPath>: ${file ?? 'no path'} is missing (the build writes stats.json with "statsJson": true)`,
    );
    process.exit(2);
  }
}

const { outputs } = JSON.parse(readFileSync(statsFile, 'utf8'));
const outputWhere = (what, test) => {
  const found = Object.keys(outputs).find((name) => name.endsWith('.js') && test(outputs[name]));
  if (!found) throw new Error(`${statsFile} has no output for ${what}`);
  return found;
};
/** An output and every output it imports statically, directly or not. */
const staticClosure = (start) => {
  const seen = new Set();
  const pending = [start];
  while (pending.length) {
    const name = pending.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    for (const imported of outputs[name]?.imports ?? [])
      if (imported.kind === 'import-statement') pending.push(imported.path);
  }
  return seen;
};

const preloadedByBuild = staticClosure(outputWhere(MAIN, (output) => output.entryPoint === MAIN));
const signedInApp = outputWhere(SIGNED_IN_APP_EXPORT, (output) => output.exports?.includes(SIGNED_IN_APP_EXPORT));
const signedIn = [...staticClosure(signedInApp)]
  .filter((name) => !preloadedByBuild.has(name))
  // The largest first: they take longest to arrive.
  .sort((a, b) => outputs[b].bytes - outputs[a].bytes);
const hrefs = signedIn.map((name) => path.basename(name));

const index = readFileSync(indexFile, 'utf8');
const mainScript = /<script src="main-[A-Z0-9]+\.js" type="module"><\/script>/.exec(index);
if (!mainScript) throw new Error(`${indexFile} has no main script to put the preloads after`);
if (index.includes(`href="${hrefs[0]}"`)) {
  console.log(`${indexFile} already preloads the signed-in application`);
  process.exit(0);
}
const links = hrefs.map((href) => `<link rel="modulepreload" href="${href}">`).join('');
writeFileSync(indexFile, index.replace(mainScript[0], `${mainScript[0]}${links}`));
const kB = signedIn.reduce((sum, name) => sum + outputs[name].bytes, 0) / 1000;
console.log(`${indexFile}: preloads the signed-in application's ${hrefs.length} scripts (${kB.toFixed(0)} kB before compression)`);
