/**
 * Keycloak's redirect-URI rule: a registered URI is matched exactly, unless it ends in
 * `*`, in which case any URI on the same origin whose path starts with the part before
 * the `*` matches (`http://localhost:3000/*` allows every path under that origin).
 *
 * Security: an open redirector here would hand authorization codes to an attacker, so
 * the comparison is structural (parsed origin, then normalised path) and never a plain
 * string prefix on the whole URI: `http://localhost:3000.evil.example/` and
 * `http://localhost:3000@evil.example/` share that prefix but not the origin. User
 * information and fragments are refused outright.
 */
export function redirectUriMatches(candidate: string, registered: string): boolean {
  if (candidate.includes('#')) return false;
  const url = URL.parse(candidate);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  if (url.username !== '' || url.password !== '') return false;

  if (!registered.endsWith('*')) return candidate === registered;

  const base = URL.parse(registered.slice(0, -1));
  if (!base || base.origin !== url.origin || base.origin === 'null') return false;
  if (base.search !== '' || base.hash !== '') {
    // A wildcard after a query string: compare the serialised URLs, still per origin.
    return url.href.startsWith(base.href);
  }
  return url.pathname.startsWith(base.pathname);
}

export function anyRedirectUriMatches(candidate: string, registered: readonly string[]): boolean {
  return registered.some((entry) => redirectUriMatches(candidate, entry));
}
