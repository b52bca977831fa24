#!/usr/bin/env node
// Lists the main-thread tasks of a page load kept by `LIGHTHOUSE_TRACE=1 npm run lighthouse`
// (tmp/lighthouse/<page>-<run>.trace.json) that ran at least the given milliseconds, as
// measured on this machine (unthrottled), with what they spent their time in. Lighthouse's
// phone simulation multiplies each by 4, so a task over 12.5 ms here is over 50 ms on the
// phone and counts towards the total blocking time.
//
//   node tools/lighthouse/tasks.mjs tmp/lighthouse/nyckeltal-1.trace.json [12.5]
//
// A trace kept with LIGHTHOUSE_PROFILE=1 as well holds V8's samples: each task then lists the
// functions it spent most time in (self time) and the application's own code that ran them
// (the innermost frame from libs/ or apps/ above each sample), named through the build's
// source maps when it has them.
import { readFileSync } from 'node:fs';
import { namer } from './source-names.mjs';

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

/** The profiler's samples of the page's process (its chunks come from the sampler's thread): time, leaf node and the nodes by id. */
function samplesOf(pid) {
  const samples = [];
  const nodes = new Map();
  const starts = new Map(
    events
      .filter((event) => event.name === 'Profile' && event.pid === pid)
      .map((event) => [event.id, event.args.data.startTime]),
  );
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid) continue;
    const { cpuProfile = {}, timeDeltas = [] } = event.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    let time = starts.get(event.id) ?? 0;
    for (let i = 0; i < (cpuProfile.samples ?? []).length; i++) {
      time += timeDeltas[i] ?? 0;
      samples.push({ time, node: cpuProfile.samples[i] });
      starts.set(event.id, time);
    }
  }
  samples.sort((a, b) => a.time - b.time);
  return { samples, nodes };
}

const thread = events.filter((event) => event.pid === last.pid && event.tid === last.tid && event.ph === 'X');
const tasks = thread
  .filter((event) => event.name === 'RunTask' && event.dur >= threshold)
  .sort((a, b) => a.ts - b.ts);
const profile = samplesOf(last.pid);
const nameOf = namer();
const OWN_CODE = /^(libs|apps)\//;

/** Self time by function and by the application's frame that led to it, in a task. */
function attribute(task) {
  const self = new Map();
  const own = new Map();
  const inTask = profile.samples.filter((s) => s.time >= task.ts && s.time < task.ts + task.dur);
  for (let i = 0; i < inTask.length; i++) {
    const duration = ((inTask[i + 1]?.time ?? task.ts + task.dur) - inTask[i].time) / 1000;
    let node = profile.nodes.get(inTask[i].node);
    const leaf = nameOf(node.callFrame);
    if (['(idle)', '(program)'].includes(node.callFrame.functionName)) continue;
    self.set(leaf.name, (self.get(leaf.name) ?? 0) + duration);
    let owner = '(no application frame)';
    for (; node; node = profile.nodes.get(node.parent)) {
      const named = nameOf(node.callFrame);
      if (OWN_CODE.test(named.file)) {
        owner = named.name;
        break;
      }
    }
    own.set(owner, (own.get(owner) ?? 0) + duration);
  }
  const top = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `${ms.toFixed(1)} ${name}`);
  return { self: top(self, 4), own: top(own, 4) };
}

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
  if (!profile.samples.length) continue;
  const { self, own } = attribute(task);
  console.log(`      self: ${self.join('; ')}`);
  console.log(`      from: ${own.join('; ')}`);
}
