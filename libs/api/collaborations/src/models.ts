import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ALL_ROLES, type Role } from '@kraftsamling/shared/permissions';

/** GraphQL enum of the roles; its names are the role values of the shared permission map. */
export const RoleEnum = Object.fromEntries(ALL_ROLES.map((role) => [role, role])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: 'Role', description: 'A role within one collaboration.' });

@ObjectType('UserSummary')
export class UserSummaryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) username!: string | null;
}

@ObjectType('MembershipInvitation', {
  description: 'Whom a pending membership invites: the e-mail and name the coordinator gave.',
})
export class MembershipInvitationModel {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Membership', {
  description:
    'A role a user holds in a collaboration, optionally bound to an organisation or a group. Until the invited person signs in it is pending: no user yet, only the invitation.',
})
export class MembershipModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => UserSummaryModel, { nullable: true, description: 'Null while the invitation is pending.' })
  user!: UserSummaryModel | null;
  @Field(() => Boolean, { description: 'True until the invited person signs in with the invited e-mail.' })
  pending!: boolean;
  @Field(() => MembershipInvitationModel, { nullable: true, description: 'Set while pending.' })
  invitation!: MembershipInvitationModel | null;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => ID, { nullable: true }) organizationId!: string | null;
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Collaboration', { description: 'A collaboration (samverkan): the tenant.' })
export class CollaborationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('CollaborationAccess', { description: 'What the signed-in user may do in one collaboration.' })
export class CollaborationAccessModel {
  @Field(() => ID) collaborationId!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => [String]) permissions!: string[];
}
