import { Injectable, inject } from '@angular/core';
import { CreateDecisionInput, UpdateDecisionInput } from '@kraftsamling/web/shared/graphql';
import {
  CreateDecisionGQL,
  DecisionGoalsGQL,
  DecisionsGQL,
  UpdateDecisionGQL,
} from '@kraftsamling/web/shared/graphql/decisions';
import { Observable, map } from 'rxjs';
import { Decision, DecisionGoal } from './models';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

export interface DecisionFilter {
  /** The deciding group; default the steering group. */
  groupId?: string | null;
  overdueOnly?: boolean;
}

/** Reads a group’s decision log and records and changes decisions (the API checks who may). */
@Injectable({ providedIn: 'root' })
export class DecisionService {
  private readonly decisionsQuery = inject(DecisionsGQL);
  private readonly goalsQuery = inject(DecisionGoalsGQL);
  private readonly createMutation = inject(CreateDecisionGQL);
  private readonly updateMutation = inject(UpdateDecisionGQL);

  /** Overdue first, then newest first (the API's order). */
  decisions(collaborationId: string, filter: DecisionFilter = {}): Observable<Decision[]> {
    return this.decisionsQuery
      .fetch({
        variables: {
          collaborationId,
          groupId: filter.groupId ?? null,
          overdueOnly: filter.overdueOnly ?? false,
        },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.decisions)));
  }

  /** The collaboration's goals a decision can be linked to. */
  goals(collaborationId: string): Observable<DecisionGoal[]> {
    return this.goalsQuery
      .fetch({ variables: { collaborationId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.goals)));
  }

  create(input: CreateDecisionInput): Observable<Decision> {
    return this.createMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createDecision)));
  }

  /** Refused with CONFLICT when someone else changed the decision since `expectedVersion`. */
  update(input: UpdateDecisionInput): Observable<Decision> {
    return this.updateMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.updateDecision)));
  }
}
