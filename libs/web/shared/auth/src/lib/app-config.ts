/** What the API serves at `/app-config.json`: where to log in and where the API lives. */
export interface AppConfig {
  oidc: { url: string; realm: string; clientId: string };
  graphqlPath: string;
}

export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

/** Fetches and checks the runtime configuration; the same build runs in every environment. */
export async function loadAppConfig(
  fetchFn: typeof fetch = fetch,
  url = '/app-config.json',
): Promise<AppConfig> {
  // The browser's default cache mode, so the answer index.html preloads is the one used (the
  // server marks it no-cache: every load asks again).
  const response = await fetchFn(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new AppConfigError(`${url} answered ${response.status}`);
  return parseAppConfig(await response.json());
}

export function parseAppConfig(value: unknown): AppConfig {
  const config = value as Partial<AppConfig> | null;
  const oidc = config?.oidc;
  const isText = (text: unknown): text is string => typeof text === 'string' && text.length > 0;
  if (!oidc || !isText(oidc.url) || !isText(oidc.realm) || !isText(oidc.clientId)) {
    throw new AppConfigError('app-config.json: oidc.url, oidc.realm and oidc.clientId are required');
  }
  const graphqlPath = isText(config?.graphqlPath) ? config.graphqlPath : '/graphql';
  return { oidc: { url: oidc.url, realm: oidc.realm, clientId: oidc.clientId }, graphqlPath };
}
