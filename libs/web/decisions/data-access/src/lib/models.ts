import type { CollaborationDetail } from '@kraftsamling/web/collaborations/data-access';
import type {
  CreateDecisionInput,
  DecisionGoalsQuery,
  DecisionStatus,
  DecisionsQuery,
  UpdateDecisionInput,
} from '@kraftsamling/web/shared/graphql';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

export type Decision = DecisionsQuery['decisions'][number];
export type DecisionGoal = DecisionGoalsQuery['goals'][number];
export type { DecisionStatus };

/** The statuses in the order a decision moves through them. */
export const DECISION_STATUSES: readonly DecisionStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

/** The API's limits on a decision's texts, checked in the form before sending. */
export const DECISION_LIMITS = { title: 300, description: 4000 } as const;

/** Who owes the decision: a person, an organisation, or both ("Name, Organisation"); null for nobody. */
export function decisionOwner(
  decision: Pick<Decision, 'ownerName' | 'ownerOrganizationName'>,
): string | null {
  const parts = [decision.ownerName, decision.ownerOrganizationName].filter((part): part is string => !!part);
  return parts.length ? parts.join(', ') : null;
}

export interface OwnerChoice {
  id: string;
  name: string;
}

/**
 * Who a decision can be given to: the people in the collaboration's groups (each once) and
 * its member organisations, by name. A pending invitation has no user yet and cannot owe anything.
 */
export function ownerChoices(collaboration: Pick<CollaborationDetail, 'groups' | 'organizations'>): {
  people: OwnerChoice[];
  organizations: OwnerChoice[];
} {
  const people = new Map<string, OwnerChoice>();
  for (const group of collaboration.groups)
    for (const member of group.members)
      if (member.user && !people.has(member.user.id))
        people.set(member.user.id, { id: member.user.id, name: member.user.name });
  const byName = (a: OwnerChoice, b: OwnerChoice) => compareSwedish(a.name, b.name);
  return {
    people: [...people.values()].sort(byName),
    organizations: collaboration.organizations.map(({ id, name }) => ({ id, name })).sort(byName),
  };
}

/** What the decision form holds; empty optional fields are null. */
export interface DecisionDraft {
  title: string;
  description: string | null;
  decidedOn: string;
  dueOn: string | null;
  status: DecisionStatus;
  ownerUserId: string | null;
  ownerOrganizationId: string | null;
  goalId: string | null;
}

/** A new decision for the collaboration's steering group (the API's default group). */
export function createDecisionInput(
  collaborationId: string,
  draft: DecisionDraft,
  groupId: string | null = null,
): CreateDecisionInput {
  return {
    collaborationId,
    ...(groupId ? { groupId } : {}),
    title: draft.title.trim(),
    description: draft.description?.trim() || null,
    decidedOn: draft.decidedOn,
    dueOn: draft.dueOn,
    ownerUserId: draft.ownerUserId,
    ownerOrganizationId: draft.ownerOrganizationId,
    goalId: draft.goalId,
  };
}

/**
 * The changes to a decision: every editable field as the form holds it (the decision date is
 * fixed once recorded), checked against the version the user loaded so a concurrent edit is
 * refused as a conflict rather than overwritten.
 */
export function updateDecisionInput(decision: Decision, draft: DecisionDraft): UpdateDecisionInput {
  return {
    collaborationId: decision.collaborationId,
    decisionId: decision.id,
    expectedVersion: decision.version,
    title: draft.title.trim(),
    description: draft.description?.trim() || null,
    dueOn: draft.dueOn,
    status: draft.status,
    ownerUserId: draft.ownerUserId,
    ownerOrganizationId: draft.ownerOrganizationId,
    goalId: draft.goalId,
  };
}

/** A date as the API takes it (YYYY-MM-DD), in the user's own calendar day. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
