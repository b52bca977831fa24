import { provideHttpClient, withFetch, withNoXsrfProtection } from '@angular/common/http';

/**
 * The HTTP client of both applications. The API takes a bearer token, never a cookie, so
 * Angular's XSRF step would only read document.cookie (a round trip to the browser's process)
 * on every GraphQL request: it is left out.
 */
export function provideAppHttpClient() {
  return provideHttpClient(withFetch(), withNoXsrfProtection());
}
