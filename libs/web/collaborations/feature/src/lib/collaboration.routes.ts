import { Routes } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { requirePermission } from '@kraftsamling/web/collaborations/data-access';
import { NoAccessPage } from '@kraftsamling/web/shared/ui';
import { AuditLogPage } from './audit/audit-log.page';
import { CollaborationHomePage } from './home/collaboration-home.page';
import { MembersPage } from './members/members.page';

/**
 * Routes under /s (load them with `path: 's'`): /s/:slug, /s/:slug/medlemmar and /s/:slug/logg.
 * Route titles are translation keys (see TranslatedTitleStrategy).
 */
export const collaborationRoutes: Routes = [
  { path: ':slug', pathMatch: 'full', component: CollaborationHomePage, title: 'titles.collaboration' },
  {
    path: ':slug/medlemmar',
    canMatch: [requirePermission(Permission.MemberManage)],
    component: MembersPage,
    title: 'titles.members',
  },
  // Reached only when the guard above refuses: same address, a "no access" message.
  { path: ':slug/medlemmar', component: NoAccessPage, title: 'titles.noAccess' },
  {
    path: ':slug/logg',
    canMatch: [requirePermission(Permission.AuditRead)],
    component: AuditLogPage,
    title: 'titles.auditLog',
  },
  { path: ':slug/logg', component: NoAccessPage, title: 'titles.noAccess' },
];
