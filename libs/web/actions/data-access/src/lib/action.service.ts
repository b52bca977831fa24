import { Injectable, inject } from '@angular/core';
import {
  AddActionUpdateInput,
  CreateActionInput,
  CreateActionTypeInput,
  GroupActivitySubscription,
  RecordOutcomesInput,
  UpdateActionInput,
} from '@kraftsamling/web/shared/graphql';
import {
  ActionDetailGQL,
  ActionFormChoicesGQL,
  AddActionUpdateGQL,
  CreateActionGQL,
  CreateActionTypeGQL,
  GoalActionsGQL,
  GroupActionsGQL,
  GroupActivityGQL,
  GroupGoalsGQL,
  RecordOutcomesGQL,
  UpdateActionGQL,
} from '@kraftsamling/web/shared/graphql/actions';
import { Observable, filter, map } from 'rxjs';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

export type GroupActivity = GroupActivitySubscription['groupActivity'];

/**
 * Reads and writes an operational group's actions, their outcomes and progress updates, and
 * follows the group's activity live. The API decides who may do what; this only asks.
 */
@Injectable({ providedIn: 'root' })
export class ActionService {
  private readonly groupActionsQuery = inject(GroupActionsGQL);
  private readonly goalActionsQuery = inject(GoalActionsGQL);
  private readonly groupGoalsQuery = inject(GroupGoalsGQL);
  private readonly detailQuery = inject(ActionDetailGQL);
  private readonly choicesQuery = inject(ActionFormChoicesGQL);
  private readonly createMutation = inject(CreateActionGQL);
  private readonly updateMutation = inject(UpdateActionGQL);
  private readonly outcomesMutation = inject(RecordOutcomesGQL);
  private readonly updateEntryMutation = inject(AddActionUpdateGQL);
  private readonly typeMutation = inject(CreateActionTypeGQL);
  private readonly activitySubscription = inject(GroupActivityGQL);

  /** The group's actions, its recent updates (newest first) and the action types. */
  group(collaborationId: string, groupId: string) {
    return this.groupActionsQuery
      .fetch({ variables: { collaborationId, groupId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data)));
  }

  /** The collaboration's active goals with their status. */
  goals(collaborationId: string) {
    return this.groupGoalsQuery
      .fetch({ variables: { collaborationId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.goals)));
  }

  /** The actions that serve a goal. */
  forGoal(collaborationId: string, goalId: string) {
    return this.goalActionsQuery
      .fetch({ variables: { collaborationId, goalId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.actions)));
  }

  /** One action with its outcomes, updates and history, and how the collaboration reports periods. */
  action(collaborationId: string, actionId: string) {
    return this.detailQuery
      .fetch({ variables: { collaborationId, actionId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data)));
  }

  /** The types and goals the action form offers. */
  formChoices(collaborationId: string) {
    return this.choicesQuery
      .fetch({ variables: { collaborationId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data)));
  }

  create(input: CreateActionInput) {
    return this.createMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createAction)));
  }

  /** Refused with CONFLICT (the newer action in the error) when someone changed it since `input.version`. */
  update(input: UpdateActionInput) {
    return this.updateMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.updateAction)));
  }

  /** All rows or none; the action's outcomes after the write. */
  recordOutcomes(input: RecordOutcomesInput) {
    return this.outcomesMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.recordOutcomes)));
  }

  addUpdate(input: AddActionUpdateInput) {
    return this.updateEntryMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.addActionUpdate)));
  }

  createType(input: CreateActionTypeInput) {
    return this.typeMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createActionType)));
  }

  /** What others do in the group while the page is open (over a websocket, opened on subscribe). */
  activity(collaborationId: string, groupId: string): Observable<GroupActivity> {
    return this.activitySubscription.subscribe({ variables: { collaborationId, groupId } }).pipe(
      map((result) => result.data?.groupActivity),
      filter((event): event is GroupActivity => !!event),
    );
  }
}
