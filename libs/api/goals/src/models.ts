import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  isBounded,
  upperEnd,
  type GoalFlag,
  type GoalStatus,
  type Measure,
} from '@kraftsamling/shared/metrics';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const GOAL_STATES = ['DRAFT', 'ACTIVE', 'ACHIEVED', 'MISSED', 'CLOSED'] as const;
export type GoalState = (typeof GOAL_STATES)[number];
export const GoalStateEnum = enumOf(GOAL_STATES);
export const GoalTargetKindEnum = enumOf(['RELATIVE_CHANGE', 'ABSOLUTE_CHANGE', 'LEVEL'] as const);
export const LevelDirectionEnum = enumOf(['AT_MOST', 'AT_LEAST'] as const);
export const LevelScopeEnum = enumOf(['MEMBERS', 'COLLABORATION', 'BOTH'] as const);
export const ProgressStatusEnum = enumOf([
  'ACHIEVED',
  'ON_TRACK',
  'AT_RISK',
  'OFF_TRACK',
  'UNCERTAIN',
  'NO_STATUS',
] as const satisfies readonly GoalStatus[]);
export const GoalFlagEnum = enumOf([
  'NO_BASELINE',
  'BOUNDED_BASELINE',
  'NO_PLANNED_CHANGE',
  'BASELINE_MET_TARGET',
  'NO_RECENT_VALUE',
  'BOUNDED_LATEST',
  'PAST_TARGET_DATE',
  'INCOMPLETE',
] as const satisfies readonly (GoalFlag | 'INCOMPLETE')[]);
export const CheckInAssessmentEnum = enumOf([
  'ON_TRACK',
  'AT_RISK',
  'OFF_TRACK',
  'ACHIEVED',
  'UNCERTAIN',
] as const);
export const DecisionStatusEnum = enumOf(['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const);
export const BaselineChangeKindEnum = enumOf(['FROZEN', 'REBASELINED'] as const);

registerEnumType(GoalStateEnum, { name: 'GoalState', description: 'Where a goal is in its life.' });
registerEnumType(GoalTargetKindEnum, { name: 'GoalTargetKind' });
registerEnumType(LevelDirectionEnum, { name: 'LevelDirection' });
registerEnumType(LevelScopeEnum, {
  name: 'LevelScope',
  description: 'Whom a level target applies to: each member, the collaboration as a whole, or both.',
});
registerEnumType(ProgressStatusEnum, { name: 'ProgressStatus' });
registerEnumType(GoalFlagEnum, {
  name: 'GoalFlag',
  description: 'Why a figure is missing or to be read with care.',
});
registerEnumType(CheckInAssessmentEnum, { name: 'CheckInAssessment' });
registerEnumType(DecisionStatusEnum, { name: 'DecisionStatus' });
registerEnumType(BaselineChangeKindEnum, { name: 'BaselineChangeKind' });

@ObjectType('Quantity', {
  description:
    'A figure that may be only a range (a "<5" count, or a sum that includes one): value is set only when exact; low always; high unless the range has no high end ("at least 12").',
})
export class QuantityModel {
  @Field(() => Float, { nullable: true, description: 'The exact figure; null when it is only a range.' })
  value!: number | null;
  @Field(() => Float) low!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The high end; equal to low when exact, null when only a low end is known.',
  })
  high!: number | null;
}

export const quantity = (measure: Measure | null): QuantityModel | null =>
  measure === null
    ? null
    : { value: isBounded(measure) ? null : measure.lo, low: measure.lo, high: upperEnd(measure) };

@ObjectType('Goal', { description: 'A shared target of a collaboration, owned by its steering group.' })
export class GoalModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. foreign-born women' }) targetGroup!:
    string | null;
  @Field(() => String, { description: 'The code of the indicator the goal is measured by.' })
  indicatorCode!: string;
  @Field(() => String) baselinePeriod!: string;
  @Field(() => String) targetPeriod!: string;
  @Field(() => GoalTargetKindEnum) targetKind!: keyof typeof GoalTargetKindEnum;
  @Field(() => Float, {
    description: 'RELATIVE_CHANGE: a fraction (−0.5 halves); ABSOLUTE_CHANGE: units; LEVEL: the level.',
  })
  targetValue!: number;
  @Field(() => LevelDirectionEnum, { nullable: true }) levelDirection!:
    keyof typeof LevelDirectionEnum | null;
  @Field(() => LevelScopeEnum, { nullable: true }) levelScope!: keyof typeof LevelScopeEnum | null;
  @Field(() => Float, { description: 'Gap at or above which a member is on track (default −0.05).' })
  onTrackThreshold!: number;
  @Field(() => Float, { description: 'Gap at or above which a member is at risk (default −0.20).' })
  atRiskThreshold!: number;
  @Field(() => GoalStateEnum) status!: GoalState;
  @Field(() => Date, { nullable: true }) activatedAt!: Date | null;
  @Field(() => [ID], { description: 'The operational groups that contribute.' }) groupIds!: string[];
  @Field(() => Int) version!: number;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('GoalMember', { description: 'A member municipality in a goal’s scope and its frozen baseline.' })
