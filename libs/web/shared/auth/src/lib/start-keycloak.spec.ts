import type { KeycloakInitOptions } from 'keycloak-js';
import { StartingKeycloak, startKeycloakSession } from './start-keycloak';

const OIDC = { url: 'http://localhost:8080', realm: 'kraftsamling', clientId: 'kraftsamling-web' };

describe('startKeycloakSession', () => {
  it('logs in with the code flow and PKCE, in the user’s language, before handing out the session', async () => {
    const keycloak = {
      init: jest.fn(async () => true),
      login: jest.fn(async () => undefined),
      logout: jest.fn(async () => undefined),
      updateToken: jest.fn(async () => true),
      token: 'access-token',
      tokenParsed: { sub: 'user-1', preferred_username: 'helsingborg' },
    } as unknown as jest.Mocked<StartingKeycloak>;

    const session = await startKeycloakSession(OIDC, () => 'en', keycloak);

    const options = keycloak.init.mock.calls[0][0] as KeycloakInitOptions;
    expect(options).toEqual({
      onLoad: 'login-required',
      pkceMethod: 'S256',
      checkLoginIframe: false,
      locale: 'en',
    });
    expect(session.user.username).toBe('helsingborg');
  });
});
