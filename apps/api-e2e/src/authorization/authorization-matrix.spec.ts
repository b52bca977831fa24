import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import prettier from 'prettier';
import { SANDVIKEN_ID, apiUrl, gql, sql, tokenFor } from '../support/api';
import {
  ALL_IDENTITIES,
  IDENTITIES,
  MATRIX,
  expectedOutcome,
  renderMatrix,
  rowKey,
  type Identity,
} from './matrix';
import { PROBES, type Fixtures, type ProbeContext } from './probes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const matrixFile = path.join(root, 'docs/security/authorization-matrix.md');

/** Everything a probe could write, to prove a probe wrote nothing. */
async function stateOfEverything() {
  const [row] = await sql(`SELECT
      (SELECT count(*) FROM membership) AS memberships,
      (SELECT string_agg(id || ':' || role || version, ',' ORDER BY id) FROM membership) AS membership_versions,
      (SELECT string_agg(id || ':' || name || version, ',' ORDER BY id) FROM "group") AS groups,
      (SELECT count(*) FROM organization) AS organizations,
      (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM indicator) AS indicators,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM indicator_value) AS indicator_values,
      (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM import_batch) AS import_batches,
      (SELECT count(*) FROM audit_event) AS audit_events,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM action) AS actions,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM action_outcome) AS action_outcomes,
      (SELECT count(*) FROM action_update) AS action_updates,
      (SELECT count(*) FROM action_type) AS action_types,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM decision) AS decisions,
      (SELECT count(*) FROM app_user) AS users`);
  return row;
}

/** Imports a template for a collaboration, or (collaborationId null) as official statistics. */
async function uploadAs(username: string, csv: string, collaborationId: string | null) {
  const form = new FormData();
  form.set('source', 'template');
  form.set('dryRun', 'false');
  form.set('file', new Blob([csv]), 'matris-fixtur.csv');
  const route = collaborationId ? `/api/imports?collaborationId=${collaborationId}` : '/api/imports/official';
  const response = await fetch(`${apiUrl()}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
    body: form,
  });
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const report = lines.find((line) => line.type === 'report')?.report;
  if (!report?.batchId) throw new Error(`fixture import failed: ${JSON.stringify(lines)}`);
  return report.batchId as string;
}

const UNDO = 'mutation ($input: UndoImportInput!) { undoImport(input: $input) { status } }';

describe('authorization matrix', () => {
  const tokens = new Map<Identity, string | null>();
  const fixtures = {} as Fixtures;

  beforeAll(async () => {
    // Sign every caller in once first: a first sign-in creates the user (and its audit
    // event), which must not count as a write of the probes below.
    for (const identity of ALL_IDENTITIES) {
      const username = IDENTITIES[identity].username;
      const token = username ? await tokenFor(username) : null;
      tokens.set(identity, token);
      if (token) await gql('{ me { id } }', {}, { token });
    }
    // An official batch, imported and undone: undoing it again is refused after the
    // permission check, so the probes never change official figures.
    fixtures.undoneOfficialBatchId = await uploadAs(
      'analytiker',
      'indicator_code,area_code,period,value\naf.bas.tot.unemployed,1283,1998-01,5\n',
      null,
    );
    const undone = await gql(
      'mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { status } }',
      { input: { batchId: fixtures.undoneOfficialBatchId } },
      { token: await tokenFor('analytiker') },
    );
    expect(undone.errors).toBeUndefined();
    // Official values the similarity probe measures by (men 55–64: no other test writes them).
    fixtures.similarityBatchId = await uploadAs(
      'analytiker',
      'indicator_code,area_code,period,value\naf.bas.gamm.unemployed,1283,1998-01,40\naf.bas.gamm.unemployed,1282,1998-01,20\naf.bas.gamm.unemployed,1284,1998-01,30\n',
      null,
    );
    // Sandviken's own batch and audit events: no answer about Familjen Helsingborg may show them.
    fixtures.sandvikenBatchId = await uploadAs(
      'sandviken',
      'indicator_code,area_code,period,value\njobbspar.deltagare,2181,1998-01,1\n',
      SANDVIKEN_ID,
    );
  });

  afterAll(async () => {
    await gql(
      UNDO,
      { input: { collaborationId: SANDVIKEN_ID, batchId: fixtures.sandvikenBatchId } },
      { token: await tokenFor('sandviken') },
    );
    await gql(
      'mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { status } }',
      { input: { batchId: fixtures.similarityBatchId } },
      { token: await tokenFor('analytiker') },
    );
    await sql(`DELETE FROM import_batch WHERE id = ANY($1)`, [
      [fixtures.undoneOfficialBatchId, fixtures.sandvikenBatchId, fixtures.similarityBatchId],
    ]);
  });

  describe.each(MATRIX.map((row) => [rowKey(row), row] as const))('%s', (key, row) => {
    const writes = !key.startsWith('Query.');
    it.each(ALL_IDENTITIES.map((identity) => [identity, expectedOutcome(row.cells[identity])] as const))(
      'as %s: %s',
      async (identity, expected) => {
        const context: ProbeContext = { identity, token: tokens.get(identity) ?? null, fixtures };
        const before = writes ? await stateOfEverything() : null;
        const result = await PROBES[key]!(context);
        expect(result).toEqual({ outcome: expected, leaks: [] });
        if (writes) expect(await stateOfEverything()).toEqual(before);
      },
    );
  });

  it('has a row for every query and mutation of the schema, and nothing else', () => {
    const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));
    const operations = (['Query', 'Mutation', 'Subscription'] as const).flatMap((type) =>
      Object.keys((schema.getType(type) as GraphQLObjectType | undefined)?.getFields() ?? {}).map(
        (field) => `${type}.${field}`,
      ),
    );
    const inMatrix = new Set(
      MATRIX.map((row) => row.operation).filter((op) => /^(Query|Mutation|Subscription)\./.test(op)),
    );
    expect([...inMatrix].sort()).toEqual(operations.sort());
  });

  it('has a row for every HTTP route the API libraries declare', () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.controller.ts')) {
          const source = readFileSync(file, 'utf8');
          const base = /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
          for (const [, method, sub] of source.matchAll(/@(Get|Post|Put|Patch|Delete)\((?:'([^']*)')?\)/g))
            routes.push(`${method!.toUpperCase()} /${[base, sub].filter(Boolean).join('/')}`);
        }
      }
    };
    walk(path.join(root, 'libs/api'));
    const inMatrix = new Set(MATRIX.map((row) => row.operation).filter((op) => /^[A-Z]+ \//.test(op)));
    expect([...inMatrix].sort()).toEqual([...new Set(routes)].sort());
  });

  it('has a probe for every row', () => {
    expect(Object.keys(PROBES).sort()).toEqual(MATRIX.map(rowKey).sort());
  });

  it('is rendered to docs/security/authorization-matrix.md (UPDATE_MATRIX=1 rewrites it)', async () => {
    // Formatted as `npm run format` would, so formatting the docs never makes it stale.
    const markdown = await prettier.format(renderMatrix(), {
      ...(await prettier.resolveConfig(matrixFile)),
      parser: 'markdown',
    });
    if (process.env['UPDATE_MATRIX'] === '1') writeFileSync(matrixFile, markdown);
    expect(readFileSync(matrixFile, 'utf8')).toBe(markdown);
  });
});
