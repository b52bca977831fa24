import { Routes } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { requirePermission } from '@kraftsamling/web/collaborations/data-access';
import { NoAccessPage } from '@kraftsamling/web/shared/ui';
import { CollaborationHomePage } from './home/collaboration-home.page';

/**
 * Routes under /s (load them with `path: 's'`): /s/:slug, /s/:slug/medlemmar and /s/:slug/logg.
 * Route titles are translation keys (see TranslatedTitleStrategy). The members' and the audit
 * log's pages are loaded when opened; the home page, everyone's first page, comes with the routes.
 */
export const collaborationRoutes: Routes = [
  { path: ':slug', pathMatch: 'full', component: CollaborationHomePage, title: 'titles.collaboration' },
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
