import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ExpectedVersion, TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import { ALL_ROLES, type Role } from '@kraftsamling/shared/permissions';
import { RoleEnum } from './models';

/** A role and what it is bound to; which bindings a role takes is checked by the service. */
@InputType({ isAbstract: true })
abstract class RoleBindingInput extends TenantInput {
  @Field(() => RoleEnum)
  @IsIn(ALL_ROLES, { message: `must be one of ${ALL_ROLES.join(', ')}` })
  role!: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an organisation' })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId?: string;
}

@InputType()
export class AddMemberInput extends RoleBindingInput {
  @Field(() => String)
  @Trim()
  @IsEmail({}, { message: 'must be an e-mail address, e.g. name@kommun.se' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;
}

@InputType()
export class ChangeMemberRoleInput extends RoleBindingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a membership' })
  membershipId!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}

@InputType()
export class RemoveMemberInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a membership' })
  membershipId!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}
