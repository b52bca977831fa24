import { Route, Routes, UrlSegment } from '@angular/router';
import { collaborationRoutes } from '@kraftsamling/web/collaborations/feature';
import { indicatorRoutes } from '@kraftsamling/web/indicators/feature';
import { NotFoundPage, StartPage, startRedirectGuard } from '@kraftsamling/web/shell/feature';
import { lazySections } from './page-code';

/** The segments after /s/:slug of the pages in the indicators feature (indicatorRoutes). */
const INDICATOR_SECTIONS = ['nyckeltal', 'import'];
/** Whether the segment after /s/:slug is one of a lazily loaded part's (lazySections). */
const inSection =
  (part: { sections: readonly string[] }) =>
  (_route: Route, segments: UrlSegment[]): boolean =>
    part.sections.includes(segments[2]?.path ?? '');

/** Route titles are translation keys, translated by TranslatedTitleStrategy. */
export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [startRedirectGuard],
    component: StartPage,
    title: 'titles.start',
  },
  {
    // Indicators and imports: /s/:slug/nyckeltal… and /s/:slug/import…, matched first and only
    // for those addresses.
    path: 's',
    canMatch: [inSection({ sections: INDICATOR_SECTIONS })],
    // The table is here (each page is loaded when opened; main.ts asks for the first page's
    // code at once, page-code.ts): not a file of routes to fetch first (a round trip on a phone).
    children: indicatorRoutes,
  },
  {
    // Comparisons with peers: /s/:slug/jamfor, loaded only for that address.
    path: 's',
    canMatch: [inSection(lazySections.comparisons)],
    loadChildren: lazySections.comparisons.load,
  },
  {
    // The decision log: /s/:slug/beslut, loaded only for that address.
    path: 's',
    canMatch: [inSection(lazySections.decisions)],
    loadChildren: lazySections.decisions.load,
  },
  {
    // Operational groups and their actions: /s/:slug/grupper… and /s/:slug/insatser….
    path: 's',
    canMatch: [inSection(lazySections.actions)],
    loadChildren: lazySections.actions.load,
  },
  {
    // Goals: /s/:slug/mal…, loaded only for those addresses.
    path: 's',
    canMatch: [inSection(lazySections.goals)],
    loadChildren: lazySections.goals.load,
  },
  {
    // The collaboration's home, members and log; here for the same reason as the indicators'.
    path: 's',
    children: collaborationRoutes,
  },
  {
    path: 'tillganglighet',
    loadComponent: () =>
      import('@kraftsamling/web/accessibility/feature').then((m) => m.AccessibilityStatementPage),
    title: 'titles.accessibility',
  },
  { path: '**', component: NotFoundPage, title: 'titles.notFound' },
];
