import type { ComparisonCell, ComparisonRow, ComparisonRows } from './comparison-table';
import type { EChartsCoreOption } from 'echarts/core';

/** Colours with at least 3:1 contrast on white for lines and marks (WCAG 1.4.11). */
export const CHART_COLOURS = {
  focus: '#0b57d0',
  /** The other areas: muted, but still visible against the white background. */
  muted: '#8a94a6',
  total: '#b3261e',
  median: '#6a4c00',
  country: '#146c2e',
} as const;

export interface ChartText {
  periodLabel: (period: string) => string;
  /** a value with its unit */
  value: (value: number) => string;
  /** the tooltip text of one cell: the value, "1–4" or "missing" */
  cellText: (cell: ComparisonCell) => string;
  /** the legend's name of the muted lines, e.g. "Other municipalities" */
  others: string;
  /** the focus municipality's name as the legend and the bars show it */
  focusName: (name: string) => string;
  animation: boolean;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const plotted = (cell: ComparisonCell | undefined): number | null =>
  cell?.kind === 'value' ? cell.value : null;

/** Line shape and marker of each reference line, so they differ by more than colour. */
const REFERENCE_STYLE = {
  total: { type: 'dashed', symbol: 'triangle' },
  median: { type: 'dotted', symbol: 'rect' },
  country: { type: [10, 4, 2, 4], symbol: 'diamond' },
} as const;

interface TooltipParam {
  dataIndex: number;
  seriesIndex: number;
}

/**
 * The time view: one muted line per area, the focus municipality wide with markers, and the
 * set's total, the median and the country as reference lines that differ by colour, dash
 * and marker. The tooltip lists the focus and the reference lines (290 lines would not fit).
 */
export function timeChartOption(
  periods: readonly string[],
  rows: ComparisonRows,
  text: ChartText,
): EChartsCoreOption {
  const zoom = periods.length > 24;
  const others = rows.areas.filter((row) => !row.focus);
  const focus = rows.areas.find((row) => row.focus) ?? null;
  const named: { row: ComparisonRow; name: string }[] = [
    ...(focus ? [{ row: focus, name: text.focusName(focus.areaName) }] : []),
    ...rows.references.map((row) => ({ row, name: row.areaName })),
  ];
  const many = others.length > 50;
  const series: object[] = others.map((row) => ({
    type: 'line',
    name: text.others,
    data: row.cells.map(plotted),
    connectNulls: false,
    showSymbol: false,
    silent: true,
    lineStyle: { width: 1, color: CHART_COLOURS.muted, opacity: many ? 0.45 : 0.7 },
    itemStyle: { color: CHART_COLOURS.muted },
    emphasis: { disabled: true },
    z: 1,
  }));
  const firstNamed = series.length;
  for (const row of rows.references) {
    const kind = row.kind as 'total' | 'median' | 'country';
    series.push({
      type: 'line',
      name: row.areaName,
      data: row.cells.map(plotted),
      connectNulls: false,
      symbol: REFERENCE_STYLE[kind].symbol,
      symbolSize: 7,
      showSymbol: periods.length <= 36,
      lineStyle: { width: 2.5, type: REFERENCE_STYLE[kind].type, color: CHART_COLOURS[kind] },
      itemStyle: { color: CHART_COLOURS[kind] },
      z: 3,
    });
  }
  if (focus) {
    series.push({
      type: 'line',
      name: text.focusName(focus.areaName),
      data: focus.cells.map(plotted),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 8,
      showSymbol: true,
      lineStyle: { width: 4, color: CHART_COLOURS.focus },
      itemStyle: { color: CHART_COLOURS.focus },
      z: 4,
    });
  }
  const namedBySeries = new Map<number, ComparisonRow>();
  rows.references.forEach((row, i) => namedBySeries.set(firstNamed + i, row));
  if (focus) namedBySeries.set(firstNamed + rows.references.length, focus);

  return {
    animation: text.animation && !many,
    grid: { left: 8, right: 16, top: 16, bottom: zoom ? 96 : 56, containLabel: true },
    legend: {
      type: 'scroll',
      bottom: zoom ? 48 : 0,
      data: [...named.map((entry) => entry.name), ...(others.length ? [text.others] : [])],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex;
        if (index == null) return '';
        const lines = named.map(
          (entry) =>
            `${escapeHtml(entry.name)}: <strong>${escapeHtml(text.cellText(entry.row.cells[index] ?? { kind: 'missing' }))}</strong>`,
        );
        return [escapeHtml(text.periodLabel(periods[index] ?? '')), ...lines].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: periods.map((period) => text.periodLabel(period)),
    },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => text.value(value) } },
    dataZoom: zoom
      ? [
          { type: 'inside', start: 0, end: 100 },
          { type: 'slider', bottom: 8, start: 0, end: 100 },
        ]
      : [],
    series,
  };
}

/** Height in pixels of the ranking chart for n bars: every name readable. */
export function rankingHeight(count: number): number {
  return Math.max(240, 80 + count * 22);
}

/**
 * The ranking view: the ranked areas at the rank period as horizontal bars, best at the
 * top, with the median as a vertical line. The focus municipality's bar is coloured, and
 * its name is marked and bold, so it stands out without colour too.
 */
export function rankingChartOption(
  rows: ComparisonRows,
  rankIndex: number,
  median: number | null,
  text: ChartText & { medianLabel: string },
): EChartsCoreOption {
  const ranked = rows.areas.filter((row) => row.rank != null && row.cells[rankIndex]?.kind === 'value');
  const names = ranked.map((row) => (row.focus ? text.focusName(row.areaName) : row.areaName));
  return {
    animation: text.animation && ranked.length <= 50,
    grid: { left: 8, right: 48, top: 24, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (param: { dataIndex: number }) => {
        const row = ranked[param.dataIndex];
        if (!row) return '';
        return `${row.rank}. ${escapeHtml(names[param.dataIndex] ?? '')}: <strong>${escapeHtml(
          text.cellText(row.cells[rankIndex] ?? { kind: 'missing' }),
        )}</strong>`;
      },
    },
    xAxis: { type: 'value', scale: false, axisLabel: { formatter: (value: number) => text.value(value) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names.map((name, i) => ({
        value: `${ranked[i]?.rank}. ${name}`,
        textStyle: ranked[i]?.focus ? { fontWeight: 'bold', color: '#1b1b1f' } : { color: '#44474f' },
      })),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: ranked.map((row) => ({
          value: plotted(row.cells[rankIndex]),
          itemStyle: row.focus
            ? { color: CHART_COLOURS.focus, borderColor: '#000', borderWidth: 2 }
            : { color: CHART_COLOURS.muted },
        })),
        label: {
          show: ranked.length <= 60,
          position: 'right',
          formatter: (p: { value: number }) => text.value(p.value),
        },
        markLine:
          median == null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: CHART_COLOURS.median, type: 'dotted', width: 2.5 },
                label: { formatter: `${text.medianLabel}: ${text.value(median)}`, position: 'end' },
                data: [{ xAxis: median }],
              },
      },
    ],
  };
}
