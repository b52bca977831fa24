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
 * and marker, not only by colour.
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
      symbol: 'circle',
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 2, type: 'solid' },
      z: 5,
    },
    {
      name: format.names.baseline,
      type: 'line',
      data: flat(baseline),
      symbol: 'none',
      lineStyle: { width: 1.5, type: [2, 4] },
    },
    {
      name: format.names.target,
      type: 'line',
      data: flat(target),
      symbol: 'none',
      lineStyle: { width: 2, type: [8, 3, 2, 3] },
    },
    {
      name: format.names.expected,
      type: 'line',
      data: rows.map((row) => row.expected),
      symbol: 'none',
      connectNulls: true,
      lineStyle: { width: 1.5, type: 'dashed' },
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
      symbol: 'triangle',
      symbolSize: 7,
      connectNulls: true,
      lineStyle: { width: 1.5, type: 'dotted' },
    } as (typeof series)[number]);
  return {
    animation: format.animation,
    grid: { left: 4, right: 12, top: 12, bottom: 56, containLabel: true },
    legend: { type: 'scroll', bottom: 0, itemWidth: 24, textStyle: { fontSize: 11 } },
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
