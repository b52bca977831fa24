import { comparePeriods, isPeriodCode, periodBounds } from '@kraftsamling/shared/periods';
import type {
  ActionConfidence,
  ActionDetailQuery,
  ActionFields,
  ActionStatus,
  GroupActionsQuery,
  GroupGoalsQuery,
  OutcomeCountsInput,
  OutcomePeriodKind,
} from '@kraftsamling/web/shared/graphql';

export type ActionSummary = GroupActionsQuery['actions'][number];
export type ActionDetail = ActionDetailQuery['action'];
export type ActionUpdate = GroupActionsQuery['groupFeed'][number];
export type ActionType = GroupActionsQuery['actionTypes'][number];
export type ActionOutcome = ActionDetail['outcomes'][number];
export type GroupGoal = GroupGoalsQuery['goals'][number];
export type { ActionConfidence, ActionStatus, OutcomePeriodKind };

/** The statuses in the order an action moves through them: the board's columns. */
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'PLANNED',
  'ONGOING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
];

export const ACTION_CONFIDENCES: readonly ActionConfidence[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'];

/** The counts recorded per action, municipality and period, in the order the grid shows them. */
export const OUTCOME_MEASURES = [
  'participants',
  'started',
  'completed',
  'employed',
  'employedPrivate',
  'studies',
  'otherOutcome',
] as const satisfies readonly (keyof OutcomeCountsInput)[];
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** The API's limits on an action's texts, checked in the form before sending. */
export const ACTION_LIMITS = { title: 200, description: 4000, update: 4000, listItem: 200 } as const;

/** What the table and board can be narrowed to; every part is optional and kept in the address. */
export interface ActionFilter {
  typeId?: string | null;
  municipalityCode?: string | null;
  goalId?: string | null;
  status?: ActionStatus | null;
  /** YYYY-MM: only actions running at some time from this month… */
  from?: string | null;
  /** …to this month. */
  to?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filter from the page's query parameters; anything malformed is left out, not guessed. */
export function filterFromParams(params: Readonly<Record<string, string | undefined>>): ActionFilter {
  const status = params['status'];
  return {
    typeId: params['typ'] || null,
    municipalityCode: /^\d{4}$/.test(params['kommun'] ?? '') ? params['kommun'] : null,
    goalId: params['mal'] || null,
    status: (ACTION_STATUSES as readonly string[]).includes(status ?? '') ? (status as ActionStatus) : null,
    from: MONTH.test(params['fran'] ?? '') ? params['fran'] : null,
    to: MONTH.test(params['till'] ?? '') ? params['till'] : null,
  };
}

/** The query parameters of a filter (null drops a parameter from the address). */
export function filterToParams(filter: ActionFilter): Record<string, string | null> {
  return {
    typ: filter.typeId || null,
    kommun: filter.municipalityCode || null,
    mal: filter.goalId || null,
    status: filter.status || null,
    fran: filter.from || null,
    till: filter.to || null,
  };
}

/**
 * Whether an action runs at some time in [from, to] (months, inclusive). An action without a
 * start has not been scheduled and is shown whatever the span; one without an end runs on.
 */
export function runsWithin(
  action: Pick<ActionSummary, 'startOn' | 'endOn'>,
  from?: string | null,
  to?: string | null,
): boolean {
  if (!action.startOn) return true;
  if (to && action.startOn > periodBounds(to).end) return false;
  if (from && action.endOn && action.endOn < periodBounds(from).start) return false;
  return true;
}

export function filterActions<T extends ActionSummary>(actions: readonly T[], filter: ActionFilter): T[] {
  return actions.filter(
    (action) =>
      (!filter.typeId || action.type.id === filter.typeId) &&
      (!filter.municipalityCode || action.municipalities.some((m) => m.code === filter.municipalityCode)) &&
      (!filter.goalId || action.goals.some((goal) => goal.id === filter.goalId)) &&
      (!filter.status || action.status === filter.status) &&
      runsWithin(action, filter.from, filter.to),
  );
}

/** The board: one column per status, in ACTION_STATUSES order, each newest activity first. */
export function boardColumns<T extends ActionSummary>(
  actions: readonly T[],
): { status: ActionStatus; actions: T[] }[] {
  return ACTION_STATUSES.map((status) => ({
    status,
    actions: actions
      .filter((action) => action.status === status)
      .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt)),
  }));
}

