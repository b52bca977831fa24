import { unemployedRegion, unemployedSeries } from '../testing/series';
import {
  latestValues,
  cellValue,
  plottedValue,
  regionNeedsNote,
  regionPlotted,
  seriesTable,
  summarise,
} from './series-table';

describe('seriesTable', () => {
  it('makes one row per period, newest first, with one cell per area in the API order', () => {
    const table = seriesTable(unemployedSeries());
    expect(table.areas).toEqual([
      { areaCode: '1283', areaName: 'Helsingborg' },
      { areaCode: '1275', areaName: 'Perstorp' },
    ]);
    expect(table.rows.map((row) => row.period)).toEqual(['2024-09', '2024-08', '2024-07']);
    expect(table.rows[0].cells.map((cell) => cell.areaCode)).toEqual(['1283', '1275']);
    expect(seriesTable(unemployedSeries(), { order: 'oldestFirst' }).rows[0].period).toBe('2024-07');
  });

  it('reads a suppressed small count as the range 1 … 4 the API gives, never as a value', () => {
    const july = seriesTable(unemployedSeries()).rows[2];
    expect(july.cells[1].value).toEqual({ kind: 'range', low: 1, high: 4 });
    expect(plottedValue(july.cells[1])).toBeNull();
  });

  it('marks a null value as missing, with no provenance when nothing is recorded about it', () => {
    const august = seriesTable(unemployedSeries()).rows[1];
    expect(august.cells[1].value).toEqual({ kind: 'missing' });
    expect(august.cells[1].provenance).toBeNull();
  });

  it("keeps a missing value's provenance when the source said why (a status symbol)", () => {
    const series = unemployedSeries();
    series.areas[1].status = [null, '..', null];
    series.areas[1].batchId = [null, 'batch-scb', null];
    const august = seriesTable(series).rows[1];
    expect(august.cells[1].value).toEqual({ kind: 'missing' });
    expect(august.cells[1].provenance).toEqual({
      source: 'AF',
      computed: false,
      batchId: 'batch-scb',
      publishedAt: null,
      preliminary: false,
      status: '..',
      bound: false,
      batch: null,
      denominatorBatch: null,
    });
  });

  it('gives every value its provenance: source, batch, publication date and preliminary flag', () => {
    const september = seriesTable(unemployedSeries()).rows[0];
    expect(september.cells[0]).toEqual({
      areaCode: '1283',
      areaName: 'Helsingborg',
      period: '2024-09',
      value: { kind: 'value', value: 1198 },
      preliminary: true,
      provenance: {
        source: 'AF',
        computed: false,
        batchId: 'b7d3e5f0-0000-4000-8000-000000000002',
        publishedAt: '2024-10-15',
        preliminary: true,
        status: null,
        bound: false,
        batch: unemployedSeries().batches![1],
        denominatorBatch: null,
      },
    });
  });

  it('says a suppressed small count is a bound, with the batch it came from', () => {
    const july = seriesTable(unemployedSeries()).rows[2];
    expect(july.cells[1].provenance).toMatchObject({
      bound: true,
      batch: { fileName: 'arbetslosa-2024-08.xlsx', importedAt: '2024-08-15T08:30:00Z' },
    });
  });

  it("names a ratio's denominator batch when it is another than its numerator's", () => {
    const series = { ...unemployedSeries(), indicator: { source: 'AF', kind: 'RATIO' } };
    const [first, second] = series.batches!;
    series.areas[0].denominatorBatchId = [first.id, first.id, first.id];
    const table = seriesTable(series);
    // September: the numerator from the October file, the denominator from the August one.
    expect(table.rows[0].cells[0].provenance).toMatchObject({ batch: second, denominatorBatch: first });
    // July: both parts from the same file, told once.
    expect(table.rows[2].cells[0].provenance).toMatchObject({ batch: first, denominatorBatch: null });
  });

  it('marks the values of a ratio as computed', () => {
    const series = { ...unemployedSeries(), indicator: { source: 'AF', kind: 'RATIO' } };
    expect(seriesTable(series).rows[0].cells[0].provenance?.computed).toBe(true);
  });

  it('keeps only the periods within the range, both ends included', () => {
    const table = seriesTable(unemployedSeries(), { from: '2024-08', to: '2024-09' });
    expect(table.rows.map((row) => row.period)).toEqual(['2024-09', '2024-08']);
    expect(seriesTable(unemployedSeries(), { from: '2024-08' }).rows).toHaveLength(2);
    expect(seriesTable(unemployedSeries(), { to: '2024-07' }).rows).toHaveLength(1);
  });

  it('reads a lower bound without an upper one as a range open above', () => {
    const area = {
      ...unemployedSeries().areas[0],
      values: [null, 1250.5, 1198],
      lowerBounds: [1234, null, null],
    };
    expect(cellValue(area, 0)).toEqual({ kind: 'range', low: 1234, high: null });
  });
});

