import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ACTION_STATUSES = ['PLANNED', 'ONGOING', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ActionStatusEnum = enumOf(ACTION_STATUSES);
export const ACTION_CONFIDENCES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
export type ActionConfidence = (typeof ACTION_CONFIDENCES)[number];
export const ActionConfidenceEnum = enumOf(ACTION_CONFIDENCES);
export const OUTCOME_PERIOD_KINDS = ['MONTH', 'WEEK'] as const;
export type OutcomePeriodKind = (typeof OUTCOME_PERIOD_KINDS)[number];
export const OutcomePeriodKindEnum = enumOf(OUTCOME_PERIOD_KINDS);
export const GROUP_ACTIVITY_KINDS = [
  'ACTION_CREATED',
  'ACTION_CHANGED',
  'OUTCOMES_RECORDED',
  'UPDATE_ADDED',
] as const;
export type GroupActivityKind = (typeof GROUP_ACTIVITY_KINDS)[number];
export const GroupActivityKindEnum = enumOf(GROUP_ACTIVITY_KINDS);

registerEnumType(ActionStatusEnum, { name: 'ActionStatus' });
registerEnumType(ActionConfidenceEnum, {
  name: 'ActionConfidence',
  description: 'How the group judges an action’s progress in its latest update.',
});
registerEnumType(OutcomePeriodKindEnum, {
  name: 'OutcomePeriodKind',
  description: 'How a collaboration reports outcomes: by month (YYYY-MM) or by ISO week (YYYY-Www).',
});
registerEnumType(GroupActivityKindEnum, { name: 'GroupActivityKind' });

@ObjectType('ActionType', {
  description: 'What kind of action: a built-in every collaboration has, or one its coordinator added.',
})
export class ActionTypeModel {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'In the request’s language (Accept-Language: sv by default, en).' })
  name!: string;
  @Field(() => String) nameSv!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => Boolean) builtIn!: boolean;
  collaborationId!: string | null;
}

@ObjectType('NamedRef')
export class NamedRefModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('MunicipalityRef')
export class MunicipalityRefModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType('ActionGoalRef')
export class ActionGoalRefModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}

@ObjectType('OutcomeCounts', {
  description:
    'Counts only, never data about a person. Summed over actions they are participations: one person may take part in several.',
})
export class OutcomeCountsModel {
  @Field(() => Int) participants!: number;
  @Field(() => Int) started!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int, { description: 'went to employment' }) employed!: number;
  @Field(() => Int, { description: 'of those who went to employment, in the private sector' })
  employedPrivate!: number;
  @Field(() => Int, { description: 'went to studies' }) studies!: number;
  @Field(() => Int) otherOutcome!: number;
}

@ObjectType('ActionOutcome', { description: 'An action’s outcome in one municipality and period.' })
export class ActionOutcomeModel {
  @Field(() => ID) actionId!: string;
  @Field(() => String) municipalityCode!: string;
  @Field(() => String, { description: "'YYYY-MM' (MONTH) or 'YYYY-Www', e.g. '2023-W42' (WEEK)" })
  period!: string;
  @Field(() => OutcomeCountsModel) counts!: OutcomeCountsModel;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) recordedByName!: string | null;
  @Field(() => String) recordedAt!: string;
}

@ObjectType('ActionUpdate', { description: 'A progress update in an action’s journal.' })
export class ActionUpdateModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) actionId!: string;
  @Field(() => String) actionTitle!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String) text!: string;
  @Field(() => String) authorName!: string;
  @Field(() => ActionStatusEnum, { nullable: true }) statusChange!: ActionStatus | null;
  @Field(() => ActionConfidenceEnum, { nullable: true }) confidence!: ActionConfidence | null;
  @Field(() => String) createdAt!: string;
  collaborationId!: string;
}

@ObjectType('ActionHistoryEntry', { description: 'Who changed what and when, from the audit log.' })
export class ActionHistoryEntryModel {
  @Field(() => String) at!: string;
  @Field(() => String) actorName!: string;
  @Field(() => String, { description: 'CREATED, CHANGED, OUTCOMES_RECORDED or UPDATE_ADDED' })
  change!: string;
  @Field(() => [String], {
    description: 'the fields changed; for outcomes, the municipality and period of each row',
  })
  fields!: string[];
}

@ObjectType('Action', {
  description: 'Something an operational group does (insats): a job track, a training, a fair.',
})
export class ActionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => String) groupName!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) targetGroups!: string[];
  @Field(() => NamedRefModel, { nullable: true, description: 'An organisation of the collaboration.' })
  leadOrganization!: NamedRefModel | null;
  @Field(() => NamedRefModel, { nullable: true, description: 'A member of the collaboration.' })
  contact!: NamedRefModel | null;
  @Field(() => [String], { description: 'Free text.' }) partnerOrganizations!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endOn!: string | null;
  @Field(() => ActionStatusEnum) status!: ActionStatus;
  @Field(() => Int, { nullable: true }) plannedParticipants!: number | null;
  @Field(() => ActionConfidenceEnum, {
    nullable: true,
    description: 'Of the latest update that set one.',
  })
  confidence!: ActionConfidence | null;
  @Field(() => OutcomeCountsModel, { description: 'Participations summed over all outcomes.' })
  totals!: OutcomeCountsModel;
  @Field(() => String, { description: 'ISO timestamp of the latest change, outcome or update.' })
  lastActivityAt!: string;
  @Field(() => Int) version!: number;
  typeId!: string;
  // The board's fields, read with the action by the same tenant-scoped statement (the
  // parent query's access rule covers them): plain fields, no resolver of their own.
  @Field(() => ActionTypeModel) type!: ActionTypeModel;
  @Field(() => [MunicipalityRefModel]) municipalities!: MunicipalityRefModel[];
  @Field(() => [ActionGoalRefModel]) goals!: ActionGoalRefModel[];
  // What the signed-in user may do with it, set by the resolver that returns the action
  // (ActionsResolver.present). A hint: every mutation checks the same rules again.
  @Field(() => Boolean, {
    description: 'Whether the signed-in user may change the action (its group’s member or the coordinator).',
  })
  viewerCanEdit!: boolean;
  @Field(() => [String], {
    description:
      'The municipality codes the signed-in user may record outcomes for on this action: all of its ' +
      'municipalities for its group and the coordinator, their own for a municipal editor where it runs.',
  })
  viewerCanRecordFor!: string[];
}

/** An action as the service reads it: everything but the signed-in user's hints. */
export type ActionRecord = Omit<ActionModel, 'viewerCanEdit' | 'viewerCanRecordFor'>;

@ObjectType('GroupActivityEvent', {
  description: 'Something happened in an operational group: sent live to those who have its page open.',
})
export class GroupActivityEventModel {
  @Field(() => GroupActivityKindEnum) kind!: GroupActivityKind;
  @Field(() => ID) collaborationId!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => ID) actionId!: string;
  @Field(() => String) actionTitle!: string;
  @Field(() => String) actorName!: string;
  @Field(() => String) at!: string;
  @Field(() => ActionUpdateModel, { nullable: true }) update!: ActionUpdateModel | null;
}
