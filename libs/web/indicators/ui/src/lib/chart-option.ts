import type { EChartsCoreOption } from 'echarts/core';
import { SeriesTable, plottedValue, regionPlotted } from './series-table';

/** Marker shapes, cycled per area so the lines differ by more than their colour. */
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'] as const;
/** Line styles, changed each time the shapes come round again. */
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
/** The areas' colours, cycled (ECharts' own palette, named so the legend can draw the same). */
export const AREA_COLOURS = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
] as const;
/** The region's line: near black, so it stands apart from every area's colour. */
export const REGION_COLOUR = '#1b1b1f';

/** One line of the chart as its legend shows it. */
export interface LegendEntry {
  name: string;
  colour: string;
  symbol: string;
  lineType: 'solid' | 'dashed' | 'dotted';
  /** the region's line (thicker) */
  region: boolean;
}

/**
 * What the legend lists, in the order of the lines: each area, then the region. The chart
 * draws its legend outside the canvas (as HTML that wraps on a narrow screen; ECharts' own
 * legend either pages or overlaps the plot), so it needs the lines' looks.
 */
export function chartLegend(table: SeriesTable, regionName: string | null): LegendEntry[] {
  return [
    ...table.areas.map((area, areaIndex) => ({
      name: area.areaName,
      colour: AREA_COLOURS[areaIndex % AREA_COLOURS.length],
      symbol: SYMBOLS[areaIndex % SYMBOLS.length],
      lineType: LINE_TYPES[Math.floor(areaIndex / SYMBOLS.length) % LINE_TYPES.length],
      region: false,
    })),
    ...(table.region && regionName
      ? [
          {
            name: regionName,
            colour: REGION_COLOUR,
            symbol: 'circle',
            lineType: 'dashed' as const,
            region: true,
          },
        ]
      : []),
  ];
}

export interface ChartFormatting {
  /** a period code as an axis label */
  periodLabel: (period: string) => string;
  /** a value with its unit, for the tooltip and the axis */
  value: (value: number) => string;
  /** what the tooltip says for a cell that is not a plain number ("<5", "saknas") */
  cellText: (table: SeriesTable, rowIndex: number, areaIndex: number) => string | null;
  animation: boolean;
  /** where a period's values came from (source, file, import date), for the tooltip's last line */
  rowSource?: (table: SeriesTable, rowIndex: number) => string | null;
  /** How to draw the region's line, when the table has a region column. */
  region?: {
    /** its name in the legend and the tooltip ("Regionen") */
    name: string;
    /**
     * Its own axis on the right: a sum of counts is many times any one area's count and
     * would flatten their lines; a recomputed ratio shares the areas' scale.
     */
    ownAxis: boolean;
    /** what the tooltip says for the region's figure in a row (with "10 of 11", "at least") */
    text: (table: SeriesTable, rowIndex: number) => string;
  };
  /** the lines switched off in the legend, by name */
  hidden?: readonly string[];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface TooltipParam {
  dataIndex: number;
  seriesIndex: number;
  seriesName: string;
  marker: string;
  axisValueLabel: string;
}

/**
 * An ECharts line chart of the table (oldest period first): one line per area, gaps where
 * there is no plain value, and a tooltip that says "<5" or "missing" rather than nothing.
 */
export function lineChartOption(table: SeriesTable, format: ChartFormatting): EChartsCoreOption {
  const zoom = table.rows.length > 24;
  const region = table.region && format.region ? format.region : null;
  const valueAxis = {
    type: 'value',
    axisLabel: { formatter: (value: number) => format.value(value) },
  };
  return {
    animation: format.animation,
    color: [...AREA_COLOURS],
    grid: { left: 8, right: 16, top: region?.ownAxis ? 36 : 16, bottom: zoom ? 56 : 8, containLabel: true },
    // ECharts' legend is not drawn (the component lists the lines in HTML, which wraps); it
    // stays in the option because it is what switches lines off.
    legend: {
      show: false,
      selected: Object.fromEntries((format.hidden ?? []).map((name) => [name, false])),
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params];
        if (!list.length) return '';
        const lines = list.map((param) => {
          const text =
            region && param.seriesIndex === table.areas.length
              ? region.text(table, param.dataIndex)
              : (format.cellText(table, param.dataIndex, param.seriesIndex) ?? '');
          return `${param.marker}${escapeHtml(param.seriesName)}: <strong>${escapeHtml(text)}</strong>`;
        });
        const source = format.rowSource?.(table, list[0].dataIndex);
        return [
          escapeHtml(list[0].axisValueLabel),
          ...lines,
          ...(source ? [`<span style="font-size: 0.85em">${escapeHtml(source)}</span>`] : []),
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: table.rows.map((row) => format.periodLabel(row.period)),
    },
    yAxis: region?.ownAxis
      ? [valueAxis, { ...valueAxis, name: region.name, splitLine: { show: false } }]
      : valueAxis,
    dataZoom: zoom
      ? [
          { type: 'inside', start: 0, end: 100 },
          { type: 'slider', bottom: 8, start: 0, end: 100 },
        ]
      : [],
    series: [
      ...table.areas.map((area, areaIndex) => ({
        type: 'line',
        name: area.areaName,
        connectNulls: false,
        showSymbol: table.rows.length <= 60,
        symbol: SYMBOLS[areaIndex % SYMBOLS.length],
        symbolSize: 7,
        color: AREA_COLOURS[areaIndex % AREA_COLOURS.length],
        lineStyle: { width: 2, type: LINE_TYPES[Math.floor(areaIndex / SYMBOLS.length) % LINE_TYPES.length] },
        emphasis: { focus: 'series' },
        data: table.rows.map((row) => plottedValue(row.cells[areaIndex])),
      })),
      ...(region ? [regionLine(table, region.name, region.ownAxis)] : []),
    ],
  };
}

/**
 * The region's line: thicker, dark and dashed so it stands apart from every area's, with
 * gaps where a member has no value (a partial sum drawn on the line would look like a fall),
 * and a hollow marker where the figure is only a lower bound.
 */
function regionLine(table: SeriesTable, name: string, ownAxis: boolean) {
  return {
    type: 'line',
    name,
    yAxisIndex: ownAxis ? 1 : 0,
    connectNulls: false,
    showSymbol: true,
    symbol: 'circle',
    symbolSize: 9,
    z: 3,
    color: REGION_COLOUR,
    lineStyle: { width: 4, type: 'dashed' },
    emphasis: { focus: 'series' },
    data: table.rows.map((row) => {
      const point = regionPlotted(row.region);
      if (!point) return null;
      return point.bound ? { value: point.value, symbol: 'emptyCircle', symbolSize: 11 } : point.value;
    }),
  };
}
