import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import { ActionConfidenceEnum, ActionStatusEnum, type ActionConfidence, type ActionStatus } from './models';

const keys = (e: object) => Object.keys(e);
const oneOf = (e: object) => IsIn(keys(e), { message: `must be one of ${keys(e).join(', ')}` });
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const MONTH = /^[0-9]{4}-[0-9]{2}$/;
const AREA_CODE = /^[0-9]{4}$/;
/** A count of participations: a whole number, none negative, below anything a municipality could reach. */
const Count = () => (target: object, property: string) => {
  Field(() => Int)(target, property);
  IsInt({ message: 'must be a whole number' })(target, property);
  Min(0, { message: 'must not be negative' })(target, property);
  Max(1_000_000, { message: 'must be at most 1 000 000' })(target, property);
};

@InputType()
export class ActionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each must be the id of an action type' })
  typeIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'must be a 4-digit municipality code, e.g. 1283' })
  municipalityCode?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a goal' })
  goalId?: string | null;

  @Field(() => [ActionStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(keys(ActionStatusEnum), {
    each: true,
    message: `each must be one of ${keys(ActionStatusEnum).join(', ')}`,
  })
  statuses?: ActionStatus[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM: actions running in or after this month' })
  @IsOptional()
  @Matches(MONTH, { message: 'must be a month YYYY-MM' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM: actions running in or before this month' })
  @IsOptional()
  @Matches(MONTH, { message: 'must be a month YYYY-MM' })
  to?: string | null;
}

@InputType()
export class OutcomeCountsInput {
  @Count() participants!: number;
  @Count() started!: number;
  @Count() completed!: number;
  @Count() employed!: number;
  @Count() employedPrivate!: number;
  @Count() studies!: number;
  @Count() otherOutcome!: number;
}

@InputType({ description: 'What an action is: shared by create and update.' })
export class ActionFields {
  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 4000, { message: 'must be at most 4 000 characters' })
  description?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an action type' })
  typeId!: string;

  @Field(() => [String], { description: 'e.g. "Utrikes födda kvinnor", "Unga 18–24"' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true, message: 'each target group is 1 to 100 characters' })
  targetGroups!: string[];

  @Field(() => [String], { description: 'Member municipalities where the action runs (4-digit codes).' })
  @IsArray()
  @ArrayMaxSize(290)
  @Matches(AREA_CODE, { each: true, message: 'each must be a 4-digit municipality code, e.g. 1283' })
  municipalityCodes!: string[];

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be the id of a goal' })
  goalIds!: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an organisation' })
  leadOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a user' })
  contactUserId?: string | null;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true, message: 'each partner is 1 to 200 characters' })
  partnerOrganizations!: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  startOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after startOn' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  endOn?: string | null;

  @Field(() => ActionStatusEnum)
  @oneOf(ActionStatusEnum)
  status!: ActionStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000, { message: 'must be at most 1 000 000' })
  plannedParticipants?: number | null;
}

@InputType()
export class CreateActionInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId!: string;

  @Field(() => ActionFields)
  @ValidateNested()
  @Type(() => ActionFields)
  fields!: ActionFields;
}

@InputType()
export class UpdateActionInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an action' })
  actionId!: string;

  @Field(() => Int, {
    description: 'The version you loaded; a newer edit by someone else is never overwritten.',
  })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => ActionFields)
  @ValidateNested()
  @Type(() => ActionFields)
  fields!: ActionFields;
}

@InputType()
export class OutcomeRowInput {
  @Field(() => String)
  @Matches(AREA_CODE, { message: 'must be a 4-digit municipality code, e.g. 1283' })
  municipalityCode!: string;

  @Field(() => String, { description: "'YYYY-MM' or 'YYYY-Www', as the collaboration reports" })
  @IsString()
  period!: string;

  @Field(() => OutcomeCountsInput)
  @ValidateNested()
  @Type(() => OutcomeCountsInput)
  counts!: OutcomeCountsInput;

  @Field(() => Int, {
    nullable: true,
    description:
      'The row’s version you loaded; null for a new row. An existing row without its current version is a conflict.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}

@InputType()
export class RecordOutcomesInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an action' })
  actionId!: string;

  @Field(() => [OutcomeRowInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'give at least one row' })
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => OutcomeRowInput)
  rows!: OutcomeRowInput[];
}

@InputType()
export class AddActionUpdateInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an action' })
  actionId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  date!: string;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 4000, { message: 'must be 1 to 4 000 characters' })
  text!: string;

  @Field(() => ActionStatusEnum, {
    nullable: true,
    description: 'Also changes the action’s status (and version).',
  })
  @IsOptional()
  @oneOf(ActionStatusEnum)
  statusChange?: ActionStatus | null;

  @Field(() => ActionConfidenceEnum, { nullable: true })
  @IsOptional()
  @oneOf(ActionConfidenceEnum)
  confidence?: ActionConfidence | null;
}

@InputType()
export class CreateActionTypeInput extends TenantInput {
  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  nameSv!: string;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  nameEn!: string;
}
