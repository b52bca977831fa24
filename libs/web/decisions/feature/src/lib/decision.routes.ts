import { Routes } from '@angular/router';
import { DecisionLogPage } from './decision-log.page';

/**
 * Routes under /s (load them with `path: 's'`): /s/:slug/beslut, the steering group's
 * decision log (apps/web matches only that address before loading this library). Everyone
 * in the collaboration reads it; the page offers changes to those with decision:manage.
 */
export const decisionRoutes: Routes = [
  { path: ':slug/beslut', pathMatch: 'full', component: DecisionLogPage, title: 'titles.decisions' },
];
