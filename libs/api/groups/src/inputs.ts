import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { GroupKind } from '@kraftsamling/api/core/database';
import { ExpectedVersion, TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import { GroupKindEnum } from './models';

@InputType()
export class CreateGroupInput extends TenantInput {
  @Field(() => GroupKindEnum)
  @IsIn(Object.values(GroupKind), { message: `must be one of ${Object.values(GroupKind).join(', ')}` })
  kind!: GroupKind;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 500, { message: 'must be at most 500 characters' })
  focusArea?: string;
}

@InputType()
export class RenameGroupInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId!: string;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}
