import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { ExpectedVersion, TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import {
  CheckInAssessmentEnum,
  DecisionStatusEnum,
  GoalStateEnum,
  GoalTargetKindEnum,
  LevelDirectionEnum,
  LevelScopeEnum,
} from './models';

const AREA_CODE = /^[0-9]{4}$/;
const keys = (e: object) => Object.keys(e);
const oneOf = (e: object) => IsIn(keys(e), { message: `must be one of ${keys(e).join(', ')}` });

@InputType({ isAbstract: true })
abstract class GoalFields extends TenantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 4000, { message: 'must be at most 4 000 characters' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "utrikes födda kvinnor"' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 200, { message: 'must be at most 200 characters' })
  targetGroup?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Member municipalities in scope (4-digit codes); default every member municipality.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(290)
  @Matches(AREA_CODE, { each: true, message: 'each area code has 4 digits' })
  areaCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Contributing operational groups.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be the id of a group' })
  groupIds?: string[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  onTrackThreshold?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  atRiskThreshold?: number;
}

@InputType()
export class CreateGoalInput extends GoalFields {
  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => String, { description: 'The code of the indicator the goal is measured by.' })
  @IsString()
  @Length(1, 100)
  indicatorCode!: string;

  @Field(() => String, { description: 'The period whose values become the baselines, e.g. 2025-09.' })
  @IsString()
  baselinePeriod!: string;

  @Field(() => String, { description: 'The target date as a period of the indicator, e.g. 2027-09.' })
  @IsString()
  targetPeriod!: string;

  @Field(() => GoalTargetKindEnum)
  @oneOf(GoalTargetKindEnum)
  targetKind!: keyof typeof GoalTargetKindEnum;

  @Field(() => Float, {
    description: 'RELATIVE_CHANGE: a fraction (−0.5 halves); ABSOLUTE_CHANGE: units; LEVEL: the level.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e9)
  @Max(1e9)
  targetValue!: number;

  @Field(() => LevelDirectionEnum, { nullable: true })
  @IsOptional()
  @oneOf(LevelDirectionEnum)
  levelDirection?: keyof typeof LevelDirectionEnum | null;

  @Field(() => LevelScopeEnum, { nullable: true })
  @IsOptional()
  @oneOf(LevelScopeEnum)
  levelScope?: keyof typeof LevelScopeEnum | null;
}

@InputType({
  description:
    'Changes to a goal. What the goal measures (indicator, baseline period, target) changes only in a draft.',
})
export class UpdateGoalInput extends GoalFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a goal' })
  goalId!: string;

  @ExpectedVersion()
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  indicatorCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  baselinePeriod?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  targetPeriod?: string;

  @Field(() => GoalTargetKindEnum, { nullable: true })
  @IsOptional()
  @oneOf(GoalTargetKindEnum)
  targetKind?: keyof typeof GoalTargetKindEnum;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e9)
  @Max(1e9)
  targetValue?: number;

  @Field(() => LevelDirectionEnum, { nullable: true })
  @IsOptional()
  @oneOf(LevelDirectionEnum)
  levelDirection?: keyof typeof LevelDirectionEnum | null;

  @Field(() => LevelScopeEnum, { nullable: true })
  @IsOptional()
  @oneOf(LevelScopeEnum)
  levelScope?: keyof typeof LevelScopeEnum | null;
}

@InputType()
export class GoalVersionInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a goal' })
  goalId!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}

@InputType()
export class SetGoalStatusInput extends GoalVersionInput {
  @Field(() => GoalStateEnum, { description: 'ACHIEVED, MISSED or CLOSED (or ACTIVE again)' })
  @IsIn(['ACTIVE', 'ACHIEVED', 'MISSED', 'CLOSED'], {
    message: 'must be one of ACTIVE, ACHIEVED, MISSED, CLOSED',
  })
  status!: keyof typeof GoalStateEnum;
}

@InputType({ description: 'Sets new baselines: an explicit decision, recorded with its reason.' })
export class RebaselineGoalInput extends GoalVersionInput {
  @Field(() => [String], { nullable: true, description: 'The members to re-baseline; default all in scope.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(290)
  @Matches(AREA_CODE, { each: true, message: 'each area code has 4 digits' })
  areaCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Read the new baselines at this period (default: the goal’s baseline period, re-read).',
  })
  @IsOptional()
  @IsString()
  baselinePeriod?: string | null;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(3, 2000, { message: 'say why, in 3 to 2 000 characters' })
  reason!: string;
}

@InputType()
export class AddGoalCheckInInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a goal' })
  goalId!: string;

  @Field(() => String, { description: 'The meeting date, YYYY-MM-DD.' })
  @IsDateString({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  heldOn!: string;

  @Field(() => CheckInAssessmentEnum)
  @oneOf(CheckInAssessmentEnum)
  assessment!: keyof typeof CheckInAssessmentEnum;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 4000, { message: 'must be at most 4 000 characters' })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 4000, { message: 'must be at most 4 000 characters' })
  nextSteps?: string | null;
}

@InputType({ isAbstract: true })
abstract class DecisionFields extends TenantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 4000, { message: 'must be at most 4 000 characters' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member who owes it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a person' })
  ownerUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member organisation that owes it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an organisation' })
  ownerOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  dueOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The goal the decision serves.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a goal' })
  goalId?: string | null;
}

@InputType()
export class CreateDecisionInput extends DecisionFields {
  @Field(() => ID, { nullable: true, description: 'The deciding group; default the steering group.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a group' })
  groupId?: string | null;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  decidedOn!: string;
}

@InputType()
export class UpdateDecisionInput extends DecisionFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a decision' })
  decisionId!: string;

  @ExpectedVersion()
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  title?: string;

  @Field(() => DecisionStatusEnum, { nullable: true })
  @IsOptional()
  @oneOf(DecisionStatusEnum)
  status?: keyof typeof DecisionStatusEnum;
}
