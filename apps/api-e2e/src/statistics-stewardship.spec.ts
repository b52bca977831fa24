import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FH_ID, SANDVIKEN_ID, apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

// Issue 7, items 1, 6 and 7: who may change official statistics, who sees who imported
// them, and how far a collaboration's template import reaches. Each test uses its own
// indicators and periods so it does not depend on the order of the spec files.

/** The operator's CLI starts a whole process (and the machine is shared): give it time. */
const WITH_OPERATOR_IMPORT = 90_000;

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A template file (CSV) with the given rows `indicator;area;period;value`. */
const template = (rows: string[]) =>
  new TextEncoder().encode(['indicator_code;area_code;period;value', ...rows].join('\n') + '\n');

/** Uploads a template as the web app does: into a collaboration, or (null) as official statistics. */
async function upload(
  username: string,
  bytes: Uint8Array,
  collaborationId: string | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('source', 'template');
  form.set('dryRun', 'false');
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([Buffer.from(bytes)]), 'mall.csv');
  const url = collaborationId
    ? `${apiUrl()}/api/imports?collaborationId=${collaborationId}`
    : `${apiUrl()}/api/imports/official`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
    body: form,
  });
  const text = await response.text();
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return { status: response.status, lines, report: lines.find((line) => line.type === 'report')?.report };
}

