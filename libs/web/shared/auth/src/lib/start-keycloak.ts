import Keycloak from 'keycloak-js';
import { AppConfig } from './app-config';
import { KeycloakAuthSession } from './keycloak-session';

/** The page the identity provider answers a silent session check to (apps/web/public/auth). */
export const SILENT_CHECK_PATH = '/auth/silent-check-sso.html';

/** The part of keycloak-js the start uses. */
export type StartingKeycloak = Pick<
  Keycloak,
  'init' | 'login' | 'token' | 'tokenParsed' | 'updateToken' | 'logout'
>;

/**
 * keycloak-js for the realm, with Keycloak's endpoints given as an OpenID provider's
 * metadata (they are Keycloak's URL layout, so nothing is fetched to find them). Given this
 * way, keycloak-js skips its third-party-cookie probe (two more pages in a hidden frame
 * before the session check): the session check itself finds out whether the provider's
 * cookie reaches the frame, and when it does not, the person is sent to log in as before.
 */
export function createKeycloak(oidc: AppConfig['oidc']): Keycloak {
  const realmUrl = `${oidc.url.replace(/\/+$/, '')}/realms/${encodeURIComponent(oidc.realm)}`;
  const endpoints = `${realmUrl}/protocol/openid-connect`;
  return new Keycloak({
    clientId: oidc.clientId,
    oidcProvider: {
      authorization_endpoint: `${endpoints}/auth`,
      token_endpoint: `${endpoints}/token`,
      end_session_endpoint: `${endpoints}/logout`,
      userinfo_endpoint: `${endpoints}/userinfo`,
    },
  });
}

/**
 * Logs in before the application starts. Someone with a session at the identity provider is
 * recognised in a hidden frame (`check-sso`), without leaving the page: a full-page round
 * trip would load and start the page twice. Anyone else is sent to the provider's login page
 * (in the user's language) and comes back with a session.
 */
export async function startKeycloakSession(
  oidc: AppConfig['oidc'],
  locale: () => string,
  keycloak: StartingKeycloak = createKeycloak(oidc),
  origin: string = location.origin,
): Promise<KeycloakAuthSession> {
  const authenticated = await keycloak.init({
    onLoad: 'check-sso',
    silentCheckSsoRedirectUri: `${origin}${SILENT_CHECK_PATH}`,
    pkceMethod: 'S256',
    checkLoginIframe: false,
    locale: locale(),
  });
  if (!authenticated) {
    // login() navigates away: the application does not start on this page load.
    await keycloak.login({ locale: locale() });
    return new Promise<KeycloakAuthSession>(() => undefined);
  }
  return new KeycloakAuthSession(keycloak, locale);
}
