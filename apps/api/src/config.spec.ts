import { ConfigError, loadConfig } from './config';

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
});
