// Every project's unit tests in one Jest run (`npm test`): each project's own jest.config.cjs
// as one of Jest's projects. One process with two workers instead of a Jest process per
// project: 44 starts of Jest, each loading its transformers and Angular's test environment
// again, cost a fifth of the unit tests' time on a 2-core machine (docs/benchmarks.md, "CI's
// whole run"). `nx test <project>` still runs one project with Nx's cache.
// The API integration tests (apps/api-e2e) are not among them: they need the stack their
// global setup starts and run beside this run, on their own.
const { readdirSync } = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');
const notUnitTests = new Set(['apps/api-e2e']);

/** Directories under `dir` (relative to the workspace) that hold a jest.config.cjs. */
function projectsUnder(dir) {
  const found = [];
  for (const entry of readdirSync(path.join(workspaceRoot, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found.push(...projectsUnder(relative));
    else if (entry.name === 'jest.config.cjs' && !notUnitTests.has(dir)) found.push(dir);
  }
  return found;
}

const projects = ['apps', 'libs', 'tools'].flatMap(projectsUnder).sort();

module.exports = {
  rootDir: workspaceRoot,
  // Jest takes the test timeout from the run's own configuration, not from its projects': the
  // presets' 30 s (node-preset.cjs, angular-preset.cjs) apply here only if this says so too.
  // Without it the database-backed specs had Jest's 5 s and timed out on a slow machine.
  testTimeout: 30_000,
  projects: projects.map((dir) => path.join(workspaceRoot, dir, 'jest.config.cjs')),
};
