import { anyRedirectUriMatches, redirectUriMatches } from './redirect-uri';

describe('redirectUriMatches (Keycloak wildcard redirect URIs)', () => {
  const registered = 'http://localhost:3000/*';

  it('matches every path, query and the bare origin under a trailing wildcard', () => {
    for (const candidate of [
      'http://localhost:3000',
      'http://localhost:3000/',
      'http://localhost:3000/callback',
      'http://localhost:3000/a/b/c?x=1&y=2',
    ]) {
      expect(redirectUriMatches(candidate, registered)).toBe(true);
    }
  });

  it('refuses other origins that share the string prefix', () => {
    for (const candidate of [
      'http://localhost:3000.evil.example/',
      'http://localhost:30001/',
      'https://localhost:3000/',
      'http://127.0.0.1:3000/',
      'http://localhost:3000@evil.example/',
      'http://evil.example/http://localhost:3000/',
    ]) {
      expect(redirectUriMatches(candidate, registered)).toBe(false);
    }
  });

  it('refuses user information, fragments and non-http schemes', () => {
    expect(redirectUriMatches('http://user:pass@localhost:3000/', registered)).toBe(false);
    expect(redirectUriMatches('http://localhost:3000/#access_token=x', registered)).toBe(false);
    expect(redirectUriMatches('javascript:alert(1)//localhost:3000/', registered)).toBe(false);
    expect(redirectUriMatches('not a url', registered)).toBe(false);
  });

  it('keeps a path prefix after normalising dot segments', () => {
    const app = 'http://localhost:4200/app/*';

    expect(redirectUriMatches('http://localhost:4200/app/callback', app)).toBe(true);
    expect(redirectUriMatches('http://localhost:4200/app/../admin', app)).toBe(false);
    expect(redirectUriMatches('http://localhost:4200/app/%2e%2e/admin', app)).toBe(false);
    expect(redirectUriMatches('http://localhost:4200/other', app)).toBe(false);
  });

  it('matches registered URIs without a wildcard exactly', () => {
    expect(redirectUriMatches('http://localhost:4200/callback', 'http://localhost:4200/callback')).toBe(true);
    expect(redirectUriMatches('http://localhost:4200/callback/x', 'http://localhost:4200/callback')).toBe(
      false,
    );
    expect(
      anyRedirectUriMatches('http://localhost:4200/x', [
        'http://localhost:3000/*',
        'http://localhost:4200/*',
      ]),
    ).toBe(true);
    expect(
      anyRedirectUriMatches('http://localhost:5000/x', [
        'http://localhost:3000/*',
        'http://localhost:4200/*',
      ]),
    ).toBe(false);
  });
});
