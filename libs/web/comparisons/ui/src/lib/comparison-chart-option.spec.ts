import { CHART_COLOURS, rankingChartOption, rankingHeight, timeChartOption } from './comparison-chart-option';
import { ComparisonRows, comparisonRows } from './comparison-table';

function rows(focus: string | null): ComparisonRows {
  const area = (areaCode: string, areaName: string, values: (number | null)[], rank: number | null) => ({
    areaCode,
    areaName,
    values,
    bounds: [],
    rank,
    quartile: rank,
    unranked: rank == null ? ('MISSING' as const) : null,
  });
  return comparisonRows(
    {
      periods: ['2025-01', '2025-02'],
      areas: [
        area('1283', 'Helsingborg', [12, 11], 2),
        area('1282', 'Landskrona', [9, 10], 1),
        area('1260', 'Bjuv', [8, null], null),
      ],
      median: [9, 10.5],
      total: { values: [10, 10.4], bounds: [] },
      country: { areaCode: '0000', areaName: 'Riket', values: [7, 7.5], bounds: [] },
    },
    focus,
    { total: 'Gruppen totalt', median: 'Median' },
  );
}

const text = {
  periodLabel: (period: string) => period,
  value: (value: number) => String(value),
  cellText: (cell: { kind: string }) => cell.kind,
  others: 'Övriga kommuner',
  focusName: (name: string) => `${name} (framhävd)`,
  animation: false,
  medianLabel: 'Median',
};

type Series = {
  name: string;
  data: unknown[];
  lineStyle: { width: number; type?: unknown; color: string };
  symbol?: string;
  silent?: boolean;
};

describe('timeChartOption', () => {
  it('draws the focus wide with markers, the others muted, and total, median and country by dash and marker', () => {
    const option = timeChartOption(['2025-01', '2025-02'], rows('1283'), text) as {
      series: Series[];
      legend: { data: string[] };
    };
    const byName = (name: string) => option.series.filter((series) => series.name === name);
    const [focus] = byName('Helsingborg (framhävd)');
    expect(focus).toMatchObject({
      symbol: 'circle',
      lineStyle: { width: 4, color: CHART_COLOURS.focus },
      data: [12, 11],
    });
    const others = byName('Övriga kommuner');
    expect(others).toHaveLength(2);
    for (const series of others)
      expect(series).toMatchObject({ silent: true, lineStyle: { width: 1, color: CHART_COLOURS.muted } });
    // A missing value is a gap, never 0.
    expect(others.find((series) => series.data[0] === 8)?.data).toEqual([8, null]);
    const styles = ['Gruppen totalt', 'Median', 'Riket'].map((name) => {
      const [series] = byName(name);
      return [series?.lineStyle.type, series?.symbol];
    });
    expect(styles).toEqual([
      ['dashed', 'triangle'],
      ['dotted', 'rect'],
      [[10, 4, 2, 4], 'diamond'],
    ]);
    expect(option.legend.data).toEqual([
      'Helsingborg (framhävd)',
      'Gruppen totalt',
      'Median',
      'Riket',
      'Övriga kommuner',
    ]);
  });

  it('draws no focus line when no municipality is emphasised', () => {
    const option = timeChartOption(['2025-01', '2025-02'], rows(null), text) as { series: Series[] };
    expect(option.series.filter((series) => series.lineStyle.width === 4)).toHaveLength(0);
    expect(option.series.filter((series) => series.name === 'Övriga kommuner')).toHaveLength(3);
  });
});

describe('rankingChartOption', () => {
  it('bars the ranked areas best first, marks the focus by colour, border and a bold name, with the median line', () => {
    const option = rankingChartOption(rows('1283'), 1, 10.5, text) as {
      yAxis: { data: { value: string; textStyle: { fontWeight?: string } }[] };
      series: {
        data: { value: number; itemStyle: { color: string; borderWidth?: number } }[];
        markLine: { data: { xAxis: number }[] };
      }[];
    };
    expect(option.yAxis.data.map((label) => label.value)).toEqual([
      '1. Landskrona',
      '2. Helsingborg (framhävd)',
    ]);
    expect(option.yAxis.data[1]?.textStyle.fontWeight).toBe('bold');
    expect(option.series[0]?.data.map((bar) => bar.value)).toEqual([10, 11]);
    expect(option.series[0]?.data[1]?.itemStyle).toMatchObject({
      color: CHART_COLOURS.focus,
      borderWidth: 2,
    });
    expect(option.series[0]?.markLine.data).toEqual([{ xAxis: 10.5 }]);
  });

  it('is tall enough for every name', () => {
    expect(rankingHeight(290)).toBe(80 + 290 * 22);
    expect(rankingHeight(3)).toBe(240);
  });
});
