// Keycloak's protocol mappers, evaluated from the realm file: which claims a token
// carries is decided by the client scopes that apply to the client and by the mappers
// in them, exactly as Keycloak decides it, so nothing about token contents is
// configured twice.
import type { ClientScope, ProtocolMapper, Realm, RealmClient, RealmUser } from './realm';

export type TokenKind = 'access' | 'id' | 'userinfo';

const FLAG: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
};

export interface MapperContext {
  realm: Realm;
  user: RealmUser;
  client: RealmClient;
  scopes: ClientScope[];
  /** Seconds since the epoch of the login that started the session. */
  authTime?: number;
  acr: string;
}

export interface MappedClaims {
  claims: Record<string, unknown>;
  /** Audiences added by audience mappers, in mapper order, without duplicates. */
  audiences: string[];
}

/** Keycloak splits claim names on unescaped dots to build nested objects. */
function claimPath(name: string): string[] {
  return name.split(/(?<!\\)\./).map((part) => part.replace(/\\\./g, '.'));
}

function setClaim(target: Record<string, unknown>, name: string, value: unknown): void {
  const path = claimPath(name);
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const leaf = path[path.length - 1];
  const existing = node[leaf];
  // Multivalued claims written by several mappers are merged, as Keycloak does.
  node[leaf] =
    Array.isArray(existing) && Array.isArray(value) ? [...new Set([...existing, ...value])] : value;
}

