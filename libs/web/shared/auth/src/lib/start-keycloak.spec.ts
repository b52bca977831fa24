import type { KeycloakInitOptions } from 'keycloak-js';
import { StartingKeycloak, returnsFromLogin, startKeycloakSession } from './start-keycloak';

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

describe('returnsFromLogin', () => {
  it.each([
    '#state=4a1c&session_state=9f&code=c0de',
    '#error=login_required&state=4a1c',
    '#iss=http%3A%2F%2Flocalhost&state=4a1c&code=c0de',
  ])('knows the identity provider’s answer in %s', (hash) => {
    expect(returnsFromLogin(hash)).toBe(true);
  });

  it.each(['', '#main', '#estate=1', '?state=1'])('takes %p for a load that is not one', (hash) => {
    expect(returnsFromLogin(hash)).toBe(false);
  });
});
