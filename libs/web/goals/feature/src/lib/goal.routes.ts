import { Routes } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { requirePermission } from '@kraftsamling/web/collaborations/data-access';
import { NoAccessPage } from '@kraftsamling/web/shared/ui';
import { GoalEditorPage } from './editor/goal-editor.page';
import { GoalPage } from './goal/goal.page';
import { GoalOverviewPage } from './overview/goal-overview.page';

/** What the "no access" page says in place of the editor. */
const NO_ACCESS = { reasonKey: 'goals.noAccess.manage' };

/**
 * Routes under /s (load them with `path: 's'`) for /s/:slug/mal… (apps/web matches only
 * those before loading them): the steering overview, a goal, and the editor for a new or
 * an existing goal. Route titles are translation keys. The editor is for those who may
 * manage goals; anyone else gets a "no access" page at the same address (the API refuses
 * the writes on its own). "nytt" comes before ":goalId", which would otherwise take it.
 */
export const goalRoutes: Routes = [
  { path: ':slug/mal', pathMatch: 'full', component: GoalOverviewPage, title: 'goals.titles.overview' },
  {
    path: ':slug/mal/nytt',
    canMatch: [requirePermission(Permission.GoalManage)],
    component: GoalEditorPage,
    title: 'goals.titles.new',
  },
  { path: ':slug/mal/nytt', component: NoAccessPage, data: NO_ACCESS, title: 'titles.noAccess' },
  { path: ':slug/mal/:goalId', component: GoalPage, title: 'goals.titles.goal' },
  {
    path: ':slug/mal/:goalId/redigera',
    canMatch: [requirePermission(Permission.GoalManage)],
    component: GoalEditorPage,
    title: 'goals.titles.edit',
  },
  { path: ':slug/mal/:goalId/redigera', component: NoAccessPage, data: NO_ACCESS, title: 'titles.noAccess' },
];
