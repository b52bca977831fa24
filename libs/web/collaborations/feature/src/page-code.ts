// The collaboration pages' addresses (below /s) and code, without Angular: main.ts reads this
// to ask for a page's code in the first moment of a page load, while Angular itself still
// arrives; the route table (lib/collaboration.routes.ts) takes its paths and loaders from
// here, so both fetch the same code for the same address.

export const collaborationPages = {
  home: {
    path: ':slug',
    load: () => import('./lib/home/collaboration-home.page').then((m) => m.CollaborationHomePage),
  },
  members: {
    path: ':slug/medlemmar',
    load: () => import('./lib/members/members.page').then((m) => m.MembersPage),
  },
  auditLog: {
    path: ':slug/logg',
    load: () => import('./lib/audit/audit-log.page').then((m) => m.AuditLogPage),
  },
} as const;
