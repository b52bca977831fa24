import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kraftsamling/api/core/auth';
import { Access, CurrentPrincipal, Tenant, type TenantScope } from '@kraftsamling/api/core/tenancy';
import { Permission, type Role } from '@kraftsamling/shared/permissions';
import { ID } from '@nestjs/graphql';
import { CollaborationService } from './collaboration.service';
import { AddMemberInput, ChangeMemberRoleInput, RemoveMemberInput } from './inputs';
import { CollaborationModel, MembershipModel, RoleEnum } from './models';
import { MembershipService } from './membership.service';

const byCollaborationInput = { arg: 'input.collaborationId' } as const;

@Resolver(() => CollaborationModel)
export class CollaborationsResolver {
  constructor(
    private readonly collaborationService: CollaborationService,
    private readonly memberships: MembershipService,
  ) {}

  @Query(() => [CollaborationModel], {
    name: 'collaborations',
    description: 'The collaborations I belong to (all of them for a platform admin).',
  })
  @Access.authenticated()
  collaborations(@CurrentPrincipal() principal: Principal) {
    return this.collaborationService.visibleTo(principal);
  }

  @Query(() => CollaborationModel, {
    name: 'collaboration',
    description: 'One collaboration, for its members.',
  })
  @Access.inCollaboration(Permission.CollaborationRead, { arg: 'slug', by: 'slug' })
  collaboration(@Args('slug', { type: () => String }) _slug: string, @Tenant() tenant: TenantScope) {
    return this.collaborationService.get(tenant);
  }

  @ResolveField(() => [RoleEnum])
  @Access.authenticated()
  myRoles(@Parent() collaboration: CollaborationModel, @CurrentPrincipal() principal: Principal): Role[] {
    return principal.rolesIn(collaboration.id);
  }

  @ResolveField(() => [String])
  @Access.authenticated()
  myPermissions(
    @Parent() collaboration: CollaborationModel,
    @CurrentPrincipal() principal: Principal,
  ): string[] {
    return principal.permissionsIn(collaboration.id);
  }

  @ResolveField(() => [MembershipModel])
  @Access.inCollaboration(Permission.MemberRead, { parent: 'id' })
  members(@Tenant() tenant: TenantScope) {
    return this.memberships.list(tenant);
  }

  @Mutation(() => MembershipModel, { description: 'Adds (invites) a person by e-mail with a role.' })
  @Access.inCollaboration(Permission.MemberManage, byCollaborationInput)
  addMember(@Args('input') input: AddMemberInput, @Tenant() tenant: TenantScope) {
    return this.memberships.add(tenant, input);
  }

  @Mutation(() => MembershipModel)
  @Access.inCollaboration(Permission.MemberManage, byCollaborationInput)
  changeMemberRole(@Args('input') input: ChangeMemberRoleInput, @Tenant() tenant: TenantScope) {
    return this.memberships.changeRole(tenant, input);
  }

  @Mutation(() => ID, { description: 'Removes a membership; returns its id.' })
  @Access.inCollaboration(Permission.MemberManage, byCollaborationInput)
  removeMember(@Args('input') input: RemoveMemberInput, @Tenant() tenant: TenantScope) {
    return this.memberships.remove(tenant, input);
  }
}
