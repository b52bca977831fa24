#!/usr/bin/env node
// Lighthouse on the pages a signed-in person meets first (issue 12): the collaboration's
// home, the indicator catalogue and an indicator page, with Lighthouse's default profile (a
// mid-range phone on a slow 4G connection, simulated), in Debian's Chromium. Prints the
// performance and accessibility scores (the median of LIGHTHOUSE_RUNS runs per page, 3 unless
// set) and writes them to docs/benchmarks.md. Target: performance ≥ 90, accessibility 100.
//
// A benchmark, not a test: too slow for `npm test` and CI. It runs the whole product on port
// 3000 (the origin the dev realm's redirect URIs allow), shared with the browser tests, so run
// it under their lock:
//   flock /tmp/web-e2e.lock npm run lighthouse
// Needs the API, the dev IdP and the web app built (the npm script builds them).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { chromium } from 'playwright-core';
import { workspaceRoot } from '../dev-stack/stack.mjs';
import { LIGHTHOUSE_WORK_DIR, signInAsHelsingborg, startMeasuredProduct } from './product.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEBUGGING_PORT = Number(process.env.LIGHTHOUSE_CHROMIUM_PORT ?? 9339);
const SLUG = 'familjen-helsingborg';
const INDICATOR = 'af.bas.utrk.unemployment_share';
const PAGES = [
  { name: 'home', path: `/s/${SLUG}` },
  { name: 'catalogue', path: `/s/${SLUG}/nyckeltal` },
  { name: 'indicator', path: `/s/${SLUG}/nyckeltal/${INDICATOR}` },
];
// LIGHTHOUSE_PAGES=catalogue,indicator measures only those (docs/benchmarks.md is then left as it is).
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(',').map((name) => name.trim());
const MEASURED = ONLY ? PAGES.filter((page) => ONLY.includes(page.name)) : PAGES;
if (!MEASURED.length)
  throw new Error(`LIGHTHOUSE_PAGES names none of ${PAGES.map((page) => page.name).join(', ')}`);
const TARGET = { performance: 90, accessibility: 100 };
// How long Lighthouse waits for the page to go quiet (its default is 45 s). The load that leaves
// for the login asks for the application's scripts; those still arriving when it navigates are
// cut off, and Chromium reports no end for them, so Lighthouse counts them in flight for ever and
// waits to its limit on most runs ("The page loaded too slowly…"). The page it measures made
// its last visual change within 2 s of the start (observed, 2026-12-03), so 15 s leaves room for
// a machine several times slower and spares half a minute a run.
const LOAD_WAIT_MS = 15_000;
const BENCHMARKS = path.join(workspaceRoot, 'docs/benchmarks.md');
const work = LIGHTHOUSE_WORK_DIR;
mkdirSync(work, { recursive: true });

/** Chromium with a remote-debugging port, so the login (playwright-core) and Lighthouse share its cookies. */
async function launchChromium() {
  const profile = path.join(work, 'chromium-profile');
  rmSync(profile, { recursive: true, force: true });
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${DEBUGGING_PORT}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${DEBUGGING_PORT}/json/version`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${CHROMIUM} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${CHROMIUM} did not open port ${DEBUGGING_PORT} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Signs in through the dev IdP's real login page. The session lives in the IdP's cookie, which
 * Lighthouse keeps (it clears the page's storage and cache, not cookies), so each measured load
 * is a signed-in person opening the address: the app's silent round trip to the IdP included.
 */
async function signIn(apiUrl) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUGGING_PORT}`);
  try {
    const page = await browser.contexts()[0].newPage();
    await signInAsHelsingborg(page, apiUrl);
    await page.close();
  } finally {
    await browser.close();
  }
}

