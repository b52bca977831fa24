import { unemployedRegion, unemployedSeries } from '../testing/series';
import { AREA_COLOURS, ChartFormatting, REGION_COLOUR, chartLegend, lineChartOption } from './chart-option';
import { rowSourceText } from './provenance-text';
import { seriesTable } from './series-table';

const format: ChartFormatting = {
  animation: false,
  periodLabel: (period) => `P${period}`,
  value: (value) => `${value} st`,
  cellText: (table, row, area) => {
    const value = table.rows[row].cells[area].value;
    return value.kind === 'value'
      ? `${value.value}`
      : value.kind === 'range'
        ? `<${(value.high ?? 0) + 1}`
        : 'saknas';
  },
};

describe('lineChartOption', () => {
  const table = seriesTable(unemployedSeries(), { order: 'oldestFirst' });
  const option = lineChartOption(table, format) as any;

  it('draws one line per area over the periods, with gaps for "<5" and missing values', () => {
    expect(option.xAxis.data).toEqual(['P2024-07', 'P2024-08', 'P2024-09']);
    expect(option.series.map((s: any) => s.name)).toEqual(['Helsingborg', 'Perstorp']);
    expect(option.series[0].data).toEqual([1234, 1250.5, 1198]);
    expect(option.series[1].data).toEqual([null, null, 7]);
    expect(option.series[1].connectNulls).toBe(false);
  });

  it('tells the lines apart by marker shape as well as colour', () => {
    expect(option.series[0].symbol).not.toBe(option.series[1].symbol);
  });

  it('says "<5" and "saknas" in the tooltip, and escapes names', () => {
    const text = option.tooltip.formatter([
      { dataIndex: 0, seriesIndex: 1, seriesName: 'Perstorp <b>', marker: '', axisValueLabel: 'P2024-07' },
      { dataIndex: 1, seriesIndex: 1, seriesName: 'Perstorp', marker: '', axisValueLabel: 'P2024-08' },
    ]);
    expect(text).toContain('Perstorp &lt;b&gt;: <strong>&lt;5</strong>');
    expect(text).toContain('Perstorp: <strong>saknas</strong>');
  });

  it("ends the tooltip with where the period's values came from, each file once, escaped", () => {
    const t = (key: string, params?: Record<string, unknown>) =>
      `${key.split('.').pop()}(${Object.values(params ?? {}).join(',')})`;
    const withSource = lineChartOption(table, {
      ...format,
      rowSource: (rows, row) => rowSourceText(rows, row, 'sv', t),
    }) as any;
    const text: string = withSource.tooltip.formatter([
      { dataIndex: 2, seriesIndex: 0, seriesName: 'Helsingborg', marker: '', axisValueLabel: 'P2024-09' },
    ]);
    const last = text.split('<br>').pop()!;
    // September: both areas' values from the October file, told once; Helsingborg's is preliminary.
    expect(last.match(/arbetslosa-2024-10\.xlsx/g)).toHaveLength(1);
    expect(last).toContain('source(AF())');
    expect(last).toContain('somePreliminary()');
    expect(last).not.toContain('b7d3e5f0');
  });

  it('offers zooming only for long series', () => {
    expect(option.dataZoom).toEqual([]);
    const long = seriesTable(
      { ...unemployedSeries(), periods: Array.from({ length: 3 }, (_, i) => `2024-0${i + 1}`) },
      { order: 'oldestFirst' },
    );
    const many = { ...long, rows: Array.from({ length: 30 }, () => long.rows[0]) };
    expect((lineChartOption(many, format) as any).dataZoom).toHaveLength(2);
  });
});

