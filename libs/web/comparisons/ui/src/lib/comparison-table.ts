import type { ExportCell, ExportTable } from '@kraftsamling/shared/exports';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

export interface ValueBound {
  index: number;
  low: number;
  /** null when only a low end is known ("at least 12") */
  high: number | null;
}

/** One area of a comparison as the API sends it: a value per period, null where missing or only a range. */
export interface ComparedAreaData {
  areaCode: string;
  areaName: string;
  values: readonly (number | null)[];
  bounds: readonly ValueBound[];
  rank?: number | null;
  quartile?: number | null;
  unranked?: 'BOUNDED' | 'MISSING' | null;
}

/** A comparison as the API sends it (the fields the table and charts read). */
export interface ComparisonData {
  periods: readonly string[];
  rankPeriod?: string | null;
  areas: readonly ComparedAreaData[];
  median: readonly (number | null)[];
  total: { values: readonly (number | null)[]; bounds: readonly ValueBound[] };
  country?: ComparedAreaData | null;
}

/** One figure: exact, only a range (a `<5` count, or anything computed from one), or missing. */
export type ComparisonCell =
  | { kind: 'value'; value: number }
  | { kind: 'range'; low: number; high: number | null }
  | { kind: 'missing' };

export type RowKind = 'area' | 'total' | 'median' | 'country';

export interface ComparisonRow {
  kind: RowKind;
  areaCode: string;
  areaName: string;
  /** The emphasised municipality (the user's own, or the one chosen). */
  focus: boolean;
  rank: number | null;
  quartile: number | null;
  /** Why an area has no rank: its value at the rank period is only a range, or missing. */
  unranked: 'BOUNDED' | 'MISSING' | null;
  /** One per period of the comparison. */
  cells: ComparisonCell[];
}

export interface ComparisonRows {
  /** Ranked areas by rank, then the unranked (ranges before missing), each by name. */
  areas: ComparisonRow[];
  /** The set's total, the median and the country, when there. */
  references: ComparisonRow[];
}

const MISSING: ComparisonCell = { kind: 'missing' };

function cells(values: readonly (number | null)[], bounds: readonly ValueBound[]): ComparisonCell[] {
  const result: ComparisonCell[] = values.map((value) =>
    value == null ? MISSING : { kind: 'value', value },
  );
  for (const bound of bounds) {
    if (values[bound.index] == null)
      result[bound.index] = { kind: 'range', low: bound.low, high: bound.high };
  }
  return result;
}

const UNRANKED_ORDER = { BOUNDED: 0, MISSING: 1 } as const;

function areaRow(area: ComparedAreaData, focus: string | null, kind: RowKind = 'area'): ComparisonRow {
  return {
    kind,
    areaCode: area.areaCode,
    areaName: area.areaName,
    focus: kind === 'area' && area.areaCode === focus,
    rank: area.rank ?? null,
    quartile: area.quartile ?? null,
    unranked: kind === 'area' ? (area.unranked ?? (area.rank == null ? 'MISSING' : null)) : null,
    cells: cells(area.values, area.bounds),
  };
}

/** The comparison as table rows: every area, then the reference rows. */
export function comparisonRows(
  comparison: ComparisonData,
  focus: string | null,
  names: { total: string; median: string },
): ComparisonRows {
  const areas = comparison.areas.map((area) => areaRow(area, focus));
  areas.sort((a, b) => {
    if (a.rank != null && b.rank != null) return a.rank - b.rank || compareSwedish(a.areaName, b.areaName);
    if (a.rank != null) return -1;
    if (b.rank != null) return 1;
    const order = UNRANKED_ORDER[a.unranked ?? 'MISSING'] - UNRANKED_ORDER[b.unranked ?? 'MISSING'];
    return order || compareSwedish(a.areaName, b.areaName);
  });
  const references: ComparisonRow[] = [
    {
      kind: 'total',
      areaCode: '',
      areaName: names.total,
      focus: false,
      rank: null,
      quartile: null,
      unranked: null,
      cells: cells(comparison.total.values, comparison.total.bounds),
    },
    {
      kind: 'median',
      areaCode: '',
      areaName: names.median,
      focus: false,
      rank: null,
      quartile: null,
      unranked: null,
      cells: cells(comparison.median, []),
    },
  ];
  if (comparison.country) references.push(areaRow(comparison.country, null, 'country'));
  return { areas, references };
}

/** The index of the period ranked: the comparison's rank period, else the last one. */
export function rankIndex(comparison: Pick<ComparisonData, 'periods' | 'rankPeriod'>): number {
  const index = comparison.rankPeriod ? comparison.periods.indexOf(comparison.rankPeriod) : -1;
  return index >= 0 ? index : comparison.periods.length - 1;
}

/**
 * The columns the table shows at once: `size` periods ending at `end` (default the rank
 * period), so a long history stays quick to draw; the rest is reached by moving the window,
 * and every figure is in the exports.
 */
export function tableWindow(
  periods: readonly string[],
  end: string | null,
  fallbackEnd: number,
  size: number,
): { start: number; end: number } {
  if (!periods.length) return { start: 0, end: -1 };
  let last = end ? periods.indexOf(end) : -1;
  if (last < 0) last = Math.min(Math.max(fallbackEnd, 0), periods.length - 1);
  const first = Math.max(0, last - size + 1);
  return { start: first, end: Math.max(last, Math.min(periods.length - 1, first + size - 1)) };
}

/** Labels the export needs, in the language shown. */
export interface ExportLabels {
  sheetName: string;
  rank: string;
  quartile: string;
  area: string;
  code: string;
  note: string;
  /** The note for a row's reason, e.g. "Not ranked: fewer than 5". */
  noteOf: (row: ComparisonRow) => string;
  period: (period: string) => string;
}

const exportCell = (cell: ComparisonCell): ExportCell => {
  switch (cell.kind) {
    case 'value':
      return cell.value;
    case 'range':
      return cell.high === null ? `≥${cell.low}` : `${cell.low}–${cell.high}`;
    default:
      return null;
  }
};

/**
 * The whole table for CSV and XLSX: every area and period, numbers as numbers, a range as
 * "1–4", a missing value as an empty cell, and each row's note (why it is not ranked).
 */
export function exportComparison(
  comparison: Pick<ComparisonData, 'periods'>,
  rows: ComparisonRows,
  labels: ExportLabels,
): ExportTable {
  return {
    sheetName: labels.sheetName,
    columns: [
      { header: labels.rank, width: 8 },
      { header: labels.quartile, width: 8 },
      { header: labels.area, width: 24 },
      { header: labels.code, width: 8 },
      ...comparison.periods.map((period) => ({ header: labels.period(period), width: 12 })),
      { header: labels.note, width: 40 },
    ],
    rows: [...rows.areas, ...rows.references].map((row) => [
      row.rank,
      row.quartile,
      row.areaName,
      row.areaCode || null,
      ...row.cells.map(exportCell),
      labels.noteOf(row) || null,
    ]),
  };
}
