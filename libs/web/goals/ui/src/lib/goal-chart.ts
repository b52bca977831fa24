import { addPeriods, comparePeriods, periodDistance } from '@kraftsamling/shared/periods';
import type { EChartsCoreOption } from 'echarts/core';
import { QuantityLike } from './goal-formatting';

/** One member's (or the collaboration's) progress as a chart and its table draw it. */
export interface GoalChartInput {
  /** the periods `values` are aligned with, oldest first */
  periods: readonly string[];
  values: readonly (number | null)[];
  lowerBounds: readonly (number | null)[];
  upperBounds: readonly (number | null)[];
  baselinePeriod: string;
  targetPeriod: string;
  baseline: QuantityLike | null;
  target: QuantityLike | null;
  latestPeriod: string | null;
  latest: QuantityLike | null;
  projection: QuantityLike | null;
}

/** A row of the chart's data table: one period, what was measured and what the path expects. */
export interface GoalChartRow {
  period: string;
  /** an exact value */
  value: number | null;
  /** where the value is only a range */
  low: number | null;
  high: number | null;
  /** the straight path from the baseline to the target, at this period */
  expected: number | null;
  /** the trend extended to the target date (only at the target period) */
  projection: number | null;
}

/**
 * Where a figure is drawn: the value, the middle of a range, or the low end of a range with
 * no high end (the data table beside the chart says which).
 */
const drawnAt = (value: number | null, low: number | null, high: number | null): number | null =>
  value ?? (low === null ? null : high === null ? low : (low + high) / 2);

const point = (quantity: QuantityLike | null | undefined): number | null =>
  quantity ? drawnAt(quantity.value, quantity.low, quantity.high) : null;

/**
 * Every period from the baseline (or the first value, if earlier) to the target period,
 * with the measured value, the expected value on the straight path, and the projection at
 * the target period. A range (`<5`) is kept as low and high, never made a point.
 */
export function goalChartRows(input: GoalChartInput): GoalChartRow[] {
  const first = [input.baselinePeriod, ...input.periods].sort(comparePeriods)[0]!;
  const last = [input.targetPeriod, ...input.periods].sort(comparePeriods).at(-1)!;
  const length = periodDistance(first, last) + 1;
  const baseline = point(input.baseline);
  const target = point(input.target);
  const span = periodDistance(input.baselinePeriod, input.targetPeriod);
  const index = new Map(input.periods.map((period, i) => [period, i]));
  const rows: GoalChartRow[] = [];
  for (let i = 0; i < length; i++) {
    const period = addPeriods(first, i);
    const at = index.get(period);
    const value = at === undefined ? null : (input.values[at] ?? null);
    const low = at === undefined ? null : (input.lowerBounds[at] ?? null);
    const high = at === undefined ? null : (input.upperBounds[at] ?? null);
    const elapsed = periodDistance(input.baselinePeriod, period);
    const expected =
      baseline !== null && target !== null && span > 0 && elapsed >= 0 && elapsed <= span
        ? baseline + ((target - baseline) * elapsed) / span
        : null;
    rows.push({
      period,
      value,
      low: value === null ? low : null,
      high: value === null ? high : null,
      expected,
      projection: period === input.targetPeriod ? point(input.projection) : null,
    });
  }
  return rows;
}

/** The lines of a goal's chart, in the order they are drawn and listed in the key. */
export type GoalLine = 'actual' | 'baseline' | 'target' | 'expected' | 'projection';

/** How one line looks: in the chart (ECharts) and in the key above the charts (SVG). */
export interface GoalLineStyle {
  line: GoalLine;
  /** at least 3:1 against the page (WCAG 1.4.11); the lines differ by style and marker too */
  colour: string;
  width: number;
  /** ECharts' line type */
  type: 'solid' | 'dashed' | 'dotted' | number[];
  /** the same dashes for the key's SVG (`stroke-dasharray`), none for a solid line */
  dashes: string | null;
  symbol: 'circle' | 'triangle' | null;
}

/**
 * One style per line, shared by every chart of a goal and its key. The key is HTML drawn once
 * above the small multiples: ECharts' own legend, in each chart, paged on a phone (1/2, its
 * second page out of reach of the keyboard) and repeated the same five entries per member.
 */
export const GOAL_LINES: readonly GoalLineStyle[] = [
  { line: 'actual', colour: '#2f4fa8', width: 2, type: 'solid', dashes: null, symbol: 'circle' },
  { line: 'baseline', colour: '#5c5f66', width: 1.5, type: [2, 4], dashes: '2 4', symbol: null },
  { line: 'target', colour: '#b3261e', width: 2, type: [8, 3, 2, 3], dashes: '8 3 2 3', symbol: null },
  { line: 'expected', colour: '#2e7d32', width: 1.5, type: 'dashed', dashes: '5 5', symbol: null },
  { line: 'projection', colour: '#7b3fa0', width: 1.5, type: 'dotted', dashes: '1.5 3', symbol: 'triangle' },
];

const styleOf = (line: GoalLine) => {
  const style = GOAL_LINES.find((candidate) => candidate.line === line)!;
  return {
    color: style.colour,
    symbol: style.symbol ?? 'none',
    lineStyle: { width: style.width, type: style.type },
  };
};

export interface GoalChartFormatting {
  periodLabel: (period: string) => string;
  value: (value: number) => string;
  names: { actual: string; baseline: string; target: string; expected: string; projection: string };
  animation: boolean;
}

/**
 * The small multiple of one member: the measured series (solid, with markers), the frozen
 * baseline and the target (flat lines), the expected straight path (dashed) and the
 * projection from the latest value to the target date (dotted). The lines differ by style
 * and marker, not only by colour (GOAL_LINES).
 */
export function goalChartOption(input: GoalChartInput, format: GoalChartFormatting): EChartsCoreOption {
  const rows = goalChartRows(input);
  const baseline = point(input.baseline);
  const target = point(input.target);
  const latest = point(input.latest);
  const projection = point(input.projection);
  const flat = (value: number | null) => rows.map(() => value);
  const projectionLine = rows.map((row) =>
    row.period === input.latestPeriod ? latest : row.period === input.targetPeriod ? projection : null,
  );
  const series = [
    {
      name: format.names.actual,
      type: 'line',
      data: rows.map((row) => drawnAt(row.value, row.low, row.high)),
      symbolSize: 5,
      connectNulls: false,
      ...styleOf('actual'),
      z: 5,
    },
    {
      name: format.names.baseline,
      type: 'line',
      data: flat(baseline),
      ...styleOf('baseline'),
    },
    {
      name: format.names.target,
      type: 'line',
      data: flat(target),
      ...styleOf('target'),
    },
    {
      name: format.names.expected,
      type: 'line',
      data: rows.map((row) => row.expected),
      connectNulls: true,
      ...styleOf('expected'),
    },
  ];
  if (
    projection !== null &&
    latest !== null &&
    input.latestPeriod &&
    input.latestPeriod !== input.targetPeriod
  )
    series.push({
      name: format.names.projection,
      type: 'line',
      data: projectionLine,
      symbolSize: 7,
      connectNulls: true,
      ...styleOf('projection'),
    } as (typeof series)[number]);
  return {
    animation: format.animation,
    // No legend in the chart: the key above the charts names the lines (GOAL_LINES).
    grid: { left: 4, right: 12, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value: number | null) =>
        value === null || value === undefined ? '–' : format.value(value),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: rows.map((row) => format.periodLabel(row.period)),
    },
    yAxis: {
      type: 'value',
      scale: false,
      axisLabel: { formatter: (value: number) => format.value(value) },
    },
    series,
  };
}
