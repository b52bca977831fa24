import { Route, Routes, UrlSegment } from '@angular/router';
import { NotFoundPage, StartPage, startRedirectGuard } from '@kraftsamling/web/shell/feature';

/**
 * The segment after /s/:slug of the pages in the indicators feature (indicatorRoutes); named
 * here rather than imported so this file does not load that library eagerly.
 */
const INDICATOR_SECTIONS = ['nyckeltal', 'import'];
/** The segment after /s/:slug of the comparison page (comparisonRoutes). */
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
    // Indicators and imports: /s/:slug/nyckeltal… and /s/:slug/import…. Matched first, and
    // only for those addresses, so the rest of /s does not load this part of the app.
    path: 's',
    canMatch: [
      (_route: Route, segments: UrlSegment[]) => INDICATOR_SECTIONS.includes(segments[2]?.path ?? ''),
    ],
    loadChildren: () => import('@kraftsamling/web/indicators/feature').then((m) => m.indicatorRoutes),
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
    path: 's',
    loadChildren: () => import('@kraftsamling/web/collaborations/feature').then((m) => m.collaborationRoutes),
  },
  {
    path: 'tillganglighet',
    loadComponent: () =>
      import('@kraftsamling/web/accessibility/feature').then((m) => m.AccessibilityStatementPage),
    title: 'titles.accessibility',
  },
  { path: '**', component: NotFoundPage, title: 'titles.notFound' },
];
