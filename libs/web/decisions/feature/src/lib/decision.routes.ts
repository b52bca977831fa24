import { Routes } from '@angular/router';
import { DecisionLogPage } from './decision-log.page';

/**
 * Routes under /s (load them with `path: 's'`): /s/:slug/beslut, the steering group's
 * decision log, and an operational group's with ?grupp=<id> (apps/web matches only that
 * address before loading this library). Everyone in the collaboration reads it; the page
 * offers changes where the API says the user may write (Group.viewerCanRecordDecisions).
 */
export const decisionRoutes: Routes = [
  { path: ':slug/beslut', pathMatch: 'full', component: DecisionLogPage, title: 'titles.decisions' },
];