/** The operator's `main.js import`, run against the database directly as in production. */
function operatorImport(rows: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-steward-'));
  const file = path.join(dir, 'officiell.csv');
  writeFileSync(file, template(rows));
  const output = execFileSync(
    process.execPath,
    [path.join(workspaceRoot, 'dist/apps/api/main.js'), 'import', '--source', 'template', '--file', file],
    { env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'] }, encoding: 'utf8' },
  );
  const batch = /batch ([0-9a-f-]{36})/.exec(output)?.[1];
  if (!batch) throw new Error(`the operator's import wrote no batch: ${output}`);
  return batch;
}

const value = async (code: string, area: string, period: string, collaborationId: string | null = null) =>
  (
    await sql(
      `SELECT v.value::float8 AS value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = $1 AND i.collaboration_id IS NOT DISTINCT FROM $4 AND v.area_code = $2 AND v.period = $3`,
      [code, area, period, collaborationId],
    )
  )[0]?.['value'] ?? null;

const UNDO = `mutation ($input: UndoImportInput!) { undoImport(input: $input) { id status } }`;
const UNDO_OFFICIAL = `mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { id status } }`;
const BATCHES = `query ($c: ID!) {
  importBatches(collaborationId: $c) { id source collaborationId importedBy { name email username } }
}`;

describe('official statistics are changed only by a statistics steward', () => {
  it('a collaboration’s template import refuses an official indicator row by row, writing nothing', async () => {
    const before = await value('af.bas.tot.unemployed', '1283', '2023-05');
    // The coordinator of Familjen Helsingborg holds indicator:import there, but no platform grant.
    const refused = await upload(
      'samordnare',
      template(['af.bas.tot.unemployed;1283;2023-05;4321', 'jobbspar.deltagare;1283;2023-05;12']),
      FH_ID,
    );
    expect(refused.status).toBe(200);
    expect(refused.report.batchId).toBeNull();
    expect(refused.report.problems).toEqual([
      {
        location: { row: 2 },
        message: expect.stringMatching(
          /row 2: af\.bas\.tot\.unemployed is an official indicator.*statistics-steward/,
        ),
        code: 'OFFICIAL_INDICATOR',
        params: { indicator: 'af.bas.tot.unemployed' },
      },
    ]);
    expect(await value('af.bas.tot.unemployed', '1283', '2023-05')).toBe(before);
    expect(await value('jobbspar.deltagare', '1283', '2023-05', FH_ID)).toBeNull();
  });

  it('an official import needs the statistics-steward realm role, not a role in a collaboration', async () => {
    const file = template(['af.bas.tot.unemployed;1283;2023-06;5000']);
    const coordinator = await upload('sandviken', file, null);
    expect(coordinator.status).toBe(403);
    expect(coordinator.lines[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(coordinator.lines[0].message).toMatch(/statistics-steward/);

    const steward = await upload('analytiker', file, null);
    expect(steward.report).toMatchObject({ inserted: 1, problems: [] });
    const [batch] = await sql(`SELECT collaboration_id FROM import_batch WHERE id = $1`, [
      steward.report.batchId,
    ]);
    // Official figures are platform data: the batch belongs to no collaboration.
    expect(batch).toEqual({ collaboration_id: null });
    expect(await value('af.bas.tot.unemployed', '1283', '2023-06')).toBe(5000);

    // An official import reads only the official catalogue: a local code is not found there.
    const local = await upload('analytiker', template(['jobbspar.deltagare;1283;2023-06;3']), null);
    expect(local.report.problems[0].message).toMatch(/indicator "jobbspar.deltagare" does not exist/);
  });

  it(
    'another tenant cannot undo an official batch (the reproduction of the issue); a steward can',
    async () => {
      const batchId = operatorImport(['af.bas.tot.unemployed;1283;2023-07;6000']);
      expect(await value('af.bas.tot.unemployed', '1283', '2023-07')).toBe(6000);

      const fromSandviken = await gql(
        UNDO,
        { input: { collaborationId: SANDVIKEN_ID, batchId } },
        { token: await tokenFor('sandviken') },
      );
      expect(errorCodes(fromSandviken)).toEqual(['FORBIDDEN']);
      // Not even the steward undoes official figures as a member of a collaboration.
      const insideCollaboration = await gql(
        UNDO,
        { input: { collaborationId: FH_ID, batchId } },
        { token: await tokenFor('analytiker') },
      );
      expect(errorCodes(insideCollaboration)).toEqual(['FORBIDDEN']);
      const notSteward = await gql(
        UNDO_OFFICIAL,
        { input: { batchId } },
        { token: await tokenFor('samordnare') },
      );
      expect(errorCodes(notSteward)).toEqual(['FORBIDDEN']);
      expect(await value('af.bas.tot.unemployed', '1283', '2023-07')).toBe(6000);
      expect(await sql(`SELECT status FROM import_batch WHERE id = $1`, [batchId])).toEqual([
        { status: 'COMMITTED' },
      ]);

      const steward = await gql(
        UNDO_OFFICIAL,
        { input: { batchId } },
        { token: await tokenFor('analytiker') },
      );
      expect(steward.data?.['undoOfficialImport']).toEqual({ id: batchId, status: 'UNDONE' });
      expect(await value('af.bas.tot.unemployed', '1283', '2023-07')).toBeNull();
    },
    WITH_OPERATOR_IMPORT,
  );

  it(
    'importBatches names the publishing source of official batches, not the person, outside the steward role',
    async () => {
      const batchId = operatorImport(['af.bas.tot.unemployed;1283;2023-08;6100']);
      // The batch as a steward's upload records it: imported by the agency analyst.
      await sql(
        `UPDATE import_batch SET imported_by = (SELECT id FROM app_user WHERE username = 'analytiker')
                WHERE id = $1`,
        [batchId],
      );
      const batchAs = async (username: string, collaborationId: string) => {
        const answer = await gql(BATCHES, { c: collaborationId }, { token: await tokenFor(username) });
        expect(answer.errors).toBeUndefined();
        return answer.data?.['importBatches'].find((batch: { id: string }) => batch.id === batchId);
      };
      expect(await batchAs('sandviken', SANDVIKEN_ID)).toEqual({
        id: batchId,
        source: 'TEMPLATE',
        collaborationId: null,
        importedBy: null,
      });
      expect((await batchAs('samordnare', FH_ID)).importedBy).toBeNull();
      expect((await batchAs('analytiker', FH_ID)).importedBy).toEqual({
        name: expect.any(String),
        email: 'analytiker@kraftsamling.example',
        username: 'analytiker',
      });
    },
    WITH_OPERATOR_IMPORT,
  );
});

describe('a collaboration’s template import stays inside the collaboration', () => {
  const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId changed inserted } }`;
  const enter = async (
    username: string,
    code: string,
    period: string,
    v: number,
    expectedVersion?: number,
  ) => {
    const answer = await gql(
      ENTER,
      {
        input: {
          collaborationId: FH_ID,
          areaCode: '1283',
          values: [{ indicatorCode: code, period, value: v, expectedVersion }],
        },
      },
      { token: await tokenFor(username) },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!['enterValues'] as { batchId: string };
  };

  it('writes local values only for the member municipalities', async () => {
    // Sandviken (2181) is no member of Familjen Helsingborg.
    const outside = await upload(
      'analytiker',
      template(['trappsteg.deltagare;1283;2023-03;4', 'trappsteg.deltagare;2181;2023-03;9']),
      FH_ID,
    );
    expect(outside.report.batchId).toBeNull();
    expect(outside.report.problems).toEqual([
      {
        location: { row: 3 },
        message: expect.stringMatching(/row 3: 2181 is not a member municipality of this collaboration/),
        code: 'NOT_A_MEMBER',
        params: { area: '2181' },
      },
    ]);
    expect(await value('trappsteg.deltagare', '2181', '2023-03', FH_ID)).toBeNull();
    expect(await value('trappsteg.deltagare', '1283', '2023-03', FH_ID)).toBeNull();
  });

  it('shows hand-entered values it would change in the dry run and changes them only when confirmed', async () => {
    await enter('helsingborg', 'utfall.anstallning', '2023-04', 10);
    const file = template(['utfall.anstallning;1283;2023-04;99', 'utfall.anstallning;1283;2023-05;5']);

    const dry = await upload('analytiker', file, FH_ID, { dryRun: 'true' });
    expect(dry.report).toMatchObject({ inserted: 1, changed: 1, problems: [] });
    expect(dry.report.manualOverwrites).toEqual([
      {
        indicatorCode: 'utfall.anstallning',
        indicatorNameSv: 'Gått till anställning',
        indicatorNameEn: 'Went to employment',
        areaCode: '1283',
        areaName: 'Helsingborg',
        period: '2023-04',
        value: 10,
        newValue: 99,
        enteredBy: expect.any(String),
        enteredAt: expect.any(String),
      },
    ]);
    expect(dry.report.confirmationToken).toEqual(expect.any(String));

    const unconfirmed = await upload('analytiker', file, FH_ID);
    expect(unconfirmed.report.batchId).toBeNull();
    expect(unconfirmed.report.problems).toEqual([
      {
        location: {},
        message: expect.stringMatching(/1 value entered by hand would change.*confirm/),
      },
    ]);
    expect(await value('utfall.anstallning', '1283', '2023-04', FH_ID)).toBe(10);
    expect(await value('utfall.anstallning', '1283', '2023-05', FH_ID)).toBeNull();

    // The editor corrects the value after the dry run: the confirmation no longer holds.
    const [{ version }] = await sql(
      `SELECT v.version FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'utfall.anstallning' AND i.collaboration_id = $1 AND v.area_code = '1283' AND v.period = '2023-04'`,
      [FH_ID],
    );
    await enter('helsingborg', 'utfall.anstallning', '2023-04', 11, version);
    const stale = await upload('analytiker', file, FH_ID, {
      confirmationToken: dry.report.confirmationToken,
    });
    expect(stale.report.batchId).toBeNull();
    expect(stale.report.problems[0].message).toMatch(/changed since your dry run/);
    expect(await value('utfall.anstallning', '1283', '2023-04', FH_ID)).toBe(11);

    const again = await upload('analytiker', file, FH_ID, { dryRun: 'true' });
    expect(again.report.manualOverwrites[0]).toMatchObject({ value: 11, newValue: 99 });
    const confirmed = await upload('analytiker', file, FH_ID, {
      confirmationToken: again.report.confirmationToken,
    });
    expect(confirmed.report).toMatchObject({ inserted: 1, changed: 1, problems: [] });
    expect(await value('utfall.anstallning', '1283', '2023-04', FH_ID)).toBe(99);
  });

  it('undo of a manual entry belongs to the person who made it or a coordinator', async () => {
    const { batchId } = await enter('helsingborg', 'utfall.anstallning.privat', '2023-04', 3);
    const analyst = await gql(
      UNDO,
      { input: { collaborationId: FH_ID, batchId } },
      { token: await tokenFor('analytiker') },
    );
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);
    expect(analyst.errors?.[0]?.message).toMatch(/entered by hand/);
    expect(await value('utfall.anstallning.privat', '1283', '2023-04', FH_ID)).toBe(3);

    const coordinator = await gql(
      UNDO,
      { input: { collaborationId: FH_ID, batchId } },
      { token: await tokenFor('samordnare') },
    );
    expect(coordinator.data?.['undoImport']).toEqual({ id: batchId, status: 'UNDONE' });
    expect(await value('utfall.anstallning.privat', '1283', '2023-04', FH_ID)).toBeNull();
  });
});
