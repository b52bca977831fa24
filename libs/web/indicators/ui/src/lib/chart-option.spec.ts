import { unemployedSeries } from '../testing/series';
import { ChartFormatting, lineChartOption } from './chart-option';
import { seriesTable } from './series-table';

const format: ChartFormatting = {
  animation: false,
  periodLabel: (period) => `P${period}`,
  value: (value) => `${value} st`,
  cellText: (table, row, area) => {
    const value = table.rows[row].cells[area].value;
    return value.kind === 'value' ? `${value.value}` : value.kind === 'below' ? `<${value.limit}` : 'saknas';
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
