import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runParseJob, type ParseJob } from './parse-job';
import { parseInWorker } from './worker-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const workspace = path.resolve(here, '../../../../..');
// Inside the workspace, so that the bundle's npm imports resolve from its node_modules.
const dir = path.join(workspace, 'tmp', `parse-worker-spec-${process.pid}`);
const workerFile = path.join(dir, 'parse-worker.mjs');

beforeAll(async () => {
  // The API bundles its worker the same way (tools/build/build-node-app.mjs).
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { serveParseJob } from '${path.join(here, 'worker.ts')}';\nawait serveParseJob();\n`,
  );
  await build({
    entryPoints: [entry],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    tsconfig: path.join(workspace, 'tsconfig.base.json'),
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function templateCsv(rows: number): Uint8Array {
  const lines = ['indicator_code;area_code;period;value'];
  for (let i = 0; i < rows; i++)
    lines.push(`X;${String(100 + (i % 290)).padStart(4, '0')};${1000 + Math.floor(i / 290)};${i}`);
  return new TextEncoder().encode(lines.join('\n'));
}

describe('parseInWorker', () => {
  it('gives what reading in the calling thread gives, across several result slices', async () => {
    const job: ParseJob = { source: 'TEMPLATE', bytes: templateCsv(12_000) };
    const inWorker = await parseInWorker(workerFile, job);
    expect(inWorker.observations).toHaveLength(12_000);
    expect(inWorker).toEqual(await runParseJob(job));
  }, 60_000);

  it('returns problems the worker found, as the parser reports them', async () => {
    const job: ParseJob = { source: 'KOLADA', bytes: new TextEncoder().encode('{"values": 1') };
    const inWorker = await parseInWorker(workerFile, job);
    expect(inWorker.problems.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(await runParseJob(job));
  }, 60_000);

  it('refuses a file that needs more memory than a worker may use, and only the worker ends', async () => {
    const job: ParseJob = { source: 'TEMPLATE', bytes: templateCsv(150_000) };
    const parsed = await parseInWorker(workerFile, job, { maxHeapMb: 16 });
    expect(parsed).toEqual({
      format: 'TEMPLATE_CSV',
      observations: [],
      problems: [
        {
          location: {},
          message:
            'the file needs more memory to read than one import may use (16 MiB); split it into smaller files',
        },
      ],
      meta: {},
    });
  }, 60_000);
});