/** The simulated timings of the largest paint's graphs, one line per request or task, in start order. */
function describeSimulation(allNodeTimings) {
  const lines = [];
  for (const [label, timings] of allNodeTimings) {
    if (!/LargestContentfulPaint$/.test(label)) continue;
    lines.push(`# ${label}`);
    const nodes = [...timings].sort(([, a], [, b]) => a.startTime - b.startTime);
    for (const [node, timing] of nodes) {
      const what =
        node.type === 'network'
          ? `${node.request.resourceType ?? 'other'} ${node.fromDiskCache ? '(cache) ' : ''}${node.request.url.slice(0, 120)}`
          : `task ${(node.duration / 1000).toFixed(1)} ms observed${[...node.getEvaluateScriptURLs()].map((url) => ` eval ${url.split('/').pop()}`).join('')}`;
      lines.push(
        `${timing.startTime.toFixed(0).padStart(6)} ${timing.endTime.toFixed(0).padStart(6)}  ${what}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Each warning Lighthouse gave and in how many of the runs, so that none goes unread. */
function countWarnings(runs) {
  const counts = new Map();
  for (const warning of runs.flatMap((run) => run.warnings))
    counts.set(warning, (counts.get(warning) ?? 0) + 1);
  return counts;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(url) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(url, {
      port: DEBUGGING_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      maxWaitForLoad: LOAD_WAIT_MS,
      // LIGHTHOUSE_PROFILE=1 adds V8's sampling profiler to the kept trace (LIGHTHOUSE_TRACE=1), so
      // that tasks.mjs can say which source files each long task ran. It slows the load: for
      // finding work, not for a score.
      ...(process.env.LIGHTHOUSE_PROFILE === '1'
        ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' }
        : {}),
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A page that ended on the login form measured the wrong thing.
    if (new URL(lhr.finalDisplayedUrl).href !== url)
      throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: not signed in?`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    runs.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failedAccessibility: lhr.categories.accessibility.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => ref.id),
      warnings: lhr.runWarnings,
      opportunities: Object.values(lhr.audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) >= 150)
        .map((a) => `${a.id} (${Math.round(a.details.overallSavingsMs)} ms)`),
    });
    const name = `${new URL(url).pathname.split('/').pop()}-${run + 1}`;
    writeFileSync(path.join(work, `${name}.json`), result.report);
    // LIGHTHOUSE_TRACE=1 keeps the load's trace (open it in DevTools' Performance panel) to see
    // which tasks make the blocking time.
    if (process.env.LIGHTHOUSE_TRACE === '1')
      writeFileSync(path.join(work, `${name}.trace.json`), JSON.stringify(result.artifacts.Trace));
    // LIGHTHOUSE_LANTERN=1 writes how the simulation timed the largest paint: every request and
    // main-thread task it counted, with its simulated start and end (which wait made the score).
    if (process.env.LIGHTHOUSE_LANTERN === '1')
      writeFileSync(
        path.join(work, `${name}.lantern.txt`),
        describeSimulation(Lantern.Simulation.Simulator.allNodeTimings),
      );
  }
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = byScore[Math.floor(byScore.length / 2)];
  return {
    ...middle,
    performances: runs.map((r) => r.performance),
    warnings: countWarnings(runs),
    accessibility: median(runs.map((r) => r.accessibility)),
  };
}

const stack = await startMeasuredProduct();
let chromiumProcess;
try {
  chromiumProcess = await launchChromium();
  await signIn(stack.apiUrl);
  const results = [];
  for (const page of MEASURED) {
    const url = `${stack.apiUrl}${page.path}`;
    console.log(`measuring ${page.name} (${url}), ${RUNS} runs`);
    const result = await measure(url);
    results.push({ ...page, ...result });
    console.log(
      `  performance ${result.performance} (runs ${result.performances.join(', ')}), accessibility ${result.accessibility}; ` +
        `FCP ${Math.round(result.fcp)} ms, LCP ${Math.round(result.lcp)} ms, TBT ${Math.round(result.tbt)} ms, CLS ${result.cls.toFixed(3)}`,
    );
    if (result.failedAccessibility.length)
      console.log(`  accessibility audits failed: ${result.failedAccessibility.join(', ')}`);
    if (result.opportunities.length) console.log(`  Lighthouse suggests: ${result.opportunities.join(', ')}`);
    for (const [warning, count] of result.warnings)
      console.log(`  Lighthouse warned in ${count} of ${RUNS} runs: ${warning}`);
  }
  const met = results.every(
    (r) => r.performance >= TARGET.performance && r.accessibility >= TARGET.accessibility,
  );
  console.log(
    `\ntarget (performance ≥ ${TARGET.performance}, accessibility ${TARGET.accessibility}): ${met ? 'met' : 'NOT met'}`,
  );
  if (MEASURED.length === PAGES.length) writeResults(results, met);
  else console.log('only some pages measured: docs/benchmarks.md left as it is');
  if (!met) process.exitCode = 1;
} finally {
  chromiumProcess?.kill();
  await stack.stop();
}

/** Replaces the section between the markers in docs/benchmarks.md with this run's figures. */
function writeResults(results, met) {
  const { version } = JSON.parse(
    readFileSync(path.join(workspaceRoot, 'node_modules/lighthouse/package.json'), 'utf8'),
  );
  const chromiumVersion = process.env.CHROMIUM_VERSION_LABEL ?? 'Debian Chromium';
  const rows = results.map(
    (r) =>
      `| ${r.name.padEnd(9)} | \`${r.path}\` | ${r.performance} (${r.performances.join(', ')}) | ${r.accessibility} | ${Math.round(r.fcp)} ms | ${Math.round(r.lcp)} ms | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`,
  );
  const section = [
    '<!-- lighthouse:start (written by tools/lighthouse/run.mjs) -->',
    `Lighthouse ${version}, default mobile profile (simulated slow 4G, 4× CPU slowdown), ${chromiumVersion},`,
    `signed in as \`helsingborg\`, ${RUNS} runs per page (the median run shown; every run's performance in brackets),`,
    `measured ${new Date().toISOString().slice(0, 10)}, load average ${loadAverage()} at the end.`,
    '',
    '| page      | address | performance | accessibility | FCP | LCP | TBT | CLS |',
    '| --------- | ------- | ----------- | ------------- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Target (performance ≥ ${TARGET.performance}, accessibility ${TARGET.accessibility} on every page): **${met ? 'met' : 'not met'}**.`,
    '<!-- lighthouse:end -->',
  ].join('\n');
  const text = readFileSync(BENCHMARKS, 'utf8');
  const pattern = /<!-- lighthouse:start[\s\S]*?<!-- lighthouse:end -->/;
  if (!pattern.test(text)) throw new Error('docs/benchmarks.md has no lighthouse:start/end markers');
  writeFileSync(BENCHMARKS, text.replace(pattern, section));
}

function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
}
