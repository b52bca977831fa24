import { AppConfigError, loadAppConfig, parseAppConfig } from './app-config';

const valid = {
  oidc: { url: 'http://localhost:8080', realm: 'kraftsamling', clientId: 'kraftsamling-web' },
  graphqlPath: '/graphql',
};

function response(body: unknown, status = 200): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

describe('app config', () => {
  it('loads /app-config.json as index.html preloads it (the default cache mode)', async () => {
    const fetchFn = jest.fn(async () => response(valid));
    await expect(loadAppConfig(fetchFn as unknown as typeof fetch)).resolves.toEqual(valid);
    expect(fetchFn).toHaveBeenCalledWith(
      '/app-config.json',
      expect.not.objectContaining({ cache: expect.anything() }),
    );
  });

  it('fails clearly when the server does not answer with a configuration', async () => {
    const fetchFn = jest.fn(async () => response({}, 503));
    await expect(loadAppConfig(fetchFn as unknown as typeof fetch)).rejects.toBeInstanceOf(AppConfigError);
  });

  it('requires the OIDC settings and defaults the GraphQL path', () => {
    expect(() => parseAppConfig({ oidc: { url: 'http://localhost:8080' } })).toThrow(AppConfigError);
    expect(parseAppConfig({ oidc: valid.oidc }).graphqlPath).toBe('/graphql');
  });
});
