import path from 'node:path';

/** Everything the API reads from its environment, validated once at start-up. */
export interface ApiConfig {
  host: string;
  port: number;
  /** the API role's connection (row-level security applies to it) */
  databaseUrl: string;
  /** DATABASE_ALLOW_PRIVILEGED_ROLE: serve even as a role that bypasses row-level security */
  allowPrivilegedDatabaseRole: boolean;
  oidc: {
    issuerUrl: string;
    /** Where to fetch the signing keys; by default the issuer's own certs endpoint. */
    jwksUrl: string | undefined;
    audience: string;
    webClientId: string;
    /** Keycloak's base URL and realm, as keycloak-js wants them, derived from the issuer. */
    baseUrl: string;
    realm: string;
  };
  webDistDir: string;
  corsOrigins: string[];
  logFormat: 'text' | 'json';
  logSql: boolean;
  /** Who may introspect the GraphQL schema: signed-in users (development) or nobody (production). */
  graphqlIntrospection: 'signed-in' | 'off';
  /** Requests to /graphql and /api/imports per window; 0 turns a limit off. */
  rateLimits: RateLimitSettings;
  /** Express's `trust proxy`: how to find the client's address behind a reverse proxy. */
  trustProxy: boolean | number | string;
  /** The daily fetch of every catalogued source (on by default in production only). */
  sourceFetch: { enabled: boolean; cron: string };
  /** REDIS_URL: live events (subscriptions) through Redis pub/sub, shared by every instance; null: in-process. */
  redisUrl: string | null;
}

export interface RateLimitSettings {
  windowSeconds: number;
  /** Per signed-in user (keyed by the verified token's subject), GraphQL and uploads together. */
  perUser: number;
  /** Per client address, for requests without a valid access token. */
  perAddress: number;
  /** Uploads per signed-in user (each also counts toward perUser). */
  uploadsPerUser: number;
}

/** Generous enough for the web app, the test suites and a soak test from one machine. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  windowSeconds: 60,
  perUser: 2400,
  perAddress: 600,
  uploadsPerUser: 60,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Reads one database URL: DATABASE_URL (the API role, for `serve`) or, for migrations,
 * seeds and the operator's commands, DATABASE_OWNER_URL (the tables' owner), which falls
 * back to DATABASE_URL when unset.
 */
export function readDatabaseUrl(
  env: Env,
  problems: string[] = [],
  variable: 'DATABASE_URL' | 'DATABASE_OWNER_URL' = 'DATABASE_URL',
): string {
  const name =
    variable === 'DATABASE_OWNER_URL' && !env['DATABASE_OWNER_URL']?.trim() ? 'DATABASE_URL' : variable;
  const value = env[name]?.trim();
  if (!value) {
    problems.push(
      `${name} is missing: set it to a PostgreSQL URL, e.g. postgresql://user:password@localhost:5432/kraftsamling`,
    );
    return '';
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('protocol');
    if (!url.hostname || url.pathname.length < 2) throw new Error('host/database');
  } catch {
    problems.push(`${name} is malformed: expected postgresql://user:password@host:port/database`);
  }
  return value;
}

