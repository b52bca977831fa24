import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { GroupKind } from '@kraftsamling/api/core/database';
import { GroupKindEnum } from './models';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CreateGroupInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => GroupKindEnum)
  @IsIn(Object.values(GroupKind), { message: `must be one of ${Object.values(GroupKind).join(', ')}` })
  kind!: GroupKind;

  @Field(() => String)
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500, { message: 'must be at most 500 characters' })
  focusArea?: string;
}

@InputType()
export class RenameGroupInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId!: string;

  @Field(() => String)
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @Field(() => Int, {
    description: 'The version you loaded; a newer edit by someone else is never overwritten.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