function convert(raw: unknown, type: string | undefined): unknown {
  switch ((type ?? 'String').toLowerCase()) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : String(raw).toLowerCase() === 'true';
    case 'long':
    case 'int': {
      const number = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(number) ? Math.trunc(number) : undefined;
    }
    case 'json':
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

function emit(target: Record<string, unknown>, mapper: ProtocolMapper, values: unknown[]): void {
  const { config } = mapper;
  const claimName = config['claim.name'];
  if (!claimName) return;
  const converted = values
    .map((value) => convert(value, config['jsonType.label']))
    .filter((v) => v !== undefined);
  if (converted.length === 0) return;
  setClaim(target, claimName, config['multivalued'] === 'true' ? converted : converted[0]);
}

function userProperty(user: RealmUser, property: string): unknown[] {
  switch (property) {
    case 'id':
      return [user.id];
    case 'username':
      return [user.username];
    case 'email':
      return user.email ? [user.email] : [];
    case 'firstName':
      return user.firstName ? [user.firstName] : [];
    case 'lastName':
      return user.lastName ? [user.lastName] : [];
    case 'emailVerified':
      return [user.emailVerified];
    case 'enabled':
      return [user.enabled];
    default:
      return user.attributes[property] ?? [];
  }
}

function applyMapper(
  kind: TokenKind,
  mapper: ProtocolMapper,
  context: MapperContext,
  out: MappedClaims,
): void {
  const { config } = mapper;
  const { user, client } = context;
  if (config[FLAG[kind]] !== 'true') return;
  switch (mapper.protocolMapper) {
    case 'oidc-sub-mapper':
      out.claims['sub'] = user.id;
      return;
    case 'oidc-usersessionmodel-note-mapper': {
      const note = config['user.session.note'];
      if (note === 'AUTH_TIME' && context.authTime !== undefined)
        emit(out.claims, mapper, [context.authTime]);
      if (note === 'client_id') emit(out.claims, mapper, [client.clientId]);
      return;
    }
    case 'oidc-usermodel-attribute-mapper':
    case 'oidc-usermodel-property-mapper':
      emit(out.claims, mapper, userProperty(user, config['user.attribute'] ?? ''));
      return;
    case 'oidc-full-name-mapper': {
      const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
      if (name) out.claims['name'] = name;
      return;
    }
    case 'oidc-usermodel-realm-role-mapper': {
      const prefix = config['usermodel.realmRoleMapping.rolePrefix'] ?? '';
      const roles = context.realm.effectiveRoles(user).realm.map((role) => prefix + role);
      if (roles.length > 0) {
        emit(
          out.claims,
          { ...mapper, config: { ...config, 'claim.name': config['claim.name'] ?? 'realm_access.roles' } },
          roles,
        );
      }
      return;
    }
    case 'oidc-usermodel-client-role-mapper': {
      const only = config['usermodel.clientRoleMapping.clientId'];
      const prefix = config['usermodel.clientRoleMapping.rolePrefix'] ?? '';
      const template = config['claim.name'] ?? 'resource_access.${client_id}.roles';
      for (const [clientId, roles] of Object.entries(context.realm.effectiveRoles(user).client)) {
        if (only && only !== clientId) continue;
        const claimName = template.replace('${client_id}', clientId.replace(/\./g, '\\.'));
        emit(
          out.claims,
          { ...mapper, config: { ...config, 'claim.name': claimName } },
          roles.map((role) => prefix + role),
        );
      }
      return;
    }
    case 'oidc-audience-mapper': {
      const audience = config['included.custom.audience'] || config['included.client.audience'];
      if (audience && !out.audiences.includes(audience)) out.audiences.push(audience);
      return;
    }
    case 'oidc-audience-resolve-mapper':
      // Every other client the user holds roles in becomes an audience.
      for (const clientId of Object.keys(context.realm.effectiveRoles(user).client)) {
        if (clientId !== client.clientId && !out.audiences.includes(clientId)) out.audiences.push(clientId);
      }
      return;
    case 'oidc-allowed-origins-mapper':
      if (client.webOrigins.length > 0) out.claims['allowed-origins'] = [...client.webOrigins];
      return;
    case 'oidc-acr-mapper':
      out.claims['acr'] = context.acr;
      return;
    case 'oidc-hardcoded-claim-mapper':
      if (config['claim.value'] !== undefined) emit(out.claims, mapper, [config['claim.value']]);
      return;
    default:
      // Unsupported mapper types are reported once at start-up (see startDevIdp).
      return;
  }
}

/**
 * Evaluates the mappers of the applied client scopes (and the client's own mappers) for
 * one kind of token. The audience mappers only apply to access tokens here: the ID
 * token's audience is always the client, as oidc-provider issues it.
 */
export function mapClaims(kind: TokenKind, context: MapperContext): MappedClaims {
  const out: MappedClaims = { claims: {}, audiences: [] };
  const mappers = [...context.scopes.flatMap((scope) => scope.mappers), ...context.client.protocolMappers];
  for (const mapper of mappers) {
    const isAudience =
      mapper.protocolMapper === 'oidc-audience-mapper' ||
      mapper.protocolMapper === 'oidc-audience-resolve-mapper';
    if (isAudience && kind !== 'access') continue;
    applyMapper(kind, mapper, context, out);
  }
  return out;
}

/**
 * The `scope` claim as Keycloak writes it: `openid` when it was asked for, then every
 * applied client scope marked `include.in.token.scope`.
 */
export function tokenScope(requested: Iterable<string>, applied: ClientScope[]): string {
  const names = new Set<string>();
  if (new Set(requested).has('openid')) names.add('openid');
  for (const scope of applied) if (scope.includeInTokenScope) names.add(scope.name);
  return [...names].join(' ');
}

/** Every claim name an ID token or userinfo response can carry, for oidc-provider's claim filter. */
export function idTokenClaimNames(realm: Realm): string[] {
  const names = new Set<string>();
  const mappers = [
    ...[...realm.clientScopes.values()].flatMap((scope) => scope.mappers),
    ...realm.clients.flatMap((client) => client.protocolMappers),
  ];
  for (const mapper of mappers) {
    if (mapper.config[FLAG.id] !== 'true' && mapper.config[FLAG.userinfo] !== 'true') continue;
    if (mapper.protocolMapper === 'oidc-full-name-mapper') names.add('name');
    else if (mapper.protocolMapper === 'oidc-acr-mapper') names.add('acr');
    else if (mapper.protocolMapper === 'oidc-sub-mapper') names.add('sub');
    else if (mapper.protocolMapper === 'oidc-allowed-origins-mapper') names.add('allowed-origins');
    else if (mapper.config['claim.name']) names.add(claimPath(mapper.config['claim.name'])[0]);
  }
  return [...names];
}
