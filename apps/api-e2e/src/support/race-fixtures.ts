import { randomUUID } from 'node:crypto';
import { FAMILJEN_HELSINGBORG_MUNICIPALITIES } from '@kraftsamling/api/core/database';
import { apiUrl, errorCodes, sql, tokenFor, type GraphQLResponse } from './api';

/** Member municipalities of a race collaboration: ten of Familjen Helsingborg's. */
export const RACE_MUNICIPALITIES: string[] = FAMILJEN_HELSINGBORG_MUNICIPALITIES.slice(0, 10);

export interface RaceCollaboration {
  id: string;
  /** app_user ids of people made for this collaboration, none of them signed in. */
  users: string[];
  groups: string[];
  /** Local monthly count indicators: id and code. */
  indicators: { id: string; code: string }[];
}

const created: string[] = [];

/** Deletes every collaboration (and its people) this file created, so other tests see the demo tenants only. */
export async function removeRaceCollaborations(): Promise<void> {
  const slugs = created.splice(0);
  await sql(`DELETE FROM collaboration WHERE slug = ANY($1)`, [slugs]);
  await sql(`DELETE FROM app_user WHERE subject IS NULL AND split_part(email, '@', 1) ~ $1`, [
    `^(${slugs.join('|')})-[0-9]+$`,
  ]);
}

/**
 * A collaboration of its own for tests that hammer one tenant, written straight into the
 * database so the setup is quick and other tests' data stays untouched. Its people never
 * sign in: the tests act as the platform admin, who may act in every collaboration.
 */
export async function createRaceCollaboration(
  name: string,
  sizes: { users?: number; groups?: number; indicators?: number } = {},
): Promise<RaceCollaboration> {
  const slug = `${name}-${randomUUID().slice(0, 8)}`;
  const [{ id }] = (await sql<{ id: string }>(
    `INSERT INTO collaboration (slug, name) VALUES ($1, $2) RETURNING id`,
    [slug, `Test ${slug}`],
  )) as [{ id: string }];
  created.push(slug);
  await sql(
    `INSERT INTO organization (collaboration_id, kind, name, municipality_code)
     SELECT $1, 'MUNICIPALITY', m.name, m.code FROM municipality m WHERE m.code = ANY($2)`,
    [id, RACE_MUNICIPALITIES],
  );
  const users = (
    await sql<{ id: string }>(
      `INSERT INTO app_user (name, email)
       SELECT 'Testperson ' || n, $1 || '-' || n || '@kraftsamling.example' FROM generate_series(1, $2) n
       RETURNING id`,
      [slug, sizes.users ?? 0],
    )
  ).map((row) => row.id);
  const groups = (
    await sql<{ id: string }>(
      `INSERT INTO "group" (collaboration_id, kind, name)
       SELECT $1, 'OPERATIONAL', 'Grupp ' || n FROM generate_series(1, $2) n RETURNING id`,
      [id, sizes.groups ?? 0],
    )
  ).map((row) => row.id);
  const indicators = await sql<{ id: string; code: string }>(
    `INSERT INTO indicator (collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
     SELECT $1, 'test.' || n, 'local', 'Test ' || n, 'Test ' || n, 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED'
       FROM generate_series(1, $2) n RETURNING id, code`,
    [id, sizes.indicators ?? 0],
  );
  return { id, users, groups, indicators };
}

/** Gives people of the collaboration a role straight in the database; returns the membership ids. */
export async function grant(collaborationId: string, userIds: string[], role: string): Promise<string[]> {
  return (
    await sql<{ id: string }>(
      `INSERT INTO membership (collaboration_id, user_id, role) SELECT $1, unnest($2::uuid[]), $3 RETURNING id`,
      [collaborationId, userIds, role],
    )
  ).map((row) => row.id);
}

/** A template CSV (semicolon-separated) of local monthly values: every indicator × area × month. */
export function templateCsv(
  indicatorCodes: string[],
  areas: string[],
  months: number,
  value: (i: number) => number = (i) => i % 1000,
): Uint8Array {
  const lines = ['indicator_code;area_code;period;value'];
  let i = 0;
  for (const code of indicatorCodes)
    for (const area of areas)
      for (let m = 0; m < months; m++) {
        const period = `${1950 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        lines.push(`${code};${area};${period};${value(i++)}`);
      }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Starts a template upload (not a dry run) as the platform admin; the response streams NDJSON. */
export async function startUpload(
  collaborationId: string,
  bytes: Uint8Array,
  fileName: string,
  baseUrl = apiUrl(),
): Promise<Response> {
  const form = new FormData();
  form.set('source', 'template');
  form.set('dryRun', 'false');
  form.set('file', new Blob([Buffer.from(bytes)]), fileName);
  return fetch(`${baseUrl}/api/imports?collaborationId=${collaborationId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor('admin')}` },
    body: form,
  });
}

/** The NDJSON lines of an upload's answer. */
export async function uploadLines(response: Response): Promise<Record<string, any>[]> {
  const text = await response.text();
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

// Racing pairs of requests.

export const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId inserted changed } }`;
export const CHANGE_ROLE = `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role version } }`;
export const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`;
export const RENAME_GROUP = `mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id name version } }`;
export const UPDATE_INDICATOR = `mutation ($input: UpdateLocalIndicatorInput!) { updateLocalIndicator(input: $input) { id nameSv version } }`;

export const admin = () => tokenFor('admin');

/** Runs `task` for every item, at most `limit` at a time. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

/** Sends both requests at once, in random order, a random fraction of a millisecond apart. */
export async function race(first: () => Promise<GraphQLResponse>, second: () => Promise<GraphQLResponse>) {
  const swap = Math.random() < 0.5;
  const [a, b] = swap ? [second, first] : [first, second];
  const pa = a();
  if (Math.random() < 0.5) await new Promise((resolve) => setImmediate(resolve));
  const pb = b();
  const [ra, rb] = await Promise.all([pa, pb]);
  return swap ? [rb, ra] : [ra, rb];
}

/** Which of the two won; fails unless exactly one did and the other got CONFLICT. */
export function winnerOf(pair: GraphQLResponse[], where: string): 0 | 1 {
  const outcome = pair.map((response) => (response.errors ? errorCodes(response).join(',') : 'OK'));
  const winners = outcome.filter((o) => o === 'OK').length;
  if (winners !== 1 || !outcome.includes('CONFLICT')) {
    throw new Error(
      `${where}: expected one winner and one CONFLICT, got ${outcome.join(' and ')}: ${JSON.stringify(pair)}`,
    );
  }
  return outcome[0] === 'OK' ? 0 : 1;
}

export const month = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
