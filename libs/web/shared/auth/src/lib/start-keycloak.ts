import Keycloak from 'keycloak-js';
import { AppConfig } from './app-config';
import { KeycloakAuthSession } from './keycloak-session';

/**
 * Logs in before the application starts: an anonymous user is sent to the identity
 * provider's login page (in the user's language) and comes back with a session.
 */
export async function startKeycloakSession(
  oidc: AppConfig['oidc'],
  locale: () => string,
): Promise<KeycloakAuthSession> {
  const keycloak = new Keycloak({ url: oidc.url, realm: oidc.realm, clientId: oidc.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    locale: locale(),
  });
  return new KeycloakAuthSession(keycloak, locale);
}
