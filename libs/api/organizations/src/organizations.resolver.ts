import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CollaborationModel, MembershipModel } from '@kraftsamling/api/collaborations';
import {
  Access,
  Tenant,
  byKeys,
  requestLoader,
  type TenantRequest,
  type TenantScope,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { AddPartnerOrganizationInput } from './inputs';
import { MunicipalityModel, OrganizationModel } from './models';
import { OrganizationService } from './organization.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @Query(() => [MunicipalityModel], {
    description: 'All 290 Swedish municipalities (public reference data).',
  })
  @Access.authenticated()
  municipalities() {
    return this.organizationService.municipalities();
  }

  @Mutation(() => OrganizationModel, {
    description: 'Adds a member organisation: a municipality or a partner.',
  })
  @Access.inCollaboration(Permission.OrganizationManage, { arg: 'input.collaborationId' })
  addPartnerOrganization(@Args('input') input: AddPartnerOrganizationInput, @Tenant() tenant: TenantScope) {
    return this.organizationService.add(tenant, input);
  }
}

@Resolver(() => CollaborationModel)
export class CollaborationOrganizationsResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @ResolveField(() => [OrganizationModel])
  @Access.inCollaboration(Permission.CollaborationRead, { parent: 'id' })
  organizations(@Tenant() tenant: TenantScope) {
    return this.organizationService.list(tenant);
  }
}

@Resolver(() => MembershipModel)
export class MembershipOrganizationResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  @Access.inCollaboration(Permission.MemberRead, { parent: 'collaborationId' })
  organization(
    @Parent() membership: MembershipModel,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    if (!membership.organizationId) return null;
    return requestLoader<string, OrganizationModel | null>(
      request,
      `organizations:${tenant.collaborationId}`,
      async (ids) =>
        byKeys(ids, await this.organizationService.byIds(tenant.collaborationId, ids), (org) => org.id),
    ).load(membership.organizationId);
  }
}
