import type { KeycloakInitOptions } from 'keycloak-js';
import { SILENT_CHECK_PATH, StartingKeycloak, startKeycloakSession } from './start-keycloak';

const OIDC = { url: 'http://localhost:8080', realm: 'kraftsamling', clientId: 'kraftsamling-web' };

function fakeKeycloak(authenticated: boolean): jest.Mocked<StartingKeycloak> {
  return {
    init: jest.fn(async () => authenticated),
    login: jest.fn(async () => undefined),
    logout: jest.fn(async () => undefined),
    updateToken: jest.fn(async () => true),
    token: authenticated ? 'access-token' : undefined,
    tokenParsed: authenticated ? { sub: 'user-1', preferred_username: 'helsingborg' } : undefined,
  } as unknown as jest.Mocked<StartingKeycloak>;
}

describe('startKeycloakSession', () => {
  it('recognises a session at the identity provider in a hidden frame, without leaving the page', async () => {
    const keycloak = fakeKeycloak(true);

    const session = await startKeycloakSession(OIDC, () => 'sv', keycloak, 'http://localhost:3000');

    const options = keycloak.init.mock.calls[0][0] as KeycloakInitOptions;
    expect(options.onLoad).toBe('check-sso');
    expect(options.silentCheckSsoRedirectUri).toBe(`http://localhost:3000${SILENT_CHECK_PATH}`);
    expect(options.pkceMethod).toBe('S256');
    expect(keycloak.login).not.toHaveBeenCalled();
    expect(session.user.username).toBe('helsingborg');
  });

  it('sends someone without a session to the login page in their language and does not start the app', async () => {
    const keycloak = fakeKeycloak(false);

    const outcome = await Promise.race([
      startKeycloakSession(OIDC, () => 'en', keycloak, 'http://localhost:3000'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 20)),
    ]);

    expect(outcome).toBe('pending');
    expect(keycloak.login).toHaveBeenCalledWith({ locale: 'en' });
  });
});