describe('lineChartOption with the region', () => {
  const table = seriesTable(unemployedSeries(), { order: 'oldestFirst', region: unemployedRegion() });
  const withRegion = (ownAxis: boolean) =>
    lineChartOption(table, {
      ...format,
      region: { name: 'Regionen', ownAxis, text: (_table, row) => `region ${row}` },
    }) as any;

  it('adds the region as its own, labelled line after the areas', () => {
    const option = withRegion(true);
    expect(option.series.map((s: any) => s.name)).toEqual(['Helsingborg', 'Perstorp', 'Regionen']);
    const line = option.series[2];
    expect(line.lineStyle.width).toBeGreaterThan(option.series[0].lineStyle.width);
    expect(line.lineStyle.type).toBe('dashed');
  });

  it('draws a range at its low end with a hollow marker and leaves a period with a member missing out', () => {
    const line = withRegion(true).series[2];
    expect(line.data).toEqual([{ value: 1235, symbol: 'emptyCircle', symbolSize: 11 }, null, 1205]);
    expect(line.connectNulls).toBe(false);
  });

  it("puts summed counts on an axis of their own, a ratio on the areas' axis", () => {
    const own = withRegion(true);
    expect(own.yAxis).toHaveLength(2);
    expect(own.yAxis[1].name).toBe('Regionen');
    expect(own.series[2].yAxisIndex).toBe(1);
    const shared = withRegion(false);
    expect(Array.isArray(shared.yAxis)).toBe(false);
    expect(shared.series[2].yAxisIndex).toBe(0);
  });

  it("uses the region's own text in the tooltip", () => {
    const text = withRegion(true).tooltip.formatter([
      { dataIndex: 1, seriesIndex: 2, seriesName: 'Regionen', marker: '', axisValueLabel: 'P2024-08' },
    ]);
    expect(text).toContain('Regionen: <strong>region 1</strong>');
  });

  it('draws no region line when the table has none', () => {
    const option = lineChartOption(seriesTable(unemployedSeries(), { order: 'oldestFirst' }), {
      ...format,
      region: { name: 'Regionen', ownAxis: true, text: () => '' },
    }) as any;
    expect(option.series).toHaveLength(2);
  });
});

describe('the legend', () => {
  const table = seriesTable(unemployedSeries(), { order: 'oldestFirst', region: unemployedRegion() });

  it('is not drawn in the canvas (where it would page or cover the plot), and switches off the hidden lines', () => {
    const option = lineChartOption(table, { ...format, hidden: ['Perstorp'] }) as any;
    expect(option.legend.show).toBe(false);
    expect(option.legend.type).toBeUndefined();
    expect(option.legend.selected).toEqual({ Perstorp: false });
    expect((lineChartOption(table, format) as any).legend.selected).toEqual({});
  });

  it('lists each line with the colour, marker and line style the chart draws it with, the region last', () => {
    const option = lineChartOption(table, {
      ...format,
      region: { name: 'Regionen', ownAxis: true, text: () => '' },
    }) as any;
    const legend = chartLegend(table, 'Regionen');
    expect(legend.map((entry) => entry.name)).toEqual(['Helsingborg', 'Perstorp', 'Regionen']);
    legend.slice(0, 2).forEach((entry, i) => {
      expect(entry.colour).toBe(option.series[i].color);
      expect(entry.symbol).toBe(option.series[i].symbol);
      expect(entry.lineType).toBe(option.series[i].lineStyle.type);
      expect(entry.region).toBe(false);
    });
    expect(legend[2]).toEqual({
      name: 'Regionen',
      colour: REGION_COLOUR,
      symbol: 'circle',
      lineType: 'dashed',
      region: true,
    });
    expect(option.series[2].color).toBe(REGION_COLOUR);
  });

  it('cycles colours, and changes the line style once the markers come round again', () => {
    const many = {
      areas: Array.from({ length: 11 }, (_, i) => ({ areaCode: `${i}`, areaName: `Kommun ${i}` })),
      rows: [],
    };
    const legend = chartLegend(many, null);
    expect(legend).toHaveLength(11);
    expect(legend[9].colour).toBe(AREA_COLOURS[0]);
    expect(legend[6].lineType).toBe('solid');
    expect(legend[7].lineType).toBe('dashed');
    expect(legend[7].symbol).toBe(legend[0].symbol);
  });
});
