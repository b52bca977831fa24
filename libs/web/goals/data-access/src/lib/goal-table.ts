import type { ExportCell, ExportTable } from '@kraftsamling/shared/exports';
import type { GoalFlag, ProgressStatus } from '@kraftsamling/web/shared/graphql';
import { GoalProgressDetail, Quantity, orderedFlags, statusRank } from './models';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

/** One row of a goal's table: a member, or the collaboration as a whole (from summed counts). */
export interface GoalTableRow {
  /** the area code, or `collaboration` */
  key: string;
  areaCode: string | null;
  areaName: string;
  collaboration: boolean;
  baseline: Quantity | null;
  latest: Quantity | null;
  latestPeriod: string | null;
  change: Quantity | null;
  relativeChange: Quantity | null;
  target: Quantity | null;
  expected: Quantity | null;
  /** share of the planned change achieved (a fraction) */
  progress: Quantity | null;
  status: ProgressStatus;
  flags: GoalFlag[];
  /** for the collaboration: members with a value in the latest period */
  included: number | null;
}

type ProgressLike = GoalProgressDetail['collaboration'];

function row(progress: ProgressLike, collaboration: boolean): GoalTableRow {
  return {
    key: collaboration ? 'collaboration' : (progress.areaCode ?? progress.areaName),
    areaCode: progress.areaCode,
    areaName: progress.areaName,
    collaboration,
    baseline: progress.baseline,
    latest: progress.latest,
    latestPeriod: progress.latestPeriod,
    change: progress.change,
    relativeChange: progress.relativeChange,
    target: progress.target,
    expected: progress.expected,
    progress: progress.progress,
    status: progress.status,
    flags: orderedFlags(progress.flags),
    included: progress.included,
  };
}

/** The members' rows (in the API's order, by name) and the collaboration's row. */
export function goalTableRows(progress: Pick<GoalProgressDetail, 'members' | 'collaboration'>): {
  members: GoalTableRow[];
  collaboration: GoalTableRow;
} {
  return {
    members: progress.members.map((member) => row(member, false)),
    collaboration: row(progress.collaboration, true),
  };
}

export type GoalTableColumn =
  | 'areaName'
  | 'baseline'
  | 'latest'
  | 'change'
  | 'relativeChange'
  | 'target'
  | 'expected'
  | 'progress'
  | 'status';

/** What a column sorts by: numbers by their low end (a range sorts where it starts), missing last. */
function sortKey(row: GoalTableRow, column: GoalTableColumn): number | string | null {
  switch (column) {
    case 'areaName':
      return row.areaName;
    case 'status':
      return statusRank(row.status);
    default: {
      const quantity = row[column];
      return quantity ? (quantity.value ?? quantity.low) : null;
    }
  }
}

/** Sorts the member rows by a column; rows without a figure stay at the end in either direction. */
export function sortGoalRows(
  rows: readonly GoalTableRow[],
  column: GoalTableColumn | '',
  direction: 'asc' | 'desc' | '',
): GoalTableRow[] {
  if (!column || !direction) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortKey(a, column);
    const y = sortKey(b, column);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const order =
      typeof x === 'string' || typeof y === 'string' ? compareSwedish(String(x), String(y)) : x - y;
    return sign * order;
  });
}

/** The words an export needs, in the language shown. */
export interface GoalExportLabels {
  sheetName: string;
  headers: Record<
    | 'area'
    | 'code'
    | 'baseline'
    | 'latest'
    | 'latestPeriod'
    | 'change'
    | 'relativeChange'
    | 'target'
    | 'expected'
    | 'progress'
    | 'status'
    | 'flags',
    string
  >;
  status: (status: ProgressStatus) => string;
  flag: (flag: GoalFlag) => string;
  /** a period code for people ("september 2025") */
  period: (period: string) => string;
}

/**
 * A figure as a spreadsheet cell: a number when exact, "low–high" text when only a range
 * (a `<5` count), empty when missing. Never a made-up point value for a range.
 */
function cell(quantity: Quantity | null, scale = 1): ExportCell {
  if (!quantity) return null;
  if (quantity.value !== null) return round(quantity.value * scale);
  // Text, so a minus sign reads as one (U+2212) rather than a hyphen a spreadsheet would take for a formula.
  const text = (value: number) => String(round(value * scale)).replace('-', '−');
  if (quantity.high === null) return `≥${text(quantity.low)}`;
  return `${text(quantity.low)}–${text(quantity.high)}`;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The goal's table as a sheet: the members, then the collaboration; shares in per cent. */
export function goalExportTable(
  rows: { members: readonly GoalTableRow[]; collaboration: GoalTableRow },
  labels: GoalExportLabels,
): ExportTable {
  const h = labels.headers;
  const line = (r: GoalTableRow): ExportCell[] => [
    r.areaName,
    r.areaCode,
    cell(r.baseline),
    cell(r.latest),
    r.latestPeriod ? labels.period(r.latestPeriod) : null,
    cell(r.change),
    cell(r.relativeChange, 100),
    cell(r.target),
    cell(r.expected),
    cell(r.progress, 100),
    labels.status(r.status),
    r.flags.map(labels.flag).join('; ') || null,
  ];
  return {
    sheetName: labels.sheetName,
    columns: [
      { header: h.area, width: 24 },
      { header: h.code, width: 10 },
      { header: h.baseline },
      { header: h.latest },
      { header: h.latestPeriod },
      { header: h.change },
      { header: h.relativeChange },
      { header: h.target },
      { header: h.expected },
      { header: h.progress },
      { header: h.status },
      { header: h.flags, width: 40 },
    ],
    rows: [...rows.members.map(line), line(rows.collaboration)],
  };
}
