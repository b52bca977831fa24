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

/** The lazily loaded pages of the route tables that are part of the application, by path below /s. */
const PAGES: readonly { path: string; load: Loader }[] = [
  ...Object.values(collaborationPages),
  ...Object.values(indicatorPages),
];

/**
 * The code the page at an address needs, or null when it needs none of its own (the start
 * page, an unknown address). Matched as the router does for these tables: a `:param` takes
 * one segment, and a fixed segment wins over a parameter (nyckeltal/registrera is the entry
 * grid, not an indicator with that code). Guards are not asked: they need Angular, and at
 * worst the code of a page is fetched that the router then does not open ("no access").
 */
export function pageCodeFor(pathname: string): Loader | null {
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
  const below = segments.slice(1);
  const section = Object.values(lazySections).find((part) =>
    (part.sections as readonly string[]).includes(below[1] ?? ''),
  );
  if (section) return section.load;
  const parameters = (path: string) => path.split('/').filter((part) => part.startsWith(':')).length;
  const matching = PAGES.filter(({ path }) => {
    const parts = path.split('/');
    return (
      parts.length === below.length && parts.every((part, i) => part.startsWith(':') || part === below[i])
    );
  }).sort((a, b) => parameters(a.path) - parameters(b.path));
  return matching[0]?.load ?? null;
}

/**
 * Asks for the code of the page at this address now, in the first moment of the page load,
 * beside Angular's own code instead of after it (on a phone, a round trip or more sooner).
 * The router finds the module already there: a dynamic import is fetched and run once however
 * often it is asked for. Never throws: a failed fetch is the router's to report when it asks.
 */
export function prefetchPageCode(pathname: string): void {
  pageCodeFor(pathname)?.().catch(() => undefined);
}
