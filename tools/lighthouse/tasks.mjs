#!/usr/bin/env node
// Lists the main-thread tasks of a page load kept by `LIGHTHOUSE_TRACE=1 npm run lighthouse`
// (tmp/lighthouse/<page>-<run>.trace.json) that ran at least the given milliseconds, as
// measured on this machine (unthrottled), with what they spent their time in. Lighthouse's
// phone simulation multiplies each by 4, so a task over 12.5 ms here is over 50 ms on the
// phone and counts towards the total blocking time.
//
//   node tools/lighthouse/tasks.mjs tmp/lighthouse/nyckeltal-1.trace.json [12.5]
import { readFileSync } from 'node:fs';

const [file, thresholdArgument = '12.5'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/lighthouse/tasks.mjs <trace.json> [threshold in ms]');
  process.exit(2);
}
const threshold = Number(thresholdArgument) * 1000;
const trace = JSON.parse(readFileSync(file, 'utf8'));
const events = trace.traceEvents ?? trace;

// The loads of the page's frame: the address asked for, and the page the login sent back to.
const navigations = events.filter(
  (event) =>
    event.name === 'navigationStart' &&
    event.args?.data?.isLoadingMainFrame &&
    event.args.data.documentLoaderURL?.startsWith('http'),
);
if (!navigations.length) throw new Error(`${file}: no page load in the trace`);
const origin = navigations[0].ts;
const last = navigations.at(-1);
const ms = (microseconds) => (microseconds / 1000).toFixed(1);

/** What a task's time went to (the trace's own event names). */
const PARTS = [
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'TimerFire',
  'FireAnimationFrame',
  'FunctionCall',
  'RunMicrotasks',
  'EventDispatch',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MinorGC',
  'MajorGC',
];

const thread = events.filter((event) => event.pid === last.pid && event.tid === last.tid && event.ph === 'X');
const tasks = thread
  .filter((event) => event.name === 'RunTask' && event.dur >= threshold)
  .sort((a, b) => a.ts - b.ts);
console.log(`${file}: tasks of ${thresholdArgument} ms or more (times from the first request)`);
for (const task of tasks) {
  const parts = new Map();
  for (const event of thread) {
    if (event.ts < task.ts || event.ts + event.dur > task.ts + task.dur || !PARTS.includes(event.name))
      continue;
    parts.set(event.name, (parts.get(event.name) ?? 0) + event.dur);
  }
  const spent = [...parts]
    .filter(([, duration]) => duration >= 500)
    .map(([name, duration]) => `${name} ${ms(duration)}`)
    .join(', ');
  console.log(`  at ${ms(task.ts - origin).padStart(7)} ms: ${ms(task.dur).padStart(5)} ms  ${spent}`);
}
