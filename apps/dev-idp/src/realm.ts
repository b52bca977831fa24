// Reads the Keycloak realm export (docker/keycloak/realm-kraftsamling.json), the single
// source of realm truth, into the small model the dev IdP needs. Only the parts of the
// representation that shape tokens and logins are read; everything else Keycloak
// understands (flows, themes, policies) is ignored here.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface ProtocolMapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}

export interface ClientScope {
  name: string;
  /** Keycloak's `include.in.token.scope`, which defaults to true. */
  includeInTokenScope: boolean;
  mappers: ProtocolMapper[];
}

export interface RealmClient {
  clientId: string;
  enabled: boolean;
  publicClient: boolean;
  bearerOnly: boolean;
  secret?: string;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  useRefreshTokens: boolean;
  redirectUris: string[];
  /** Resolved: `+` became the origins of the redirect URIs; `*` is kept as is. */
  webOrigins: string[];
  /** Resolved: `+` became the redirect URIs. */
  postLogoutRedirectUris: string[];
  pkceMethod?: string;
  fullScopeAllowed: boolean;
  defaultClientScopes: string[];
  optionalClientScopes: string[];
  /** The client's own ("dedicated") mappers, applied whatever the scope. */
  protocolMappers: ProtocolMapper[];
}

export interface RealmUser {
  id: string;
  username: string;
  enabled: boolean;
  emailVerified: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes: Record<string, string[]>;
  /** The plain-text password of the import format (`credentials[].value`), if any. */
  password?: string;
  temporaryPassword: boolean;
  requiredActions: string[];
  realmRoles: string[];
  clientRoles: Record<string, string[]>;
}

/** The realm representation's brute-force fields, with Keycloak's defaults. */
export interface BruteForceSettings {
  /** `bruteForceProtected` */
  enabled: boolean;
  /** Failures before a lockout. */
  failureFactor: number;
  /** Each lockout lasts this much more than the previous one… */
  waitIncrementSeconds: number;
  /** …up to this. */
  maxFailureWaitSeconds: number;
  /** Failures further apart than this start the count again. */
  maxDeltaTimeSeconds: number;
  /** Two failures closer than this are a script, not a person… */
  quickLoginCheckMilliSeconds: number;
  /** …and lock the account for this long. */
  minimumQuickLoginWaitSeconds: number;
  /** Lock until an administrator unlocks (here: until the dev IdP restarts). */
  permanentLockout: boolean;
}

export const KEYCLOAK_BRUTE_FORCE_DEFAULTS: BruteForceSettings = {
  enabled: false,
  failureFactor: 30,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  maxDeltaTimeSeconds: 43_200,
  quickLoginCheckMilliSeconds: 1000,
  minimumQuickLoginWaitSeconds: 60,
  permanentLockout: false,
};

export interface EffectiveRoles {
  realm: string[];
  /** clientId → role names */
  client: Record<string, string[]>;
}

export interface Realm {
  name: string;
  displayName: string;
  enabled: boolean;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  accessCodeLifespan: number;
  accessCodeLifespanLogin: number;
  supportedLocales: string[];
  defaultLocale: string;
  clients: RealmClient[];
  clientScopes: Map<string, ClientScope>;
  users: RealmUser[];
  /** Mapper types the dev IdP does not implement; their claims are left out. */
  unsupportedMapperTypes: string[];
  bruteForce: BruteForceSettings;
  client(clientId: string): RealmClient | undefined;
  userById(id: string): RealmUser | undefined;
  userByUsername(username: string): RealmUser | undefined;
  effectiveRoles(user: RealmUser): EffectiveRoles;
  /** The client scopes that apply: the client's defaults, plus requested optional ones. */
  appliedScopes(client: RealmClient, requested: Iterable<string>): ClientScope[];
  /** Every scope a client may ask for: `openid`, its default and its optional scopes. */
  allowedScopeNames(client: RealmClient): string[];
  isKnownWebOrigin(origin: string): boolean;
}

export class RealmFileError extends Error {
  constructor(file: string, detail: string) {
    super(`realm file ${file}: ${detail}`);
    this.name = 'RealmFileError';
  }
}

