import { SignJWT, decodeJwt, importJWK } from 'jose';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const apiUrl = () => process.env['E2E_API_URL']!;
export const issuerUrl = () => process.env['E2E_ISSUER_URL']!;

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: { field: string; message: string }[] };
  }[];
}

/** A GraphQL request as the web app sends it. */
export async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; authorization?: string } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authorization) headers['authorization'] = options.authorization;
  else if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The codes of the errors of a response, in order. */
export const errorCodes = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => error.extensions?.code);

/** The password grant of the dev realm's `kraftsamling-cli` client (dev realm only). */
export async function passwordGrant(username: string, password = 'demo'): Promise<Response> {
  const ask = () =>
    fetch(`${issuerUrl()}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'kraftsamling-cli',
        username,
        password,
        scope: 'openid',
      }),
    });
  // A kept-alive connection the identity provider closed just as it was reused fails before
  // any answer ("other side closed"): the request never arrived, so it is sent once more.
  return ask().catch((error: Error & { cause?: { code?: string; message?: string } }) => {
    if (
      error.message === 'fetch failed' &&
      /other side closed|ECONNRESET/.test(String(error.cause?.message ?? error.cause?.code))
    )
      return ask();
    throw error;
  });
}

const tokens = new Map<string, string>();

/** A real access token for a demo user, from the identity provider's token endpoint. */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const response = await passwordGrant(username);
  if (!response.ok)
    throw new Error(`password grant for ${username} failed: ${response.status} ${await response.text()}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  tokens.set(username, token);
  return token;
}

/** The identity provider's private signing key, to forge tokens that differ in one way only. */
export function idpSigningKey(): Record<string, string> {
  const file = path.join(process.env['E2E_IDP_DATA_DIR']!, 'signing-keys.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { keys: Record<string, string>[] }).keys[0]!;
}

/** A token like the IdP's for `username`, signed with its real key, with `overrides` applied. */
export async function forgeToken(
  overrides: Record<string, unknown>,
  header: Record<string, unknown> = {},
  username = 'samordnare',
): Promise<string> {
  const jwk = idpSigningKey();
  const key = await importJWK(jwk, 'RS256');
  const real = decodeJwt(await tokenFor(username));
  return new SignJWT({ ...real, ...overrides })
    .setProtectedHeader({ alg: 'RS256', kid: jwk['kid'], typ: 'JWT', ...header })
    .sign(key);
}

/**
 * The connections of `sql` (two at most, per test file: Jest loads this module once per
 * file). A connection per query cost 24 ms (PostgreSQL starts a process for each), several
 * hundred times a run; an idle one closes after a second and keeps no process alive.
 */
let sqlPool: pg.Pool | undefined;

/** Direct SQL on the test database, to check what a request did or did not write. */
export async function sql<T = Record<string, any>>(query: string, params: unknown[] = []): Promise<T[]> {
  sqlPool ??= new pg.Pool({
    connectionString: process.env['E2E_DATABASE_URL'],
    max: 2,
    idleTimeoutMillis: 1_000,
    allowExitOnIdle: true,
  });
  return (await sqlPool.query(query, params)).rows as T[];
}

/**
 * An official import (`/api/imports/official`) written for real, as `username`: the
 * report line of its NDJSON answer.
 */
export async function importOfficial(
  username: string,
  source: string,
  file: { name: string; content: string | Uint8Array },
): Promise<Record<string, any> | undefined> {
  const form = new FormData();
  form.set('source', source);
  form.set('dryRun', 'false');
  form.set(
    'file',
    new Blob([typeof file.content === 'string' ? file.content : Buffer.from(file.content)]),
    file.name,
  );
  const response = await fetch(`${apiUrl()}/api/imports/official`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
    body: form,
  });
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((line) => line.type === 'report')?.report;
}

/** A goal created and activated by `token` (its baselines frozen): its id. */
export async function createActiveGoal(token: string, input: Record<string, unknown>): Promise<string> {
  const created = await gql(
    `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id version } }`,
    { input },
    { token },
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data!['createGoal'];
  const activated = await gql(
    `mutation ($input: GoalVersionInput!) { activateGoal(input: $input) { status } }`,
    { input: { collaborationId: input['collaborationId'], goalId: id, expectedVersion: version } },
    { token },
  );
  expect(activated.errors).toBeUndefined();
  return id;
}

export const FH = 'familjen-helsingborg';
export const FH_ID = '10000000-0000-4000-8000-000000000001';
export const SANDVIKEN_ID = '10000000-0000-4000-8000-000000000002';
