// Loaded into the API only by the soak (tools/resilience/soak.mjs), through
// NODE_OPTIONS (--expose-gc --require): every KS_MEMORY_PROBE_INTERVAL_MS it runs a full garbage collection
// and appends the process's memory right after it to KS_MEMORY_PROBE_FILE, one JSON line each.
// Why: the resident memory of a busy Node process is a saw whose teeth depend on when V8
// happens to collect, and on a shared processor it collects later and the teeth grow; the
// memory that is still resident after a full collection is what a leak raises.
const { isMainThread } = require('node:worker_threads');

const file = process.env.KS_MEMORY_PROBE_FILE;
if (file && isMainThread) {
  const { appendFileSync } = require('node:fs');
  // The soak starts the API with `--expose-gc` beside this module.
  const collectGarbage = globalThis.gc;
  if (typeof collectGarbage !== 'function')
    throw new Error('memory-probe.cjs needs node --expose-gc (NODE_OPTIONS="--expose-gc --require …")');
  const intervalMs = Number(process.env.KS_MEMORY_PROBE_INTERVAL_MS ?? 5000);
  setInterval(() => {
    collectGarbage();
    const { rss, heapUsed, external } = process.memoryUsage();
    appendFileSync(
      file,
      `${JSON.stringify({ pid: process.pid, at: Date.now(), rss, heapUsed, external })}\n`,
    );
  }, intervalMs).unref();
}
