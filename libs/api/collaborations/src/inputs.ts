import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { ALL_ROLES, type Role } from '@kraftsamling/shared/permissions';
import { RoleEnum } from './models';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => String)
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address, e.g. name@kommun.se' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;

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
export class ChangeMemberRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a membership' })
  membershipId!: string;

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

  @Field(() => Int, {
    description: 'The version you loaded; a newer edit by someone else is never overwritten.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a membership' })
  membershipId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