export const SUPPORTED_MAPPER_TYPES = new Set([
  'oidc-sub-mapper',
  'oidc-usersessionmodel-note-mapper',
  'oidc-usermodel-attribute-mapper',
  'oidc-usermodel-property-mapper',
  'oidc-full-name-mapper',
  'oidc-usermodel-realm-role-mapper',
  'oidc-usermodel-client-role-mapper',
  'oidc-audience-mapper',
  'oidc-audience-resolve-mapper',
  'oidc-allowed-origins-mapper',
  'oidc-acr-mapper',
  'oidc-hardcoded-claim-mapper',
]);

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields from one JSON object and names the exact path when one is wrong. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly path: string,
    readonly value: JsonObject,
  ) {}

  private fail(key: string, expected: string): never {
    throw new RealmFileError(this.file, `${this.path}.${key} must be ${expected}`);
  }

  string(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string' || value.length === 0) this.fail(key, 'a non-empty string');
    return value;
  }

  optionalString(key: string): string | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(key, 'a string');
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') this.fail(key, 'true or false');
    return value;
  }

  number(key: string, fallback: number): number {
    const value = this.value[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
      this.fail(key, 'a positive integer');
    return value;
  }

  strings(key: string): string[] | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
      this.fail(key, 'an array of strings');
    return value as string[];
  }

  stringMap(key: string): Record<string, string> {
    const value = this.value[key];
    if (value === undefined || value === null) return {};
    if (!isObject(value) || Object.values(value).some((item) => typeof item !== 'string')) {
      this.fail(key, 'an object of strings');
    }
    return value as Record<string, string>;
  }

  stringListMap(key: string): Record<string, string[]> {
    const value = this.value[key];
    if (value === undefined || value === null) return {};
    const valid =
      isObject(value) &&
      Object.values(value).every(
        (list) => Array.isArray(list) && list.every((item) => typeof item === 'string'),
      );
    if (!valid) this.fail(key, 'an object of string arrays');
    return value as Record<string, string[]>;
  }

  objects(key: string): Reader[] {
    const value = this.value[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(key, 'an array');
    return value.map((item, index) => {
      if (!isObject(item))
        throw new RealmFileError(this.file, `${this.path}.${key}[${index}] must be an object`);
      return new Reader(this.file, `${this.path}.${key}[${index}]`, item);
    });
  }

  object(key: string): Reader | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) this.fail(key, 'an object');
    return new Reader(this.file, `${this.path}.${key}`, value);
  }
}

function readMappers(reader: Reader, key: string): ProtocolMapper[] {
  return reader
    .objects(key)
    .filter((mapper) => (mapper.optionalString('protocol') ?? 'openid-connect') === 'openid-connect')
    .map((mapper) => ({
      name: mapper.string('name'),
      protocolMapper: mapper.string('protocolMapper'),
      config: mapper.stringMap('config'),
    }));
}

