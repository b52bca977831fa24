/** The accessibility statement's address: the same inside the signed-in app and outside it. */
export const STATEMENT_PATH = 'tillganglighet';

/**
 * Whether an address is one of the public pages, which start without a login. In a file of
 * its own because main.ts asks it before it loads either application.
 */
export function isPublicPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === `/${STATEMENT_PATH}`;
}
