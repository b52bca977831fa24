// A minimal browser for tests: fetch with a cookie jar and manual redirects, enough to
// drive the authorization-code flow through the login page without a real browser.
import { createHash, randomBytes } from 'node:crypto';

interface Cookie {
  name: string;
  value: string;
  path: string;
}

export class TestBrowser {
  private cookies: Cookie[] = [];

  cookieNames(): string[] {
    return this.cookies.map((cookie) => cookie.name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const applicable = this.cookies.filter((cookie) => target.pathname.startsWith(cookie.path));
    if (applicable.length > 0)
      headers.set('Cookie', applicable.map((c) => `${c.name}=${c.value}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) this.store(header, target);
    return response;
  }

  /** Follows redirects (re-issuing them as GET) until one leaves `issuerOrigin`, or a page is served. */
  async follow(
    url: string,
    issuerOrigin: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      current = new URL(location, current).href;
      if (new URL(current).origin !== issuerOrigin) return { response, url: current };
      await response.body?.cancel();
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private store(header: string, target: URL): void {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    let cookiePath = target.pathname.replace(/\/[^/]*$/, '') || '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key, attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') cookiePath = attributeValue;
      if (key.toLowerCase() === 'expires' && new Date(attributeValue).getTime() <= Date.now()) expired = true;
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
    }
    this.cookies = this.cookies.filter((cookie) => !(cookie.name === name && cookie.path === cookiePath));
    if (!expired) this.cookies.push({ name, value, path: cookiePath });
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The action URL of the first form on a page (HTML-unescaped). */
export function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form on the page');
  return match[1].replace(/&#38;/g, '&').replace(/&amp;/g, '&');
}
