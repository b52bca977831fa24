import { Injectable, inject } from '@angular/core';
import {
  AddGoalCheckInInput,
  CreateGoalInput,
  GoalState,
  GoalVersionInput,
  RebaselineGoalInput,
  SetGoalStatusInput,
  UpdateGoalInput,
} from '@kraftsamling/web/shared/graphql';
import {
  ActivateGoalGQL,
  AddGoalCheckInGQL,
  CreateGoalGQL,
  GoalBaselinePreviewGQL,
  GoalDecisionsGQL,
  GoalGQL,
  GoalRecordsGQL,
  GoalsGQL,
  RebaselineGoalGQL,
  SetGoalStatusGQL,
  UpdateGoalGQL,
} from '@kraftsamling/web/shared/graphql/goals';
import { Observable, map } from 'rxjs';
import {
  GoalCheckIn,
  GoalDecision,
  GoalDetail,
  GoalRecords,
  GoalSummary,
  GoalWritten,
  PreviewMember,
} from './models';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

/**
 * Reads a collaboration's goals, their progress, check-ins, baseline history and linked
 * decisions, and writes goals. Pages always ask the server (`no-cache`): progress
 * changes with every import, and the API caches it itself.
 */
@Injectable({ providedIn: 'root' })
export class GoalService {
  private readonly goalsQuery = inject(GoalsGQL);
  private readonly goalQuery = inject(GoalGQL);
  private readonly recordsQuery = inject(GoalRecordsGQL);
  private readonly decisionsQuery = inject(GoalDecisionsGQL);
  private readonly previewQuery = inject(GoalBaselinePreviewGQL);
  private readonly createMutation = inject(CreateGoalGQL);
  private readonly updateMutation = inject(UpdateGoalGQL);
  private readonly activateMutation = inject(ActivateGoalGQL);
  private readonly rebaselineMutation = inject(RebaselineGoalGQL);
  private readonly statusMutation = inject(SetGoalStatusGQL);
  private readonly checkInMutation = inject(AddGoalCheckInGQL);

  /** The collaboration's goals: active first, then drafts, then the rest. */
  goals(collaborationId: string, states: readonly GoalState[] | null = null): Observable<GoalSummary[]> {
    return this.goalsQuery
      .fetch({
        variables: { collaborationId, states: states ? [...states] : null },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.goals)));
  }

  goal(collaborationId: string, id: string): Observable<GoalDetail> {
    return this.goalQuery
      .fetch({ variables: { collaborationId, id }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.goal)));
  }

  /** Check-ins and the history of the baselines. */
  records(collaborationId: string, id: string): Observable<GoalRecords> {
    return this.recordsQuery
      .fetch({ variables: { collaborationId, id }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.goal)));
  }

  /** The decisions that serve the goal: overdue first, then newest first. */
  decisions(collaborationId: string, goalId: string): Observable<GoalDecision[]> {
    return this.decisionsQuery
      .fetch({ variables: { collaborationId, goalId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.decisions)));
  }

  /** The baselines activation would freeze now (nothing is written). */
  baselinePreview(
    collaborationId: string,
    indicatorCode: string,
    baselinePeriod: string,
    areaCodes: readonly string[] | null,
  ): Observable<PreviewMember[]> {
    return this.previewQuery
      .fetch({
        variables: {
          collaborationId,
          indicatorCode,
          baselinePeriod,
          areaCodes: areaCodes ? [...areaCodes] : null,
        },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.goalBaselinePreview)));
  }

  create(input: CreateGoalInput): Observable<GoalWritten> {
    return this.createMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createGoal)));
  }

  update(input: UpdateGoalInput): Observable<GoalWritten> {
    return this.updateMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.updateGoal)));
  }

  /** Freezes every member's baseline and makes the goal active. */
  activate(input: GoalVersionInput): Observable<GoalWritten> {
    return this.activateMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.activateGoal)));
  }

  rebaseline(input: RebaselineGoalInput): Observable<GoalWritten> {
    return this.rebaselineMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.rebaselineGoal)));
  }

  setStatus(input: SetGoalStatusInput): Observable<GoalWritten> {
    return this.statusMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.setGoalStatus)));
  }

  addCheckIn(input: AddGoalCheckInInput): Observable<GoalCheckIn> {
    return this.checkInMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.addGoalCheckIn)));
  }
}
