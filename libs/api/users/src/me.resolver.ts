import { Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CollaborationAccessModel, CollaborationService } from '@kraftsamling/api/collaborations';
import type { Principal } from '@kraftsamling/api/core/auth';
import { Access, CurrentPrincipal } from '@kraftsamling/api/core/tenancy';

@ObjectType('Me', { description: 'The signed-in user and what they may do in each collaboration.' })
export class MeModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Boolean) isPlatformAdmin!: boolean;
  @Field(() => [String], {
    description:
      'Grants over platform data from realm roles, e.g. official:import (statistics-steward): not tied to a collaboration.',
  })
  platformPermissions!: string[];
  @Field(() => [CollaborationAccessModel]) access!: CollaborationAccessModel[];
}

@Resolver(() => MeModel)
export class MeResolver {
  constructor(private readonly collaborations: CollaborationService) {}

  @Query(() => MeModel)
  @Access.authenticated()
  async me(@CurrentPrincipal() principal: Principal): Promise<MeModel> {
    return {
      id: principal.userId,
      username: principal.username,
      name: principal.name,
      email: principal.email,
      isPlatformAdmin: principal.isPlatformAdmin,
      platformPermissions: principal.platformPermissions,
      access: await this.collaborations.accessOf(principal),
    };
  }
}
