import type { Injector } from '@angular/core';
import { collaborationPages } from '@kraftsamling/web/collaborations/feature/page-code';
import { indicatorPages } from '@kraftsamling/web/indicators/feature/page-code';

/** Code that an address below /s/ needs: a page's, or the routes (and pages) of a part of the app. */
type Loader = () => Promise<unknown>;

/**
 * The parts whose route tables are loaded only when an address in them is opened, by the
 * segment after /s/:slug. The route table (app.routes.ts) takes its sections and loaders from
 * here; their pages are in the same code as their routes.
 */
export const lazySections = {
  comparisons: {
    sections: ['jamfor'],
    load: () => import('@kraftsamling/web/comparisons/feature').then((m) => m.comparisonRoutes),
  },
  decisions: {
    sections: ['beslut'],
    load: () => import('@kraftsamling/web/decisions/feature').then((m) => m.decisionRoutes),
  },
  actions: {
    sections: ['grupper', 'insatser'],
    load: () => import('@kraftsamling/web/actions/feature').then((m) => m.actionRoutes),
  },
  goals: {
    sections: ['mal'],
    load: () => import('@kraftsamling/web/goals/feature').then((m) => m.goalRoutes),
  },
} as const;

/** Asks for what a page reads first, as the application starts (page-data-ahead.ts). */
export type ReadAhead = (injector: Injector, params: Readonly<Record<string, string>>) => void;

/** The code of a page's read ahead: fetched with the page's code, run once Angular's injector is there. */
type ReadAheadLoader = () => Promise<ReadAhead>;

/** The lazily loaded pages of the route tables that are part of the application, by path below /s. */
const PAGES: readonly { path: string; load: Loader; readAhead?: ReadAheadLoader }[] = [
  ...Object.values(collaborationPages),
  ...Object.values(indicatorPages),
];

/** A page of the route tables matched by an address: its path, its code and the parameters' values. */
export interface PageMatch {
  path: string;
  load: Loader;
  readAhead?: ReadAheadLoader;
  params: Readonly<Record<string, string>>;
}

/**
 * The page at an address below /s/, or null (the start page, an address of a lazily loaded
 * part, an unknown address). Matched as the router does for these tables: a `:param` takes
 * one segment, and a fixed segment wins over a parameter (nyckeltal/registrera is the entry
 * grid, not an indicator with that code). Guards are not asked: they need Angular.
 */
export function matchPage(pathname: string): PageMatch | null {
  const below = segmentsBelowS(pathname);
  if (!below || lazySectionOf(below)) return null;
  const parameters = (path: string) => path.split('/').filter((part) => part.startsWith(':')).length;
  const matching = PAGES.filter(({ path }) => {
    const parts = path.split('/');
    return (
      parts.length === below.length && parts.every((part, i) => part.startsWith(':') || part === below[i])
    );
  }).sort((a, b) => parameters(a.path) - parameters(b.path));
  const page = matching[0];
  if (!page) return null;
  const params = Object.fromEntries(
    page.path.split('/').flatMap((part, i) => (part.startsWith(':') ? [[part.slice(1), below[i]!]] : [])),
  );
  return { ...page, params };
}

/**
 * The code the page at an address needs, or null when it needs none of its own (the start
 * page, an unknown address): a page's (matchPage), or a lazily loaded part's routes. At worst
 * the code of a page is fetched that the router then does not open ("no access").
 */
export function pageCodeFor(pathname: string): Loader | null {
  const below = segmentsBelowS(pathname);
  if (!below) return null;
  return lazySectionOf(below)?.load ?? matchPage(pathname)?.load ?? null;
}

/** The decoded segments after /s/ (the slug first), or null for an address elsewhere or a malformed one. */
function segmentsBelowS(pathname: string): string[] | null {
  let segments: string[];
  try {
    segments = pathname
      .split('/')
      .filter((part) => part.length > 0)
      .map((part) => decodeURIComponent(part));
  } catch {
    // A malformed address: the router reports it.
    return null;
  }
  if (segments[0] !== 's' || segments.length < 2) return null;
  return segments.slice(1);
}

function lazySectionOf(below: readonly string[]) {
  return Object.values(lazySections).find((part) =>
    (part.sections as readonly string[]).includes(below[1] ?? ''),
  );
}

/**
 * Asks for the code of the page at this address now, in the first moment of the page load,
 * beside Angular's own code instead of after it (on a phone, a round trip or more sooner).
 * The router finds the module already there: a dynamic import is fetched and run once however
 * often it is asked for. Never throws: a failed fetch is the router's to report when it asks.
 */
export function prefetchPageCode(pathname: string): void {
  pageCodeFor(pathname)?.().catch(() => undefined);
  // The code that reads the page's data ahead too: the application runs it as it starts.
  matchPage(pathname)
    ?.readAhead?.()
    .catch(() => undefined);
}
