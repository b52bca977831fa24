#!/usr/bin/env node
// Where a signed-in page load spends the main thread: a CPU profile of each address at a
// phone's speed (Chromium's 4× CPU slowdown, as Lighthouse's mobile profile simulates it),
// summed by function and by source file. With a build that has source maps
// (`npx nx run web:build-app --sourceMap=true --skip-nx-cache`) the functions are named by
// their source (libs/…, ~@angular/core/…); without, by bundle and position.
//
//   PROFILE_PAGES=/s/familjen-helsingborg/nyckeltal,/s/familjen-helsingborg \
//     flock /tmp/web-e2e.lock node tools/lighthouse/profile.mjs
//   node tools/lighthouse/profile.mjs tmp/lighthouse/profiles/<page>.cpuprofile   # a kept one again
//
// It starts the product as `npm run lighthouse` does (product.mjs; build first with
// `npm run lighthouse` or `nx run-many -t build -p api dev-idp web demo-data`),
// signs in as `helsingborg` and keeps each profile in tmp/lighthouse/profiles/ (open it in
// DevTools' Performance panel). A tool for finding work to cut, not a score: the times are
// this machine's, slowed down.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { workspaceRoot } from '../dev-stack/stack.mjs';
import { LIGHTHOUSE_WORK_DIR, signInAsHelsingborg, startMeasuredProduct } from './product.mjs';
import { namer } from './source-names.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOP = Number(process.env.PROFILE_TOP ?? 30);
const kept = path.join(LIGHTHOUSE_WORK_DIR, 'profiles');

/** Self time per function and per source file, longest first; idle time and the browser's own left out. */
function summarise(profile) {
  const nameOf = namer();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  const byFile = new Map();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = nodes.get(profile.samples[i]).callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { name, file } = nameOf(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    busy += ms;
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { busy, functions: top(byFunction), files: top(byFile) };
}

function print(title, profile) {
  const { busy, functions, files } = summarise(profile);
  console.log(`\n${title}: ${busy.toFixed(0)} ms of script, garbage collection and the like (4× slowed)`);
  console.log('  by function (self time):');
  for (const [name, ms] of functions) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.log('  by source file:');
  for (const [file, ms] of files) console.log(`  ${ms.toFixed(1).padStart(8)}  ${file}`);
}

const [keptProfile] = process.argv.slice(2);
if (keptProfile) {
  print(keptProfile, JSON.parse(readFileSync(keptProfile, 'utf8')));
  process.exit(0);
}

const addresses = (process.env.PROFILE_PAGES ?? '/s/familjen-helsingborg/nyckeltal').split(',');
mkdirSync(kept, { recursive: true });
const stack = await startMeasuredProduct();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Lighthouse's mobile viewport: the catalogue then draws its cards, as measured there.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const login = await context.newPage();
  await signInAsHelsingborg(login, stack.apiUrl);
  await login.close();
  for (const address of addresses) {
    // A new tab per address: a load as Lighthouse makes it, the login's round trip included.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.start');
    await page.goto(stack.apiUrl + address);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    // What the page draws after its heading (the rest of a list, a chart coming into view).
    await page.waitForTimeout(4_000);
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(kept, `${address.replace(/\W+/g, '_').replace(/^_|_$/g, '')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    print(`${address} (kept in ${path.relative(workspaceRoot, file)})`, profile);
    await page.close();
  }
} finally {
  await browser.close();
  await stack.stop();
}
