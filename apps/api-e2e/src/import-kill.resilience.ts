// An API process killed (SIGKILL: no clean-up of any kind) in the middle of writing a
// large import leaves nothing of it behind, and the restarted API imports the same file
// whole. Runs in `npm run test:resilience`: it starts an API process of its own, on the
// next port, against the test database the suite's stack uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sql } from './support/api';
import {
  RACE_MUNICIPALITIES,
  createRaceCollaboration,
  removeRaceCollaborations,
  startUpload,
  templateCsv,
  uploadLines,
} from './support/race-fixtures';

const port = Number(process.env['E2E_API_PORT'] ?? 13000) + 1;
const baseUrl = `http://localhost:${port}`;

function startApi(): ChildProcess {
  return spawn(process.execPath, [path.resolve('dist/apps/api/main.js'), 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: process.env['E2E_API_DATABASE_URL'],
      DATABASE_OWNER_URL: process.env['E2E_DATABASE_URL'],
      OIDC_ISSUER_URL: process.env['E2E_ISSUER_URL'],
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: 'ignore',
  });
}

async function healthy(): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (
      await fetch(`${baseUrl}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API on port ${port} did not become healthy`);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

describe('an API killed during a large import', () => {
  let api: ChildProcess | undefined;
  afterAll(async () => {
    if (api && api.exitCode === null && !api.signalCode) {
      api.kill('SIGTERM');
      await exited(api);
    }
    await removeRaceCollaborations();
  });

  it('leaves no trace of the batch, and the restarted API imports the file whole', async () => {
    const collaboration = await createRaceCollaboration('killed-import', { indicators: 30 });
    const file = templateCsv(
      collaboration.indicators.map((i) => i.code),
      RACE_MUNICIPALITIES,
      400,
    );
    const rows = 30 * RACE_MUNICIPALITIES.length * 400; // 120 000 values: 6 chunks of COPY
    const sha = createHash('sha256').update(file).digest('hex');

    api = startApi();
    await healthy();
    const response = await startUpload(collaboration.id, file, 'stor-fil.csv', baseUrl);
    // Read the progress as it streams; kill the process as soon as it reports writing.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    let stage = '';
    while (stage !== 'writing') {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the import ended before it was killed: ${buffered}`);
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line) stage = JSON.parse(line).stage ?? JSON.parse(line).type;
      expect(stage).not.toBe('report');
    }
    api.kill('SIGKILL');
    await exited(api);
    await reader.cancel().catch(() => {});

    const nothingOfIt = async () => ({
      batches: await sql(`SELECT id FROM import_batch WHERE file_sha256 = $1`, [sha]),
      values: (
        await sql(`SELECT count(*)::int AS n FROM indicator_value WHERE collaboration_id = $1`, [
          collaboration.id,
        ])
      )[0]!['n'],
      history: (
        await sql(
          `SELECT count(*)::int AS n FROM indicator_value_history h JOIN indicator i ON i.id = h.indicator_id WHERE i.collaboration_id = $1`,
          [collaboration.id],
        )
      )[0]!['n'],
      audit: await sql(`SELECT id FROM audit_event WHERE collaboration_id = $1`, [collaboration.id]),
    });
    const empty = { batches: [], values: 0, history: 0, audit: [] };
    expect(await nothingOfIt()).toEqual(empty);

    api = startApi();
    await healthy();
    expect(await nothingOfIt()).toEqual(empty);
    const lines = await uploadLines(await startUpload(collaboration.id, file, 'stor-fil.csv', baseUrl));
    const report = lines.find((line) => line.type === 'report')?.report;
    expect(report).toMatchObject({ problems: [], inserted: rows, changed: 0 });
    expect(await sql(`SELECT id FROM import_batch WHERE file_sha256 = $1`, [sha])).toEqual([
      { id: report.batchId },
    ]);
    const [{ n }] = (await sql(`SELECT count(*)::int AS n FROM indicator_value WHERE collaboration_id = $1`, [
      collaboration.id,
    ])) as [{ n: number }];
    expect(n).toBe(rows);
  }, 300_000);
});
