import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Access,
  Tenant,
  groupedByKeys,
  requestLoader,
  type TenantRequest,
  type TenantScope,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { ActionService } from './action.service';
import { mayManageActionsOf } from './action-rights';
import { ActionModel } from './models';

/**
 * What the signed-in user may do with an action, so the web app offers only that. A hint:
 * every mutation checks the same rules again on the server (ActionService).
 */
@Resolver(() => ActionModel)
export class ActionViewerResolver {
  constructor(private readonly actionService: ActionService) {}

  @ResolveField(() => Boolean, {
    description: 'Whether the signed-in user may change the action (its group’s member or the coordinator).',
  })
  @Access.inCollaboration(Permission.ActionRead, { parent: 'collaborationId' })
  viewerCanEdit(@Parent() action: ActionModel, @Tenant() tenant: TenantScope): boolean {
    return (
      tenant.permissions.includes(Permission.ActionManage) &&
      mayManageActionsOf(tenant.principal, tenant.collaborationId, action.groupId)
    );
  }

  @ResolveField(() => [String], {
    description:
      'The municipality codes the signed-in user may record outcomes for on this action: all of its ' +
      'municipalities for its group and the coordinator, their own for a municipal editor where it runs.',
  })
  @Access.inCollaboration(Permission.ActionRead, { parent: 'collaborationId' })
  async viewerCanRecordFor(
    @Parent() action: ActionModel,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ): Promise<string[]> {
    if (!tenant.permissions.includes(Permission.OutcomeRecord)) return [];
    const codes = (
      await requestLoader<string, { code: string }[]>(
        request,
        `action-viewer-municipalities:${tenant.collaborationId}`,
        async (ids) =>
          groupedByKeys(
            ids,
            await this.actionService.municipalities(tenant.collaborationId, ids),
            (row) => row.actionId,
          ),
      ).load(action.id)
    ).map((m) => m.code);
    if (mayManageActionsOf(tenant.principal, tenant.collaborationId, action.groupId)) return codes;
    const own = await requestLoader<string, string[]>(
      request,
      `editor-municipalities:${tenant.collaborationId}`,
      async (keys) => {
        const mine = await this.actionService.editorMunicipalities(tenant.principal, tenant.collaborationId);
        return keys.map(() => mine);
      },
    ).load('me');
    return codes.filter((code) => own.includes(code));
  }
}