export class GoalMemberModel {
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => Boolean, { description: 'false: the member has left the goal; its figures no longer count.' })
  inScope!: boolean;
  @Field(() => QuantityModel, { nullable: true, description: 'null: no value at the baseline period.' })
  baseline!: QuantityModel | null;
  @Field(() => ID, { nullable: true }) baselineBatchId!: string | null;
  @Field(() => String, { nullable: true }) baselinePublishedAt!: string | null;
  @Field(() => Boolean) baselinePreliminary!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the baseline was frozen; null in a draft.' })
  baselineFrozenAt!: Date | null;
}

@ObjectType('GoalBaselineChange', {
  description: 'A baseline frozen on activation or changed by a re-baseline.',
})
export class GoalBaselineChangeModel {
  @Field(() => ID) id!: string;
  @Field(() => String) areaCode!: string;
  @Field(() => BaselineChangeKindEnum) kind!: keyof typeof BaselineChangeKindEnum;
  @Field(() => QuantityModel, { nullable: true }) oldValue!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true }) newValue!: QuantityModel | null;
  @Field(() => String) baselinePeriod!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) changedByName!: string | null;
  @Field(() => Date) changedAt!: Date;
}

@ObjectType('GoalCheckIn', { description: 'The steering group’s own assessment of a goal at a meeting.' })
export class GoalCheckInModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) goalId!: string;
  @Field(() => String) heldOn!: string;
  @Field(() => CheckInAssessmentEnum) assessment!: keyof typeof CheckInAssessmentEnum;
  @Field(() => ProgressStatusEnum, { nullable: true, description: 'The computed status at the time.' })
  computedStatus!: GoalStatus | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => String, { nullable: true }) nextSteps!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Progress', { description: 'Progress of one member, or of the collaboration, toward a goal.' })
export class ProgressModel {
  @Field(() => String, { nullable: true, description: 'null for the collaboration as a whole' })
  areaCode!: string | null;
  @Field(() => String) areaName!: string;
  @Field(() => QuantityModel, { nullable: true }) baseline!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true }) target!: QuantityModel | null;
  @Field(() => String, { nullable: true }) latestPeriod!: string | null;
  @Field(() => QuantityModel, { nullable: true }) latest!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true, description: 'latest − baseline' })
  change!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true, description: '(latest − baseline) / baseline, a fraction' })
  relativeChange!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true, description: 'The value expected now on the straight path.' })
  expected!: QuantityModel | null;
  @Field(() => QuantityModel, { nullable: true, description: 'Share of the planned change achieved.' })
  progress!: QuantityModel | null;
  @Field(() => Float, { nullable: true, description: 'Share of the time to the target date gone.' })
  expectedProgress!: number | null;
  @Field(() => QuantityModel, {
    nullable: true,
    description: 'Behind (negative) or ahead of the path, in units of the planned change.',
  })
  gap!: QuantityModel | null;
  @Field(() => ProgressStatusEnum) status!: GoalStatus;
  @Field(() => QuantityModel, {
    nullable: true,
    description: 'The recent trend extended to the target date.',
  })
  projection!: QuantityModel | null;
  @Field(() => [GoalFlagEnum]) flags!: string[];
  @Field(() => Int, {
    nullable: true,
    description: 'For the collaboration: members with a value in the latest period.',
  })
  included!: number | null;
  @Field(() => [Float], {
    nullable: 'items',
    description: 'The series, aligned with GoalProgress.periods; null where none or only a range.',
  })
  values!: (number | null)[];
  @Field(() => [Float], { nullable: 'items', description: 'Low end where the value is only a range.' })
  lowerBounds!: (number | null)[];
  @Field(() => [Float], { nullable: 'items', description: 'High end where the value is only a range.' })
  upperBounds!: (number | null)[];
}

@ObjectType('GoalProgress', {
  description: 'A goal’s progress for the collaboration and every member in scope.',
})
export class GoalProgressModel {
  @Field(() => ID) goalId!: string;
  @Field(() => String, { nullable: true, description: 'The latest period of the indicator with any value.' })
  asOf!: string | null;
  @Field(() => [String]) periods!: string[];
  @Field(() => ProgressModel) collaboration!: ProgressModel;
  @Field(() => [ProgressModel]) members!: ProgressModel[];
}

@ObjectType('Decision', { description: 'An entry of a group’s decision log.' })
export class DecisionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String) decidedOn!: string;
  @Field(() => ID, { nullable: true }) ownerUserId!: string | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => ID, { nullable: true }) ownerOrganizationId!: string | null;
  @Field(() => String, { nullable: true }) ownerOrganizationName!: string | null;
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => DecisionStatusEnum) status!: keyof typeof DecisionStatusEnum;
  @Field(() => Boolean, { description: 'Open or in progress past its due date.' }) overdue!: boolean;
  @Field(() => ID, { nullable: true }) goalId!: string | null;
  @Field(() => Int) version!: number;
}
