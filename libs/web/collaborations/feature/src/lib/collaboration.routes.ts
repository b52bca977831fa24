import { Routes } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { requirePermission } from '@kraftsamling/web/collaborations/data-access';
import { NoAccessPage } from '@kraftsamling/web/shared/ui';
import { collaborationPages } from '../page-code';

/**
 * Routes under /s (mount them with `path: 's'`): /s/:slug, /s/:slug/medlemmar and /s/:slug/logg.
 * Route titles are translation keys (see TranslatedTitleStrategy). Each page is loaded when
 * opened; the paths and loaders are page-code.ts's, which main.ts reads to fetch the code of
 * the page an address opens before Angular has arrived.
 */
export const collaborationRoutes: Routes = [
  {
    path: collaborationPages.home.path,
    pathMatch: 'full',
    loadComponent: collaborationPages.home.load,
    title: 'titles.collaboration',
  },
  {
    path: collaborationPages.members.path,
    canMatch: [requirePermission(Permission.MemberManage)],
    loadComponent: collaborationPages.members.load,
    title: 'titles.members',
  },
  // Reached only when the guard above refuses: same address, a "no access" message.
  { path: collaborationPages.members.path, component: NoAccessPage, title: 'titles.noAccess' },
  {
    path: collaborationPages.auditLog.path,
    canMatch: [requirePermission(Permission.AuditRead)],
    loadComponent: collaborationPages.auditLog.load,
    title: 'titles.auditLog',
  },
  { path: collaborationPages.auditLog.path, component: NoAccessPage, title: 'titles.noAccess' },
];
