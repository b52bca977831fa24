import { KeycloakAuthSession, KeycloakLike, MIN_TOKEN_VALIDITY_SECONDS } from './keycloak-session';

function fakeKeycloak(overrides: Partial<KeycloakLike> = {}): jest.Mocked<KeycloakLike> {
  return {
    token: 'access-token',
    tokenParsed: {
      sub: 'user-1',
      name: 'Test Testsson',
      email: 'test@example.org',
      preferred_username: 'test',
    },
    updateToken: jest.fn(async () => true),
    login: jest.fn(async () => undefined),
    logout: jest.fn(async () => undefined),
    ...overrides,
  } as unknown as jest.Mocked<KeycloakLike>;
}

describe('KeycloakAuthSession', () => {
  it('refreshes a token that expires within 30 seconds before handing it out', async () => {
    const keycloak = fakeKeycloak();
    const session = new KeycloakAuthSession(keycloak, () => 'sv', 'http://localhost:4200');

    await expect(session.accessToken()).resolves.toBe('access-token');
    expect(keycloak.updateToken).toHaveBeenCalledWith(MIN_TOKEN_VALIDITY_SECONDS);
    expect(MIN_TOKEN_VALIDITY_SECONDS).toBe(30);
  });

  it('sends the user to log in again, in their language, when the session cannot be refreshed', async () => {
    const keycloak = fakeKeycloak({ updateToken: jest.fn(async () => Promise.reject(new Error('expired'))) });
    const session = new KeycloakAuthSession(keycloak, () => 'en', 'http://localhost:4200');

    const outcome = await Promise.race([
      session.accessToken(),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 20)),
    ]);

    expect(outcome).toBe('pending');
    expect(keycloak.login).toHaveBeenCalledWith({ locale: 'en' });
  });

  it('reads the user from the token and logs out back to the start page', async () => {
    const keycloak = fakeKeycloak();
    const session = new KeycloakAuthSession(keycloak, () => 'sv', 'http://localhost:4200');

    expect(session.user).toEqual({
      id: 'user-1',
      name: 'Test Testsson',
      username: 'test',
      email: 'test@example.org',
    });
    await session.logout();
    expect(keycloak.logout).toHaveBeenCalledWith({ redirectUri: 'http://localhost:4200/' });
  });
});
