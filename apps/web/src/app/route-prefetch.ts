import { Route, Routes, UrlSegment } from '@angular/router';

/**
 * Fetches the code of the page an address opens, as soon as the application's module has
 * run, instead of when the router asks for it at the end of Angular's start (on a phone a
 * second or more later). The router then finds the module already there: a dynamic import
 * is fetched and run once however often it is asked for.
 *
 * It walks the route table the way the router matches it (paths, `:params`, `**`, the
 * `canMatch` functions that read only the address) and calls the `loadChildren` and
 * `loadComponent` it meets. A guard that needs Angular's injector cannot run here and counts
 * as matching: at worst a page's code is fetched that the router then does not open. Never
 * throws; a failed fetch is the router's to report when it asks again.
 */
export async function prefetchRoute(routes: Routes, pathname: string): Promise<void> {
  try {
    // decodeURIComponent throws on a malformed address: that too is the router's to report.
    const segments = pathname
      .split('/')
      .filter((part) => part.length > 0)
      .map((part) => new UrlSegment(decodeURIComponent(part), {}));
    await prefetchIn(routes, segments);
  } catch {
    // Nothing to do: the router loads (and reports) the page itself.
  }
}

/** True when a route and its descendants consumed the segments (a page was found). */
async function prefetchIn(routes: Routes, segments: UrlSegment[]): Promise<boolean> {
  for (const route of routes) {
    const consumed = matchPath(route, segments);
    if (consumed === null || !mayMatch(route, segments)) continue;
    const rest = segments.slice(consumed);
    if (route.redirectTo !== undefined) return true;
    const children = route.children ?? (route.loadChildren ? await loadedChildren(route) : undefined);
    if (children ? await prefetchIn(children, rest) : rest.length === 0) {
      if (route.loadComponent) void route.loadComponent();
      return true;
    }
  }
  return false;
}

/** How many segments the route's path takes, or null when it does not match them. */
function matchPath(route: Route, segments: UrlSegment[]): number | null {
  if (route.matcher) return null;
  const path = route.path ?? '';
  if (path === '**') return segments.length;
  const parts = path === '' ? [] : path.split('/');
  if (parts.length > segments.length) return null;
  const matches = parts.every((part, index) => part.startsWith(':') || part === segments[index].path);
  if (!matches) return null;
  if (route.pathMatch === 'full' && parts.length !== segments.length) return null;
  return parts.length;
}

function mayMatch(route: Route, segments: UrlSegment[]): boolean {
  return (route.canMatch ?? []).every((guard) => {
    if (typeof guard !== 'function') return true;
    try {
      return (guard as (route: Route, segments: UrlSegment[]) => unknown)(route, segments) !== false;
    } catch {
      // A guard that needs the injector (permissions): the router decides.
      return true;
    }
  });
}

async function loadedChildren(route: Route): Promise<Routes | undefined> {
  const loaded = (await route.loadChildren?.()) as unknown;
  if (Array.isArray(loaded)) return loaded as Routes;
  const module = loaded as { default?: unknown } | undefined;
  return Array.isArray(module?.default) ? (module.default as Routes) : undefined;
}
