import { GOAL_LINES, goalChartOption, goalChartRows } from './goal-chart';
import { formatQuantity, formatShare, formatSignedQuantity } from './goal-formatting';

const exact = (value: number) => ({ value, low: value, high: value });

// B = 240 in 2025-09, T = 120 in 2027-09: the expected path falls 5 a month (E = 180 in 2026-09).
const INPUT = {
  periods: ['2025-09', '2025-10', '2026-09'],
  values: [240, 238, 200],
  lowerBounds: [null, null, null],
  upperBounds: [null, null, null],
  baselinePeriod: '2025-09',
  targetPeriod: '2027-09',
  baseline: exact(240),
  target: exact(120),
  latestPeriod: '2026-09',
  latest: exact(200),
  projection: exact(160),
};

describe('goalChartRows', () => {
  it('runs from the baseline to the target period with the straight path and the projection at the end', () => {
    const rows = goalChartRows(INPUT);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toEqual({
      period: '2025-09',
      value: 240,
      low: null,
      high: null,
      expected: 240,
      projection: null,
    });
    expect(rows[1]).toMatchObject({ period: '2025-10', value: 238, expected: 235 });
    expect(rows[2]).toMatchObject({ period: '2025-11', value: null, expected: 230 });
    expect(rows[12]).toMatchObject({ period: '2026-09', value: 200, expected: 180 });
    expect(rows[24]).toEqual({
      period: '2027-09',
      value: null,
      low: null,
      high: null,
      expected: 120,
      projection: 160,
    });
  });

  it('keeps a <5 value as its range, never as a point', () => {
    const rows = goalChartRows({
      ...INPUT,
      values: [null, 7, 6],
      lowerBounds: [1, null, null],
      upperBounds: [4, null, null],
      baseline: { value: null, low: 1, high: 4 },
      target: { value: null, low: 0.5, high: 2 },
    });
    expect(rows[0]).toMatchObject({ value: null, low: 1, high: 4 });
  });

  it('keeps a value with no high end ("at least 12") as its low end, and draws it there', () => {
    const input = {
      ...INPUT,
      values: [null, 238, 200],
      lowerBounds: [12, null, null],
      upperBounds: [null, null, null],
      baseline: { value: null, low: 12, high: null },
      target: { value: null, low: 6, high: null },
    };
    expect(goalChartRows(input)[0]).toMatchObject({ value: null, low: 12, high: null, expected: 12 });
    const option = goalChartOption(input, {
      animation: false,
      periodLabel: (period) => period,
      value: String,
      names: {
        actual: 'Utfall',
        baseline: 'Utgångsläge',
        target: 'Mål',
        expected: 'Väg',
        projection: 'Trend',
      },
    }) as { series: { data: (number | null)[] }[] };
    expect(option.series[0]!.data[0]).toBe(12);
    expect(option.series[0]!.data.every((y) => y === null || Number.isFinite(y))).toBe(true);
  });

  it('draws the baseline, target, expected path and projection as lines that differ by style', () => {
    const option = goalChartOption(INPUT, {
      animation: false,
      periodLabel: (p) => p,
      value: (v) => String(v),
      names: {
        actual: 'Utfall',
        baseline: 'Utgångsläge',
        target: 'Målvärde',
        expected: 'Förväntat',
        projection: 'Prognos',
      },
    }) as { series: { name: string; data: (number | null)[]; lineStyle: { type: unknown } }[] };
    expect(option.series.map((s) => s.name)).toEqual([
      'Utfall',
      'Utgångsläge',
      'Målvärde',
      'Förväntat',
      'Prognos',
    ]);
    expect(new Set(option.series.map((s) => JSON.stringify(s.lineStyle.type))).size).toBe(5);
    const projection = option.series[4]!.data;
    expect(projection[12]).toBe(200);
    expect(projection[24]).toBe(160);
    expect(option.series[2]!.data.every((v) => v === 120)).toBe(true);
  });

  it('draws no legend of its own (it paged on a phone) and each line as the key above the charts shows it', () => {
    const option = goalChartOption(INPUT, {
      animation: false,
      periodLabel: (p) => p,
      value: (v) => String(v),
      names: { actual: 'a', baseline: 'b', target: 't', expected: 'e', projection: 'p' },
    }) as {
      legend?: unknown;
      series: { color: string; symbol: string; lineStyle: { type: unknown; width: number } }[];
    };
    expect(option.legend).toBeUndefined();
    expect(
      option.series.map((series) => [series.color, series.lineStyle.type, series.lineStyle.width]),
    ).toEqual(GOAL_LINES.map((line) => [line.colour, line.type, line.width]));
    expect(option.series.map((series) => series.symbol)).toEqual(
      GOAL_LINES.map((line) => line.symbol ?? 'none'),
    );
  });

  it('gives every line a colour of at least 3:1 against a white page (WCAG 1.4.11)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const line of GOAL_LINES) expect(1.05 / (luminance(line.colour) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe('goal formatting', () => {
  it('shows a "<5" as "<5", other ranges with a dash, never a made-up point, and signs changes', () => {
    expect(formatQuantity({ value: null, low: 1, high: 4 }, 'COUNT', 'sv')).toBe('<5');
    expect(formatQuantity({ value: null, low: 2047, high: 2050 }, 'COUNT', 'sv')).toBe(
      '2\u00a0047–2\u00a0050',
    );
    expect(formatQuantity({ value: null, low: 0.5, high: 2 }, 'COUNT', 'sv')).toBe('0,5–2');
    expect(formatQuantity({ value: null, low: 0.238, high: 0.952 }, 'PERCENT', 'sv')).toBe(
      '0,24–0,95\u00a0%',
    );
    expect(formatQuantity(exact(1234.5), 'COUNT', 'sv').replace(/\u00a0/g, ' ')).toBe('1 234,5');
    expect(formatQuantity(null, 'COUNT', 'sv')).toBe('');
    // A range with no high end: "at least".
    expect(formatQuantity({ value: null, low: 12, high: null }, 'COUNT', 'sv')).toBe('≥12');
    expect(formatSignedQuantity({ value: null, low: -3, high: null }, 'COUNT', 'sv')).toBe('≥−3');
    expect(formatShare({ value: null, low: 0.25, high: null }, 'en')).toBe('≥25%');
    expect(formatSignedQuantity(exact(-40), 'COUNT', 'sv')).toBe('−40');
    expect(formatSignedQuantity(exact(12), 'COUNT', 'en')).toBe('+12');
    expect(formatShare(exact(-0.5), 'sv', true).replace(/\u00a0/g, ' ')).toBe('−50 %');
    expect(formatShare(exact(1 / 3), 'en')).toBe('33%');
  });
});
