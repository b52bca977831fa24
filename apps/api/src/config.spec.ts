import { ConfigError, DEFAULT_RATE_LIMITS, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgresql://app:secret@localhost:5432/kraftsamling',
  OIDC_ISSUER_URL: 'http://localhost:8080/realms/kraftsamling',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env, '/srv/web');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('API configuration', () => {
  it('derives Keycloak’s base URL and realm from the issuer and applies defaults', () => {
    const config = loadConfig(valid, '/srv/web');
    expect(config.oidc).toEqual({
      issuerUrl: 'http://localhost:8080/realms/kraftsamling',
      jwksUrl: undefined,
      audience: 'kraftsamling-api',
      webClientId: 'kraftsamling-web',
      baseUrl: 'http://localhost:8080',
      realm: 'kraftsamling',
    });
    expect(config.port).toBe(3000);
    expect(config.webDistDir).toBe('/srv/web');
  });

  it('names every missing setting', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL is missing/);
    expect(problems[1]).toMatch(/^OIDC_ISSUER_URL is missing/);
  });

  it('names every malformed setting', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://localhost/db',
      OIDC_ISSUER_URL: 'http://localhost:8080/auth',
      PORT: '70000',
      LOG_FORMAT: 'xml',
      CORS_ORIGINS: 'not a url',
    });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'DATABASE_URL',
      'PORT',
      'OIDC_ISSUER_URL',
      'CORS_ORIGINS',
      'LOG_FORMAT',
    ]);
    expect(problems.every((problem) => problem.includes('malformed'))).toBe(true);
  });

  it('limits rates generously by default, and reads each limit, the window and the proxy setting', () => {
    expect(loadConfig(valid, '/srv/web')).toMatchObject({
      rateLimits: DEFAULT_RATE_LIMITS,
      trustProxy: false,
      graphqlIntrospection: 'signed-in',
    });
    const config = loadConfig(
      {
        ...valid,
        RATE_LIMIT_WINDOW_SECONDS: '10',
        RATE_LIMIT_PER_USER: '0',
        RATE_LIMIT_PER_ADDRESS: '7',
        RATE_LIMIT_UPLOADS_PER_USER: '3',
        TRUST_PROXY: '1',
      },
      '/srv/web',
    );
    expect(config.rateLimits).toEqual({ windowSeconds: 10, perUser: 0, perAddress: 7, uploadsPerUser: 3 });
    expect(config.trustProxy).toBe(1);
  });

  it('turns introspection off in production unless told otherwise', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }, '/srv/web').graphqlIntrospection).toBe('off');
    expect(
      loadConfig({ ...valid, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'signed-in' }, '/srv/web')
        .graphqlIntrospection,
    ).toBe('signed-in');
  });

  it('names malformed limits', () => {
    const problems = problemsOf({
      ...valid,
      RATE_LIMIT_WINDOW_SECONDS: '0',
      RATE_LIMIT_PER_USER: 'many',
      RATE_LIMIT_UPLOADS_PER_USER: '-1',
      GRAPHQL_INTROSPECTION: 'everyone',
    });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'GRAPHQL_INTROSPECTION',
      'RATE_LIMIT_WINDOW_SECONDS',
      'RATE_LIMIT_PER_USER',
      'RATE_LIMIT_UPLOADS_PER_USER',
    ]);
    expect(problems.every((problem) => problem.includes('malformed'))).toBe(true);
  });
  it('fetches the sources on a schedule only in production unless told, and reads the time', () => {
    expect(loadConfig(valid, '/srv/web').sourceFetch).toEqual({ enabled: false, cron: '0 30 5 * * *' });
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }, '/srv/web').sourceFetch.enabled).toBe(true);
    expect(
      loadConfig({ ...valid, SOURCE_FETCH_SCHEDULE: 'on', SOURCE_FETCH_CRON: '0 0 6 * * 1-5' }, '/srv/web')
        .sourceFetch,
    ).toEqual({ enabled: true, cron: '0 0 6 * * 1-5' });
    expect(problemsOf({ ...valid, SOURCE_FETCH_SCHEDULE: 'daily', SOURCE_FETCH_CRON: '0 6 * * *' })).toEqual([
      'SOURCE_FETCH_SCHEDULE is malformed: "daily" (use on or off)',
      'SOURCE_FETCH_CRON is malformed: "0 6 * * *" (six fields, seconds first, e.g. "0 30 5 * * *")',
    ]);
  });
  it('sends live events through Redis only when REDIS_URL names one', () => {
    expect(loadConfig(valid, '/srv/web').redisUrl).toBeNull();
    expect(loadConfig({ ...valid, REDIS_URL: ' ' }, '/srv/web').redisUrl).toBeNull();
    expect(loadConfig({ ...valid, REDIS_URL: 'redis://127.0.0.1:6379' }, '/srv/web').redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(
      loadConfig({ ...valid, REDIS_URL: 'rediss://:secret@redis.example:6380/2' }, '/srv/web').redisUrl,
    ).toBe('rediss://:secret@redis.example:6380/2');
    expect(problemsOf({ ...valid, REDIS_URL: '127.0.0.1:6379' })).toEqual([
      'REDIS_URL is malformed: "127.0.0.1:6379" is not a Redis URL (redis://[user:password@]host:port[/db], or rediss:// for TLS)',
    ]);
  });
});
