import { Routes } from '@angular/router';
import { ComparisonPage } from './page/comparison.page';

/**
 * Routes under /s (load them with `path: 's'`) for /s/:slug/jamfor (apps/web matches only
 * that address before loading them). Every member may compare (indicator:read); the page's
 * own state is in the query parameters.
 */
export const comparisonRoutes: Routes = [
  { path: ':slug/jamfor', component: ComparisonPage, title: 'comparisons.title' },
];
