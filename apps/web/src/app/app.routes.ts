import { Routes } from '@angular/router';
import { NotFoundPage, StartPage, startRedirectGuard } from '@kraftsamling/web/shell/feature';

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
