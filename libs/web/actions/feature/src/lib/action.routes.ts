import { Routes } from '@angular/router';
import { ActionPage } from './action/action.page';
import { ActionFormPage } from './form/action-form.page';
import { GroupPage } from './group/group.page';

/**
 * Routes under /s (load them with `path: 's'`): a group's page with its actions
 * (/s/:slug/grupper/:groupId), a new action in it (…/ny-insats), an action's page
 * (/s/:slug/insatser/:actionId) and its editor (…/redigera). Everyone in the collaboration
 * reads; the pages offer changes to those the API will let make them.
 */
export const actionRoutes: Routes = [
  { path: ':slug/grupper/:groupId', pathMatch: 'full', component: GroupPage, title: 'titles.group' },
  {
    path: ':slug/grupper/:groupId/ny-insats',
    pathMatch: 'full',
    component: ActionFormPage,
    title: 'titles.newAction',
  },
  { path: ':slug/insatser/:actionId', pathMatch: 'full', component: ActionPage, title: 'titles.action' },
  {
    path: ':slug/insatser/:actionId/redigera',
    pathMatch: 'full',
    component: ActionFormPage,
    title: 'titles.editAction',
  },
];
