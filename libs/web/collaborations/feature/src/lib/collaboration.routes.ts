import { Routes } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { requirePermission } from '@kraftsamling/web/collaborations/data-access';
import { NoAccessPage } from '@kraftsamling/web/shared/ui';

/**
 * Routes under /s (mount them with `path: 's'`): /s/:slug, /s/:slug/medlemmar and /s/:slug/logg.
 * Route titles are translation keys (see TranslatedTitleStrategy). Each page is loaded when
 * opened; the table itself is part of the application, so a page's code is fetched as soon
 * as the application starts, not after a file of routes.
 */
export const collaborationRoutes: Routes = [
  {
    path: ':slug',
    pathMatch: 'full',
    loadComponent: () => import('./home/collaboration-home.page').then((m) => m.CollaborationHomePage),
    title: 'titles.collaboration',
  },
  {
    path: ':slug/medlemmar',
    canMatch: [requirePermission(Permission.MemberManage)],
    loadComponent: () => import('./members/members.page').then((m) => m.MembersPage),
    title: 'titles.members',
  },
  // Reached only when the guard above refuses: same address, a "no access" message.
  { path: ':slug/medlemmar', component: NoAccessPage, title: 'titles.noAccess' },
  {
    path: ':slug/logg',
    canMatch: [requirePermission(Permission.AuditRead)],
    loadComponent: () => import('./audit/audit-log.page').then((m) => m.AuditLogPage),
    title: 'titles.auditLog',
  },
  { path: ':slug/logg', component: NoAccessPage, title: 'titles.noAccess' },
];
