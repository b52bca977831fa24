import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CollaborationModel, MembershipModel, MembershipService } from '@kraftsamling/api/collaborations';
import {
  Access,
  Tenant,
  byKeys,
  groupedByKeys,
  requestLoader,
  type TenantRequest,
  type TenantScope,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { GroupService } from './group.service';
import { CreateGroupInput, RenameGroupInput } from './inputs';
import { GroupModel } from './models';

@Resolver(() => GroupModel)
export class GroupsResolver {
  constructor(
    private readonly groupService: GroupService,
    private readonly memberships: MembershipService,
  ) {}

  @Mutation(() => GroupModel)
  @Access.inCollaboration(Permission.GroupManage, { arg: 'input.collaborationId' })
  createGroup(@Args('input') input: CreateGroupInput, @Tenant() tenant: TenantScope) {
    return this.groupService.create(tenant, input);
  }

  @Mutation(() => GroupModel)
  @Access.inCollaboration(Permission.GroupManage, { arg: 'input.collaborationId' })
  renameGroup(@Args('input') input: RenameGroupInput, @Tenant() tenant: TenantScope) {
    return this.groupService.rename(tenant, input);
  }

  @ResolveField(() => [MembershipModel])
  @Access.inCollaboration(Permission.MemberRead, { parent: 'collaborationId' })
  members(
    @Parent() group: GroupModel,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return requestLoader<string, MembershipModel[]>(
      request,
      `group-members:${tenant.collaborationId}`,
      async (groupIds) =>
        groupedByKeys(
          groupIds,
          await this.memberships.listByGroups(tenant.collaborationId, groupIds),
          (m) => m.groupId!,
        ),
    ).load(group.id);
  }
}

@Resolver(() => CollaborationModel)
export class CollaborationGroupsResolver {
  constructor(private readonly groupService: GroupService) {}

  @ResolveField(() => [GroupModel])
  @Access.inCollaboration(Permission.CollaborationRead, { parent: 'id' })
  groups(@Tenant() tenant: TenantScope) {
    return this.groupService.list(tenant);
  }
}

@Resolver(() => MembershipModel)
export class MembershipGroupResolver {
  constructor(private readonly groupService: GroupService) {}

  @ResolveField(() => GroupModel, { nullable: true })
  @Access.inCollaboration(Permission.MemberRead, { parent: 'collaborationId' })
  group(
    @Parent() membership: MembershipModel,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    if (!membership.groupId) return null;
    return requestLoader<string, GroupModel | null>(
      request,
      `groups:${tenant.collaborationId}`,
      async (ids) =>
        byKeys(ids, await this.groupService.byIds(tenant.collaborationId, ids), (group) => group.id),
    ).load(membership.groupId);
  }
}