function originOf(uri: string): string | undefined {
  try {
    const { origin } = new URL(uri);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

interface RoleDefinition {
  realm: string[];
  client: Record<string, string[]>;
}

const roleKey = (clientId: string | undefined, name: string) =>
  clientId ? `client:${clientId}:${name}` : `realm:${name}`;

export function parseRealm(json: Json, file = '<realm>'): Realm {
  if (!isObject(json)) throw new RealmFileError(file, 'the file must hold one realm object');
  const root = new Reader(file, 'realm', json);
  const name = root.string('realm');

  const clientScopes = new Map<string, ClientScope>();
  for (const scope of root.objects('clientScopes')) {
    if ((scope.optionalString('protocol') ?? 'openid-connect') !== 'openid-connect') continue;
    const scopeName = scope.string('name');
    const attributes = scope.stringMap('attributes');
    clientScopes.set(scopeName, {
      name: scopeName,
      includeInTokenScope: attributes['include.in.token.scope'] !== 'false',
      mappers: readMappers(scope, 'protocolMappers'),
    });
  }

  const realmDefaultScopes = root.strings('defaultDefaultClientScopes') ?? [];
  const realmOptionalScopes = root.strings('defaultOptionalClientScopes') ?? [];
  for (const scopeName of [...realmDefaultScopes, ...realmOptionalScopes]) {
    if (!clientScopes.has(scopeName)) {
      throw new RealmFileError(
        file,
        `client scope "${scopeName}" is referenced but not defined in clientScopes`,
      );
    }
  }

  const clients: RealmClient[] = [];
  for (const client of root.objects('clients')) {
    if ((client.optionalString('protocol') ?? 'openid-connect') !== 'openid-connect') continue;
    const clientId = client.string('clientId');
    if (clients.some((existing) => existing.clientId === clientId)) {
      throw new RealmFileError(file, `client "${clientId}" is defined twice`);
    }
    const attributes = client.stringMap('attributes');
    const redirectUris = client.strings('redirectUris') ?? [];
    for (const uri of redirectUris) {
      if (!originOf(uri.replace(/\*$/, ''))) {
        throw new RealmFileError(
          file,
          `client "${clientId}" has a redirect URI that is not an absolute URL: ${uri}`,
        );
      }
    }
    const webOrigins = (client.strings('webOrigins') ?? []).flatMap((origin) =>
      origin === '+'
        ? redirectUris.map((uri) => originOf(uri.replace(/\*$/, ''))).filter((o): o is string => !!o)
        : [origin],
    );
    const postLogout = attributes['post.logout.redirect.uris'] ?? '+';
    const postLogoutRedirectUris = postLogout
      .split('##')
      .filter((entry) => entry !== '' && entry !== '-')
      .flatMap((entry) => (entry === '+' ? redirectUris : [entry]));
    const defaultClientScopes = client.strings('defaultClientScopes') ?? realmDefaultScopes;
    const optionalClientScopes = client.strings('optionalClientScopes') ?? realmOptionalScopes;
    for (const scopeName of [...defaultClientScopes, ...optionalClientScopes]) {
      if (!clientScopes.has(scopeName)) {
        throw new RealmFileError(
          file,
          `client "${clientId}" references client scope "${scopeName}", which is not defined`,
        );
      }
    }
    clients.push({
      clientId,
      enabled: client.boolean('enabled', true),
      publicClient: client.boolean('publicClient', false),
      bearerOnly: client.boolean('bearerOnly', false),
      secret: client.optionalString('secret'),
      standardFlowEnabled: client.boolean('standardFlowEnabled', true),
      directAccessGrantsEnabled: client.boolean('directAccessGrantsEnabled', false),
      useRefreshTokens: attributes['use.refresh.tokens'] !== 'false',
      redirectUris,
      webOrigins: [...new Set(webOrigins)],
      postLogoutRedirectUris: [...new Set(postLogoutRedirectUris)],
      pkceMethod: attributes['pkce.code.challenge.method'] || undefined,
      fullScopeAllowed: client.boolean('fullScopeAllowed', true),
      defaultClientScopes,
      optionalClientScopes,
      protocolMappers: readMappers(client, 'protocolMappers'),
    });
  }

  // Role graph: each role points at its composites, so a user's effective roles are
  // everything reachable from the roles granted to them (Keycloak's semantics).
  const composites = new Map<string, RoleDefinition>();
  const roles = root.object('roles');
  for (const role of roles?.objects('realm') ?? []) {
    const composite = role.object('composites');
    composites.set(roleKey(undefined, role.string('name')), {
      realm: composite?.strings('realm') ?? [],
      client: composite?.stringListMap('client') ?? {},
    });
  }
  const clientRoleDefinitions = roles?.object('client');
  for (const clientId of Object.keys(clientRoleDefinitions?.value ?? {})) {
    for (const role of clientRoleDefinitions?.objects(clientId) ?? []) {
      const composite = role.object('composites');
      composites.set(roleKey(clientId, role.string('name')), {
        realm: composite?.strings('realm') ?? [],
        client: composite?.stringListMap('client') ?? {},
      });
    }
  }

  const users: RealmUser[] = root.objects('users').map((user) => {
    const credentials = user
      .objects('credentials')
      .filter((c) => (c.optionalString('type') ?? 'password') === 'password');
    const plain = credentials.find((c) => c.optionalString('value') !== undefined);
    return {
      id: user.string('id'),
      username: user.string('username').toLowerCase(),
      enabled: user.boolean('enabled', false),
      emailVerified: user.boolean('emailVerified', false),
      firstName: user.optionalString('firstName'),
      lastName: user.optionalString('lastName'),
      email: user.optionalString('email'),
      attributes: user.stringListMap('attributes'),
      password: plain?.optionalString('value'),
      temporaryPassword: plain?.boolean('temporary', false) ?? false,
      requiredActions: user.strings('requiredActions') ?? [],
      realmRoles: user.strings('realmRoles') ?? [],
      clientRoles: user.stringListMap('clientRoles'),
    };
  });
  for (const [index, user] of users.entries()) {
    const duplicate = users.findIndex((other) => other.id === user.id || other.username === user.username);
    if (duplicate !== index) {
      throw new RealmFileError(
        file,
        `users[${index}] (${user.username}) repeats the id or username of users[${duplicate}]`,
      );
    }
  }

  const allMappers = [...clientScopes.values()].flatMap((scope) => scope.mappers);
  allMappers.push(...clients.flatMap((client) => client.protocolMappers));
  const unsupportedMapperTypes = [
    ...new Set(allMappers.map((m) => m.protocolMapper).filter((type) => !SUPPORTED_MAPPER_TYPES.has(type))),
  ];

  const knownOrigins = new Set(clients.flatMap((client) => client.webOrigins).filter((o) => o !== '*'));
  const supportedLocales = root.strings('supportedLocales') ?? [];

  return {
    name,
    displayName: root.optionalString('displayName') || name,
    enabled: root.boolean('enabled', true),
    accessTokenLifespan: root.number('accessTokenLifespan', 300),
    ssoSessionIdleTimeout: root.number('ssoSessionIdleTimeout', 1800),
    ssoSessionMaxLifespan: root.number('ssoSessionMaxLifespan', 36000),
    accessCodeLifespan: root.number('accessCodeLifespan', 60),
    accessCodeLifespanLogin: root.number('accessCodeLifespanLogin', 1800),
    supportedLocales: root.boolean('internationalizationEnabled', false) ? supportedLocales : [],
    defaultLocale: root.optionalString('defaultLocale') ?? 'en',
    clients,
    clientScopes,
    users,
    unsupportedMapperTypes,
    bruteForce: {
      enabled: root.boolean('bruteForceProtected', KEYCLOAK_BRUTE_FORCE_DEFAULTS.enabled),
      failureFactor: root.number('failureFactor', KEYCLOAK_BRUTE_FORCE_DEFAULTS.failureFactor),
      waitIncrementSeconds: root.number(
        'waitIncrementSeconds',
        KEYCLOAK_BRUTE_FORCE_DEFAULTS.waitIncrementSeconds,
      ),
      maxFailureWaitSeconds: root.number(
        'maxFailureWaitSeconds',
        KEYCLOAK_BRUTE_FORCE_DEFAULTS.maxFailureWaitSeconds,
      ),
      maxDeltaTimeSeconds: root.number(
        'maxDeltaTimeSeconds',
        KEYCLOAK_BRUTE_FORCE_DEFAULTS.maxDeltaTimeSeconds,
      ),
      quickLoginCheckMilliSeconds: root.number(
        'quickLoginCheckMilliSeconds',
        KEYCLOAK_BRUTE_FORCE_DEFAULTS.quickLoginCheckMilliSeconds,
      ),
      minimumQuickLoginWaitSeconds: root.number(
        'minimumQuickLoginWaitSeconds',
        KEYCLOAK_BRUTE_FORCE_DEFAULTS.minimumQuickLoginWaitSeconds,
      ),
      permanentLockout: root.boolean('permanentLockout', KEYCLOAK_BRUTE_FORCE_DEFAULTS.permanentLockout),
    },
    client: (clientId) => clients.find((client) => client.clientId === clientId),
    userById: (id) => users.find((user) => user.id === id),
    // Keycloak stores usernames in lower case and matches them case-insensitively.
    userByUsername: (username) => users.find((user) => user.username === username.trim().toLowerCase()),
    effectiveRoles(user) {
      const seen = new Set<string>();
      const pending = [
        ...user.realmRoles.map((role) => roleKey(undefined, role)),
        ...Object.entries(user.clientRoles).flatMap(([clientId, names]) =>
          names.map((n) => roleKey(clientId, n)),
        ),
      ];
      while (pending.length > 0) {
        const key = pending.pop() as string;
        if (seen.has(key)) continue;
        seen.add(key);
        const definition = composites.get(key);
        if (!definition) continue;
        pending.push(...definition.realm.map((role) => roleKey(undefined, role)));
        for (const [clientId, names] of Object.entries(definition.client)) {
          pending.push(...names.map((n) => roleKey(clientId, n)));
        }
      }
      const result: EffectiveRoles = { realm: [], client: {} };
      for (const key of seen) {
        if (key.startsWith('realm:')) {
          result.realm.push(key.slice('realm:'.length));
        } else {
          const rest = key.slice('client:'.length);
          const separator = rest.lastIndexOf(':');
          const clientId = rest.slice(0, separator);
          (result.client[clientId] ??= []).push(rest.slice(separator + 1));
        }
      }
      return result;
    },
    appliedScopes(client, requested) {
      const wanted = new Set(requested);
      const names = [
        ...client.defaultClientScopes,
        ...client.optionalClientScopes.filter((scopeName) => wanted.has(scopeName)),
      ];
      return [...new Set(names)].map((scopeName) => clientScopes.get(scopeName) as ClientScope);
    },
    allowedScopeNames: (client) => [
      ...new Set(['openid', ...client.defaultClientScopes, ...client.optionalClientScopes]),
    ],
    isKnownWebOrigin: (origin) => knownOrigins.has(origin),
  };
}

export async function loadRealm(file: string): Promise<Realm> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RealmFileError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RealmFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  return parseRealm(json, file);
}

/**
 * Compares a password in constant time (both sides are hashed first, so neither the
 * length nor the content leaks through timing). Users without a plain-text credential
 * in the realm file cannot log in to the dev IdP.
 */
export function checkPassword(user: RealmUser | undefined, candidate: string): boolean {
  const expected = createHash('sha256')
    .update(user?.password ?? '\u0000no password\u0000')
    .digest();
  const actual = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(expected, actual) && user?.password !== undefined;
}
