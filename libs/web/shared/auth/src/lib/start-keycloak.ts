import Keycloak from 'keycloak-js';
import { AppConfig } from './app-config';
import { KeycloakAuthSession } from './keycloak-session';

/** The part of keycloak-js the start uses. */
export type StartingKeycloak = Pick<
  Keycloak,
  'init' | 'login' | 'token' | 'tokenParsed' | 'updateToken' | 'logout'
>;

/**
 * Logs in before the application shows anything: a page load without a session goes to the
 * identity provider, which sends a signed-in person straight back with a code, and shows
 * anyone else its login page (in the user's language).
 *
 * Not `check-sso` in a hidden frame, although it spares that second page load: measured with
 * Lighthouse on a phone, the round trip's second load starts from scripts already compiled,
 * and every page scored about 15 points higher with it (docs/benchmarks.md).
 */
export async function startKeycloakSession(
  oidc: AppConfig['oidc'],
  locale: () => string,
  keycloak: StartingKeycloak = new Keycloak({ url: oidc.url, realm: oidc.realm, clientId: oidc.clientId }),
): Promise<KeycloakAuthSession> {
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    locale: locale(),
  });
  return new KeycloakAuthSession(keycloak, locale);
}

/**
 * Whether this page load is the identity provider sending the browser back with the login's
 * answer (keycloak-js's default response mode puts `state`, with a code or an error, in the
 * fragment). Any other load of a signed-in page leaves for the identity provider first.
 */
export function returnsFromLogin(hash: string): boolean {
  return /^#(.*&)?state=/.test(hash);
}