export interface TimelineBar<T> {
  action: T;
  /** where the bar starts and how long it is, in per cent of the timeline's width */
  offset: number;
  width: number;
  /** the bar runs on past the timeline's end (no end date) */
  open: boolean;
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * The timeline: scheduled actions as bars between their start and end date over the span
 * from the earliest start to the latest end (or `today` for actions that run on), earliest
 * first. Actions without a start date are not on it (the table lists them).
 */
export function timeline<T extends ActionSummary>(
  actions: readonly T[],
  today: string,
): { start: string; end: string; bars: TimelineBar<T>[] } | null {
  const scheduled = actions.filter((action) => !!action.startOn);
  if (!scheduled.length) return null;
  const start = scheduled.map((a) => a.startOn!).reduce((a, b) => (a < b ? a : b));
  const end = scheduled.map((a) => a.endOn ?? today).reduce((a, b) => (a > b ? a : b), today);
  const span = Math.max(1, days(end) - days(start));
  const bars = [...scheduled]
    .sort((a, b) => a.startOn!.localeCompare(b.startOn!) || a.title.localeCompare(b.title, 'sv'))
    .map((action) => {
      const from = days(action.startOn!) - days(start);
      const to = days(action.endOn ?? end) - days(start);
      return {
        action,
        offset: (from / span) * 100,
        width: Math.max(1, ((to - from) / span) * 100),
        open: !action.endOn,
      };
    });
  return { start, end, bars };
}

export interface OutcomeGrid {
  periods: string[];
  rows: { code: string; name: string; cells: (number | null)[]; total: number }[];
  totals: (number | null)[];
  total: number;
}

/**
 * One measure of an action's outcomes as municipality × period: every municipality the action
 * runs in (and any that has outcomes from before it was removed), every period with outcomes,
 * earliest first; an empty cell is null (nothing recorded), not 0.
 */
export function outcomeGrid(
  action: Pick<ActionDetail, 'municipalities' | 'outcomes'>,
  measure: OutcomeMeasure,
): OutcomeGrid {
  const periods = [...new Set(action.outcomes.map((o) => o.period))].sort(comparePeriods);
  const names = new Map(action.municipalities.map((m) => [m.code, m.name]));
  for (const outcome of action.outcomes)
    if (!names.has(outcome.municipalityCode)) names.set(outcome.municipalityCode, outcome.municipalityCode);
  const value = new Map(
    action.outcomes.map((o) => [`${o.municipalityCode}|${o.period}`, o.counts[measure]] as const),
  );
  const rows = [...names]
    .sort(([, a], [, b]) => a.localeCompare(b, 'sv'))
    .map(([code, name]) => {
      const cells = periods.map((period) => value.get(`${code}|${period}`) ?? null);
      return { code, name, cells, total: cells.reduce<number>((sum, cell) => sum + (cell ?? 0), 0) };
    });
  const totals = periods.map((_, index) => {
    const column = rows.map((row) => row.cells[index]).filter((cell): cell is number => cell !== null);
    return column.length ? column.reduce((a, b) => a + b, 0) : null;
  });
  return { periods, rows, totals, total: rows.reduce((sum, row) => sum + row.total, 0) };
}

/** The counts of one outcome row, all zero where nothing is recorded yet. */
export function countsOf(outcome: Pick<ActionOutcome, 'counts'> | undefined): Record<OutcomeMeasure, number> {
  return Object.fromEntries(OUTCOME_MEASURES.map((m) => [m, outcome?.counts[m] ?? 0])) as Record<
    OutcomeMeasure,
    number
  >;
}

/**
 * What is wrong with one row of counts, by measure, before it is sent (the API checks the same):
 * employed in the private sector are among the employed, and no outcome exceeds the participants.
 */
export function countProblems(
  counts: Record<OutcomeMeasure, number>,
): Partial<Record<OutcomeMeasure, string>> {
  const problems: Partial<Record<OutcomeMeasure, string>> = {};
  for (const measure of OUTCOME_MEASURES) {
    const value = counts[measure];
    if (!Number.isInteger(value) || value < 0) problems[measure] = 'count';
  }
  if (!problems.employedPrivate && counts.employedPrivate > counts.employed)
    problems.employedPrivate = 'privateAboveEmployed';
  for (const measure of ['started', 'completed', 'employed', 'studies', 'otherOutcome'] as const)
    if (!problems[measure] && counts[measure] > counts.participants) problems[measure] = 'aboveParticipants';
  return problems;
}

/** A period code of the collaboration's kind: YYYY-MM, or YYYY-Www for weekly reporting. */
export function isOutcomePeriod(code: string, kind: OutcomePeriodKind): boolean {
  return isPeriodCode(code, kind === 'WEEK' ? 'WEEK' : 'MONTH');
}

/** What the action form holds; empty optional fields are null. */
export interface ActionDraft {
  title: string;
  description: string | null;
  typeId: string;
  targetGroups: string[];
  municipalityCodes: string[];
  goalIds: string[];
  leadOrganizationId: string | null;
  contactUserId: string | null;
  partnerOrganizations: string[];
  startOn: string | null;
  endOn: string | null;
  status: ActionStatus;
  plannedParticipants: number | null;
}

/** A list typed one item per line (or separated by semicolons): trimmed, without empty items or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n;]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** The API's input for the draft: texts trimmed, empty ones null. */
export function actionFields(draft: ActionDraft): ActionFields {
  return {
    title: draft.title.trim(),
    description: draft.description?.trim() || null,
    typeId: draft.typeId,
    targetGroups: draft.targetGroups,
    municipalityCodes: draft.municipalityCodes,
    goalIds: draft.goalIds,
    leadOrganizationId: draft.leadOrganizationId,
    contactUserId: draft.contactUserId,
    partnerOrganizations: draft.partnerOrganizations,
    startOn: draft.startOn || null,
    endOn: draft.endOn || null,
    status: draft.status,
    plannedParticipants: draft.plannedParticipants,
  };
}