describe('summarise', () => {
  it('names the range and the highest and lowest area in the latest period with values', () => {
    expect(summarise(seriesTable(unemployedSeries()))).toEqual({
      areaCount: 2,
      from: '2024-07',
      to: '2024-09',
      latest: {
        period: '2024-09',
        highest: { areaName: 'Helsingborg', value: 1198 },
        lowest: { areaName: 'Perstorp', value: 7 },
      },
    });
  });
});

describe('seriesTable with the region', () => {
  const table = seriesTable(unemployedSeries(), { order: 'oldestFirst', region: unemployedRegion() });
  const region = (period: string) => table.rows.find((row) => row.period === period)?.region;

  it('adds the region to every row, saying how many areas it is made of', () => {
    expect(table.region).toEqual({ total: 2 });
    expect(region('2024-09')).toEqual({
      period: '2024-09',
      value: { kind: 'value', value: 1205 },
      included: 2,
      total: 2,
      incomplete: false,
    });
  });

  it('keeps a sum with a "<5" part as a range, never as a single number', () => {
    expect(region('2024-07')?.value).toEqual({ kind: 'range', low: 1235, high: 1238 });
    expect(regionPlotted(region('2024-07'))).toEqual({ value: 1235, bound: true });
    expect(regionNeedsNote(region('2024-07'))).toBe(true);
  });

  it('flags a period a member has no value for as covering fewer areas, and does not plot it', () => {
    expect(region('2024-08')).toMatchObject({ included: 1, total: 2, incomplete: true });
    expect(regionPlotted(region('2024-08'))).toBeNull();
    expect(regionNeedsNote(region('2024-08'))).toBe(true);
    expect(regionNeedsNote(region('2024-09'))).toBe(false);
  });

  it('reads a period the region does not have as missing, not as a partial figure', () => {
    const later = seriesTable(
      { ...unemployedSeries(), periods: ['2024-09', '2024-10'] },
      { region: unemployedRegion() },
    );
    expect(later.rows[0]?.region).toEqual({
      period: '2024-10',
      value: { kind: 'missing' },
      included: 0,
      total: 2,
      incomplete: false,
    });
  });

  it('has no region without one', () => {
    expect(seriesTable(unemployedSeries()).region).toBeNull();
    expect(seriesTable(unemployedSeries()).rows[0]?.region).toBeNull();
  });
});

describe('latestValues', () => {
  it("gives each area's newest figure, a range as a range, whatever the newest period holds", () => {
    const series = unemployedSeries();
    // Helsingborg has nothing in the newest period: its August value is its latest.
    // Perstorp's only figure is July's "<5".
    const [helsingborg, perstorp] = series.areas;
    series.areas = [
      { ...helsingborg, values: [1234, 1250.5, null], preliminary: [false, true, false] },
      { ...perstorp, values: [null, null, null] },
    ];
    expect(latestValues(series)).toEqual([
      {
        areaCode: '1283',
        areaName: 'Helsingborg',
        period: '2024-08',
        value: { kind: 'value', value: 1250.5 },
        preliminary: true,
      },
      {
        areaCode: '1275',
        areaName: 'Perstorp',
        period: '2024-07',
        value: { kind: 'range', low: 1, high: 4 },
        preliminary: false,
      },
    ]);
  });

  it('reads the periods newest first even when they come unordered, and says when an area has none', () => {
    const series = unemployedSeries();
    const order = [2, 0, 1];
    const pick = <T>(values: readonly T[]) => order.map((i) => values[i]);
    series.periods = pick(series.periods);
    series.areas = series.areas.map((area) => ({
      ...area,
      values: pick(area.values),
      lowerBounds: pick(area.lowerBounds),
      upperBounds: pick(area.upperBounds),
      preliminary: pick(area.preliminary),
    }));
    series.areas = [
      series.areas[0],
      {
        ...series.areas[1],
        values: [null, null, null],
        lowerBounds: [null, null, null],
        upperBounds: [null, null, null],
      },
    ];
    const [helsingborg, perstorp] = latestValues(series);
    expect(helsingborg.period).toBe('2024-09');
    expect(helsingborg.value).toEqual({ kind: 'value', value: 1198 });
    expect(perstorp).toEqual({
      areaCode: '1275',
      areaName: 'Perstorp',
      period: null,
      value: { kind: 'missing' },
      preliminary: false,
    });
  });
});
