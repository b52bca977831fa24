import { ComparisonData, comparisonRows, exportComparison, rankIndex, tableWindow } from './comparison-table';

/** Lower is better: 12.0, 9.5, 9.5, <5, 15.1, missing (the metrics brief's example). */
function comparison(): ComparisonData {
  const area = (
    areaCode: string,
    areaName: string,
    value: number | null,
    rank: number | null,
    quartile: number | null,
    unranked: 'BOUNDED' | 'MISSING' | null = null,
    bounds: { index: number; low: number; high: number | null }[] = [],
  ) => ({ areaCode, areaName, values: [10, value], bounds, rank, quartile, unranked });
  return {
    periods: ['2025-01', '2025-02'],
    rankPeriod: '2025-02',
    areas: [
      area('1260', 'Bjuv', null, null, null, 'MISSING'),
      area('1283', 'Helsingborg', 12, 3, 3),
      area('1282', 'Landskrona', 9.5, 1, 1),
      area('1284', 'Höganäs', 9.5, 1, 1),
      area('1275', 'Perstorp', null, null, null, 'BOUNDED', [{ index: 1, low: 1, high: 4 }]),
      area('1292', 'Ängelholm', 15.1, 4, 4),
    ],
    median: [10, 10.75],
    total: { values: [40, null], bounds: [{ index: 1, low: 47.1, high: 50.1 }] },
    country: { areaCode: '0000', areaName: 'Riket', values: [8, 8.5], bounds: [] },
  };
}

const names = { total: 'Gruppen totalt', median: 'Median' };

describe('comparisonRows', () => {
  it('orders the ranked by rank (ties by name), then ranges, then missing values', () => {
    const rows = comparisonRows(comparison(), '1283', names);
    expect(rows.areas.map((row) => [row.areaName, row.rank, row.quartile, row.unranked])).toEqual([
      ['Höganäs', 1, 1, null],
      ['Landskrona', 1, 1, null],
      ['Helsingborg', 3, 3, null],
      ['Ängelholm', 4, 4, null],
      ['Perstorp', null, null, 'BOUNDED'],
      ['Bjuv', null, null, 'MISSING'],
    ]);
    expect(rows.areas.filter((row) => row.focus).map((row) => row.areaCode)).toEqual(['1283']);
  });

  it('keeps a "<5" as a range and a missing value as missing, never as 0', () => {
    const rows = comparisonRows(comparison(), null, names);
    const perstorp = rows.areas.find((row) => row.areaCode === '1275')!;
    expect(perstorp.cells).toEqual([
      { kind: 'value', value: 10 },
      { kind: 'range', low: 1, high: 4 },
    ]);
    const bjuv = rows.areas.find((row) => row.areaCode === '1260')!;
    expect(bjuv.cells[1]).toEqual({ kind: 'missing' });
  });

  it('adds the total (a range where a part is one), the median and the country as reference rows', () => {
    const rows = comparisonRows(comparison(), null, names);
    expect(rows.references.map((row) => [row.kind, row.areaName, row.cells])).toEqual([
      [
        'total',
        'Gruppen totalt',
        [
          { kind: 'value', value: 40 },
          { kind: 'range', low: 47.1, high: 50.1 },
        ],
      ],
      [
        'median',
        'Median',
        [
          { kind: 'value', value: 10 },
          { kind: 'value', value: 10.75 },
        ],
      ],
      [
        'country',
        'Riket',
        [
          { kind: 'value', value: 8 },
          { kind: 'value', value: 8.5 },
        ],
      ],
    ]);
    expect(comparisonRows({ ...comparison(), country: null }, null, names).references).toHaveLength(2);
  });
});

describe('rankIndex and tableWindow', () => {
  it('ranks the rank period, else the last', () => {
    expect(rankIndex({ periods: ['a', 'b', 'c'], rankPeriod: 'b' })).toBe(1);
    expect(rankIndex({ periods: ['a', 'b', 'c'], rankPeriod: null })).toBe(2);
  });

  it('shows a window of columns ending at the chosen period, else at the rank period', () => {
    const periods = Array.from({ length: 120 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    expect(tableWindow(periods, null, 119, 12)).toEqual({ start: 108, end: 119 });
    expect(tableWindow(periods, 'p050', 119, 12)).toEqual({ start: 39, end: 50 });
    // Near the start the window is still full.
    expect(tableWindow(periods, 'p003', 119, 12)).toEqual({ start: 0, end: 11 });
    expect(tableWindow(periods.slice(0, 5), null, 4, 12)).toEqual({ start: 0, end: 4 });
    expect(tableWindow([], null, -1, 12)).toEqual({ start: 0, end: -1 });
  });
});

describe('exportComparison', () => {
  it('exports every area and period: numbers as numbers, ranges as "1–4", missing as empty, with the notes', () => {
    const data = comparison();
    const rows = comparisonRows(data, '1283', names);
    const table = exportComparison(data, rows, {
      sheetName: 'Jämförelse',
      rank: 'Rang',
      quartile: 'Kvartil',
      area: 'Kommun',
      code: 'Kommunkod',
      note: 'Anmärkning',
      noteOf: (row) => (row.unranked ? `ej rangordnad (${row.unranked})` : ''),
      period: (period) => period,
    });
    expect(table.columns.map((column) => column.header)).toEqual([
      'Rang',
      'Kvartil',
      'Kommun',
      'Kommunkod',
      '2025-01',
      '2025-02',
      'Anmärkning',
    ]);
    expect(table.rows).toEqual([
      [1, 1, 'Höganäs', '1284', 10, 9.5, null],
      [1, 1, 'Landskrona', '1282', 10, 9.5, null],
      [3, 3, 'Helsingborg', '1283', 10, 12, null],
      [4, 4, 'Ängelholm', '1292', 10, 15.1, null],
      [null, null, 'Perstorp', '1275', 10, '1–4', 'ej rangordnad (BOUNDED)'],
      [null, null, 'Bjuv', '1260', 10, null, 'ej rangordnad (MISSING)'],
      [null, null, 'Gruppen totalt', null, 40, '47.1–50.1', null],
      [null, null, 'Median', null, 10, 10.75, null],
      [null, null, 'Riket', '0000', 8, 8.5, null],
    ]);
  });

  it('exports a range with no high end ("at least 12") as "≥12" text', () => {
    const data = comparison();
    const open = {
      ...data,
      areas: data.areas.map((a) =>
        a.areaCode === '1275' ? { ...a, bounds: [{ index: 1, low: 12, high: null }] } : a,
      ),
    };
    const table = exportComparison(open, comparisonRows(open, '1283', names), {
      sheetName: 'Jämförelse',
      rank: 'Rang',
      quartile: 'Kvartil',
      area: 'Kommun',
      code: 'Kommunkod',
      note: 'Anmärkning',
      noteOf: () => '',
      period: (period) => period,
    });
    expect(table.rows.find((row) => row[3] === '1275')!.slice(4, 6)).toEqual([10, '≥12']);
  });
});
