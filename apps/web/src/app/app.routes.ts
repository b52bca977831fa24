import { Route, Routes, UrlSegment } from '@angular/router';
import { collaborationRoutes } from '@kraftsamling/web/collaborations/feature';
import { indicatorRoutes } from '@kraftsamling/web/indicators/feature';
import { NotFoundPage, StartPage, startRedirectGuard } from '@kraftsamling/web/shell/feature';

/** The segments after /s/:slug of the pages in the indicators feature (indicatorRoutes). */
const INDICATOR_SECTIONS = ['nyckeltal', 'import'];
/**
 * The segment after /s/:slug of the comparison page (comparisonRoutes); named here rather than
 * imported so this file does not load that library eagerly.
 */
const COMPARISON_SECTIONS = ['jamfor'];
/** The segment after /s/:slug of the goal pages (goalRoutes), named here for the same reason. */
const GOAL_SECTIONS = ['mal'];

/** The segments after /s/:slug of the groups' and actions' pages (actionRoutes), named here for the same reason. */
const ACTION_SECTIONS = ['grupper', 'insatser'];

/** The segment after /s/:slug of the decisions feature (decisionRoutes), named here for the same reason. */
const DECISIONS_SECTION = 'beslut';

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
    canMatch: [
      (_route: Route, segments: UrlSegment[]) => INDICATOR_SECTIONS.includes(segments[2]?.path ?? ''),
    ],
    // The table is here (each page is loaded when opened): the first page's code is asked for
    // as the application starts, not after a file of routes (a round trip on a phone).
    children: indicatorRoutes,
  },
  {
    // Comparisons with peers: /s/:slug/jamfor, loaded only for that address.
    path: 's',
    canMatch: [
      (_route: Route, segments: UrlSegment[]) => COMPARISON_SECTIONS.includes(segments[2]?.path ?? ''),
    ],
    loadChildren: () => import('@kraftsamling/web/comparisons/feature').then((m) => m.comparisonRoutes),
  },
  {
    // The decision log: /s/:slug/beslut, loaded only for that address.
    path: 's',
    canMatch: [(_route: Route, segments: UrlSegment[]) => segments[2]?.path === DECISIONS_SECTION],
    loadChildren: () => import('@kraftsamling/web/decisions/feature').then((m) => m.decisionRoutes),
  },
  {
    // Operational groups and their actions: /s/:slug/grupper… and /s/:slug/insatser….
    path: 's',
    canMatch: [(_route: Route, segments: UrlSegment[]) => ACTION_SECTIONS.includes(segments[2]?.path ?? '')],
    loadChildren: () => import('@kraftsamling/web/actions/feature').then((m) => m.actionRoutes),
  },
  {
    // Goals: /s/:slug/mal…, loaded only for those addresses.
    path: 's',
    canMatch: [(_route: Route, segments: UrlSegment[]) => GOAL_SECTIONS.includes(segments[2]?.path ?? '')],
    loadChildren: () => import('@kraftsamling/web/goals/feature').then((m) => m.goalRoutes),
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
