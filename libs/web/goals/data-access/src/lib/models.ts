import { Permission } from '@kraftsamling/shared/permissions';
import { can } from '@kraftsamling/web/collaborations/data-access';
import type {
  CheckInAssessment,
  CreateGoalMutation,
  GoalBaselinePreviewQuery,
  GoalDecisionsQuery,
  GoalFlag,
  GoalQuery,
  GoalRecordsQuery,
  GoalState,
  GoalTargetKind,
  GoalsQuery,
  ProgressStatus,
} from '@kraftsamling/web/shared/graphql';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

export type GoalSummary = GoalsQuery['goals'][number];
export type GoalDetail = GoalQuery['goal'];
export type GoalWritten = CreateGoalMutation['createGoal'];
export type GoalRecords = GoalRecordsQuery['goal'];
export type GoalCheckIn = GoalRecords['checkIns'][number];
export type BaselineChange = GoalRecords['baselineChanges'][number];
export type GoalDecision = GoalDecisionsQuery['decisions'][number];
export type PreviewMember = GoalBaselinePreviewQuery['goalBaselinePreview'][number];
export type GoalProgressDetail = NonNullable<GoalDetail['progress']>;
export type MemberProgress = GoalProgressDetail['members'][number];
export type SummaryProgress = NonNullable<GoalSummary['progress']>;
export type MemberStanding = SummaryProgress['members'][number];

/**
 * A figure that may be only a range: `value` is set only when exact; `low` always; `high`
 * unless only a low end is known ("at least 12").
 */
export interface Quantity {
  value: number | null;
  low: number;
  high: number | null;
}

export const GOAL_STATES: readonly GoalState[] = ['DRAFT', 'ACTIVE', 'ACHIEVED', 'MISSED', 'CLOSED'];
export const TARGET_KINDS: readonly GoalTargetKind[] = ['RELATIVE_CHANGE', 'LEVEL', 'ABSOLUTE_CHANGE'];
export const CHECK_IN_ASSESSMENTS: readonly CheckInAssessment[] = [
  'ON_TRACK',
  'AT_RISK',
  'OFF_TRACK',
  'ACHIEVED',
  'UNCERTAIN',
];
/** The states an active goal can be closed with, and back. */
export const CLOSING_STATES: readonly GoalState[] = ['ACHIEVED', 'MISSED', 'CLOSED'];

/** The status defaults (docs: metrics), used when a goal does not set its own. */
export const DEFAULT_ON_TRACK_THRESHOLD = -0.05;
export const DEFAULT_AT_RISK_THRESHOLD = -0.2;

/** What the user may do with goals in a collaboration, from `myPermissions` (the API checks again). */
export interface GoalPermissions {
  canRead: boolean;
  /** create, edit, activate, re-baseline, change status and check in */
  canManage: boolean;
}

export function goalPermissions(permissions: readonly string[] | null | undefined): GoalPermissions {
  return {
    canRead: can(permissions, Permission.GoalRead),
    canManage: can(permissions, Permission.GoalManage),
  };
}

/** How far behind a status is, for ordering: off track first, then at risk, then the rest. */
const STATUS_RANK: Readonly<Record<ProgressStatus, number>> = {
  OFF_TRACK: 0,
  AT_RISK: 1,
  UNCERTAIN: 2,
  NO_STATUS: 3,
  ON_TRACK: 4,
  ACHIEVED: 5,
};

export function statusRank(status: ProgressStatus): number {
  return STATUS_RANK[status];
}

/** The lower end of a figure: the conservative reading of a gap known only as a range. */
export function lowEnd(quantity: Quantity | null | undefined): number | null {
  return quantity ? (quantity.value ?? quantity.low) : null;
}

/**
 * The members furthest behind the straight path: those off track or at risk, the largest
 * gap (in units of the planned change) first. Members on track are never listed as behind.
 */
export function furthestBehind<T extends Pick<MemberStanding, 'status' | 'gap' | 'areaName'>>(
  members: readonly T[],
  count = 3,
): T[] {
  return members
    .filter((member) => member.status === 'OFF_TRACK' || member.status === 'AT_RISK')
    .sort(
      (a, b) =>
        statusRank(a.status) - statusRank(b.status) ||
        (lowEnd(a.gap) ?? 0) - (lowEnd(b.gap) ?? 0) ||
        compareSwedish(a.areaName, b.areaName),
    )
    .slice(0, count);
}

/** Flags that say a member's figure is to be read with care, in the order the table lists them. */
export const FLAG_ORDER: readonly GoalFlag[] = [
  'NO_BASELINE',
  'BOUNDED_BASELINE',
  'BOUNDED_LATEST',
  'INCOMPLETE',
  'NO_RECENT_VALUE',
  'BASELINE_MET_TARGET',
  'NO_PLANNED_CHANGE',
  'PAST_TARGET_DATE',
];

export function orderedFlags(flags: readonly GoalFlag[]): GoalFlag[] {
  return FLAG_ORDER.filter((flag) => flags.includes(flag));
}