export function loadConfig(env: Env, defaultWebDistDir: string): ApiConfig {
  const problems: string[] = [];
  const databaseUrl = readDatabaseUrl(env, problems);

  const portText = env['PORT']?.trim() || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    problems.push(`PORT is malformed: "${portText}" is not a TCP port (1–65535)`);

  const issuerText = env['OIDC_ISSUER_URL']?.trim();
  let baseUrl = '';
  let realm = '';
  if (!issuerText) {
    problems.push(
      'OIDC_ISSUER_URL is missing: set it to the identity provider’s issuer, e.g. http://localhost:8080/realms/kraftsamling',
    );
  } else {
    const issuer = httpUrl(issuerText);
    const match = issuer?.pathname.match(/^(.*)\/realms\/([^/]+)$/);
    if (!issuer || !match) {
      problems.push(
        `OIDC_ISSUER_URL is malformed: "${issuerText}" is not a Keycloak issuer URL (http(s)://host/realms/<realm>)`,
      );
    } else {
      baseUrl = `${issuer.origin}${match[1]}`;
      realm = decodeURIComponent(match[2]!);
    }
  }

  const corsOrigins = (env['CORS_ORIGINS'] ?? 'http://localhost:4200')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!httpUrl(origin)) problems.push(`CORS_ORIGINS is malformed: "${origin}" is not an http(s) origin`);
  }

  const jwksUrl = env['OIDC_JWKS_URL']?.trim() || undefined;
  if (jwksUrl && !httpUrl(jwksUrl))
    problems.push(`OIDC_JWKS_URL is malformed: "${jwksUrl}" is not an http(s) URL`);

  const logFormat = (env['LOG_FORMAT'] ?? 'text').trim();
  if (logFormat !== 'text' && logFormat !== 'json')
    problems.push(`LOG_FORMAT is malformed: "${logFormat}" (use text or json)`);

  const production = env['NODE_ENV']?.trim() === 'production';
  const introspection = (env['GRAPHQL_INTROSPECTION'] ?? (production ? 'off' : 'signed-in')).trim();
  if (introspection !== 'signed-in' && introspection !== 'off')
    problems.push(`GRAPHQL_INTROSPECTION is malformed: "${introspection}" (use signed-in or off)`);

  const count = (name: string, fallback: number, min = 0) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min) {
      problems.push(
        `${name} is malformed: "${text}" is not a whole number${min ? ` ≥ ${min}` : ' (0 turns the limit off)'}`,
      );
      return fallback;
    }
    return Number(text);
  };
  const rateLimits: RateLimitSettings = {
    windowSeconds: count('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds, 1),
    perUser: count('RATE_LIMIT_PER_USER', DEFAULT_RATE_LIMITS.perUser),
    perAddress: count('RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress),
    uploadsPerUser: count('RATE_LIMIT_UPLOADS_PER_USER', DEFAULT_RATE_LIMITS.uploadsPerUser),
  };

  const trustProxyText = env['TRUST_PROXY']?.trim() || 'false';
  const trustProxy =
    trustProxyText === 'true'
      ? true
      : trustProxyText === 'false'
        ? false
        : /^\d+$/.test(trustProxyText)
          ? Number(trustProxyText)
          : trustProxyText;

  const scheduleText = (env['SOURCE_FETCH_SCHEDULE'] ?? (production ? 'on' : 'off')).trim();
  if (scheduleText !== 'on' && scheduleText !== 'off')
    problems.push(`SOURCE_FETCH_SCHEDULE is malformed: "${scheduleText}" (use on or off)`);
  const cron = env['SOURCE_FETCH_CRON']?.trim() || DEFAULT_SOURCE_FETCH_CRON;
  // Six fields (seconds first), as the cron package reads them.
  if (cron.split(/\s+/).length !== 6)
    problems.push(
      `SOURCE_FETCH_CRON is malformed: "${cron}" (six fields, seconds first, e.g. "${DEFAULT_SOURCE_FETCH_CRON}")`,
    );

  const redisUrl = env['REDIS_URL']?.trim() || null;
  if (redisUrl) {
    let protocol = '';
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:')
      problems.push(
        `REDIS_URL is malformed: "${redisUrl}" is not a Redis URL (redis://[user:password@]host:port[/db], or rediss:// for TLS)`,
      );
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    host: env['HOST']?.trim() || '127.0.0.1',
    port,
    databaseUrl,
    allowPrivilegedDatabaseRole: env['DATABASE_ALLOW_PRIVILEGED_ROLE'] === 'true',
    oidc: {
      issuerUrl: issuerText!.replace(/\/$/, ''),
      jwksUrl,
      audience: env['OIDC_AUDIENCE']?.trim() || 'kraftsamling-api',
      webClientId: env['OIDC_WEB_CLIENT_ID']?.trim() || 'kraftsamling-web',
      baseUrl,
      realm,
    },
    webDistDir: path.resolve(env['WEB_DIST_DIR']?.trim() || defaultWebDistDir),
    corsOrigins,
    logFormat: logFormat as 'text' | 'json',
    logSql: env['LOG_SQL'] === 'true',
    graphqlIntrospection: introspection as 'signed-in' | 'off',
    rateLimits,
    trustProxy,
    sourceFetch: { enabled: scheduleText === 'on', cron },
    redisUrl,
  };
}

/** 05:30 every day, Swedish time: after the sources' overnight publications. */
export const DEFAULT_SOURCE_FETCH_CRON = '0 30 5 * * *';
