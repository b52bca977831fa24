/**
 * The shape of the API's compact indicator series (IndicatorSeries in the GraphQL schema):
 * the periods once, and per area arrays aligned with them. Declared here structurally so
 * the UI does not depend on the data-access layer.
 */
export interface AreaSeriesLike {
  areaCode: string;
  areaName: string;
  /** the exact figure; null where there is none or where it is only a range */
  values: readonly (number | null)[];
  /** where the figure is only a range ("<5" is 1 … 4): its ends; else null */
  lowerBounds: readonly (number | null)[];
  upperBounds: readonly (number | null)[];
  preliminary: readonly boolean[];
  status: readonly (string | null)[];
  batchId: readonly (string | null)[];
  publishedAt: readonly (string | null)[];
  versions: readonly (number | null)[];
  /** a ratio: the batch its denominator came from (batchId is its numerator's) */
  denominatorBatchId?: readonly (string | null)[];
}

/** An import batch as a series tells it (SeriesBatch in the GraphQL schema). */
export interface SeriesBatchLike {
  id: string;
  /** AF, SCB, KOLADA, TEMPLATE or LOCAL */
  source: string;
  /** the file's kind, or MANUAL for values entered by hand */
  format: string;
  fileName: string | null;
  /** when the source published it (YYYY-MM-DD) */
  publishedAt: string | null;
  /** when it was imported or entered (ISO 8601) */
  importedAt: string;
  /** who imported or entered it (a display name; only for a collaboration's own values) */
  enteredBy: string | null;
  official: boolean;
}

export interface SeriesLike {
  indicator: { source: string; kind: string };
  periods: readonly string[];
  areas: readonly AreaSeriesLike[];
  /** the batches the values name, once each */
  batches?: readonly SeriesBatchLike[];
}

/**
 * The shape of the API's RegionSeries: a set of areas taken together (summed counts, a ratio
 * from summed parts), arrays aligned with `periods`.
 */
export interface RegionSeriesLike {
  areaCodes: readonly string[];
  periods: readonly string[];
  /** the exact figure; null where no area has a value or where the figure is only a range */
  values: readonly (number | null)[];
  lowerBounds: readonly (number | null)[];
  upperBounds: readonly (number | null)[];
  /** how many areas contributed */
  included: readonly number[];
  /** an area in scope has no value, so the figure covers fewer areas */
  incomplete: readonly boolean[];
}

/** What the region's figure for a period is: exact, only a range (a part was "<5"), or none. */
export type RegionValue =
  | { kind: 'value'; value: number }
  | { kind: 'range'; low: number; high: number | null }
  | { kind: 'missing' };

export interface RegionCell {
  period: string;
  value: RegionValue;
  /** how many of the `total` areas the figure covers */
  included: number;
  total: number;
  /** fewer than `total` areas have a value: the figure is not the region's, only theirs */
  incomplete: boolean;
}

/** The region's figure for a period as a chart may draw it: only where every area counts. */
export function regionPlotted(cell: RegionCell | null | undefined): { value: number; bound: boolean } | null {
  if (!cell || cell.incomplete) return null;
  if (cell.value.kind === 'value') return { value: cell.value.value, bound: false };
  if (cell.value.kind === 'range') return { value: cell.value.low, bound: true };
  return null;
}

/** Whether a region cell needs a footnote: it covers fewer areas, or it is only a range. */
export function regionNeedsNote(cell: RegionCell | null | undefined): boolean {
  return !!cell && (cell.incomplete || cell.value.kind === 'range');
}

/**
 * What a cell shows: a number; a figure known only as a range (a suppressed small count,
 * "<5", is 1 … 4; a share computed from one is a range too; `high` is null where only a
 * low end is known); or nothing. A range is never shown as a number.
 */
export type CellValue =
  | { kind: 'value'; value: number }
  | { kind: 'range'; low: number; high: number | null }
  | { kind: 'missing' };

/** Where a value comes from, shown on hover and focus. */
export interface Provenance {
  /** the indicator's source: AF, SCB, KOLADA or LOCAL */
  source: string;
  /** a ratio computed from its numerator and denominator when read, not stored */
  computed: boolean;
  batchId: string | null;
  /** when the source published it (YYYY-MM-DD) */
  publishedAt: string | null;
  preliminary: boolean;
  /** the source's status symbol, e.g. SCB's ".." for a missing value */
  status: string | null;
  /** the figure is known only as a range (a suppressed small count, "<5") */
  bound: boolean;
  /** the batch the value (a ratio: its numerator) came from, when the series tells it */
  batch: SeriesBatchLike | null;
  /** a ratio: the batch its denominator came from, when it is another than the numerator's */
  denominatorBatch: SeriesBatchLike | null;
}

export interface SeriesCell {
  areaCode: string;
  areaName: string;
  period: string;
  value: CellValue;
  preliminary: boolean;
  /** null when there is nothing to say (no value and nothing recorded about it) */
  provenance: Provenance | null;
}

export interface SeriesRow {
  period: string;
  cells: SeriesCell[];
  /** the areas taken together, when the table has a region column */
  region?: RegionCell | null;
}

export interface SeriesTable {
  areas: { areaCode: string; areaName: string }[];
  /** periods in the order asked for, each with one cell per area in the order of `areas` */
  rows: SeriesRow[];
  /** present when the rows carry the region's figure: how many areas it is made of */
  region?: { total: number } | null;
}

export interface SeriesTableOptions {
  /** first and last period to include (canonical codes; both included) */
  from?: string | null;
  to?: string | null;
  order?: 'newestFirst' | 'oldestFirst';
  /** the areas taken together, as a column after the areas */
  region?: RegionSeriesLike | null;
}

function regionCell(region: RegionSeriesLike, period: string): RegionCell {
  const total = region.areaCodes.length;
  const i = region.periods.indexOf(period);
  if (i < 0) return { period, value: { kind: 'missing' }, included: 0, total, incomplete: false };
  const low = region.lowerBounds[i] ?? null;
  const exact = region.values[i] ?? null;
  const value: RegionValue =
    low !== null
      ? { kind: 'range', low, high: region.upperBounds[i] ?? null }
      : exact !== null
        ? { kind: 'value', value: exact }
        : { kind: 'missing' };
  const included = region.included[i] ?? 0;
  // A period no area has a value for is simply missing, not a partial figure.
  const incomplete = value.kind !== 'missing' && (!!region.incomplete[i] || included < total);
  return { period, value, included, total, incomplete };
}

/** What one area's arrays say about period index `i`. */
export function cellValue(area: AreaSeriesLike, i: number): CellValue {
  const low = area.lowerBounds[i] ?? null;
  if (low !== null) return { kind: 'range', low, high: area.upperBounds[i] ?? null };
  const value = area.values[i] ?? null;
  return value === null ? { kind: 'missing' } : { kind: 'value', value };
}

function provenanceOf(
  series: SeriesLike,
  batches: ReadonlyMap<string, SeriesBatchLike>,
  area: AreaSeriesLike,
  i: number,
  value: CellValue,
): Provenance | null {
  const batchId = area.batchId[i] ?? null;
  const denominatorBatchId = area.denominatorBatchId?.[i] ?? null;
  const provenance: Provenance = {
    source: series.indicator.source,
    computed: series.indicator.kind === 'RATIO',
    batchId,
    publishedAt: area.publishedAt[i] ?? null,
    preliminary: !!area.preliminary[i],
    status: area.status[i] ?? null,
    bound: value.kind === 'range',
    batch: (batchId && batches.get(batchId)) || null,
    denominatorBatch:
      (denominatorBatchId && denominatorBatchId !== batchId && batches.get(denominatorBatchId)) || null,
  };
  const known =
    value.kind !== 'missing' ||
    provenance.batchId !== null ||
    provenance.publishedAt !== null ||
    provenance.status !== null ||
    provenance.preliminary;
  return known ? provenance : null;
}

/** Canonical period codes of one periodicity sort as text (2024-09 < 2024-10, 2024-W09 < 2024-W10). */
const byPeriod = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The series as a table: one row per period (within the range), one cell per area, each
 * cell with what it shows and its provenance. The chart and the table both read this, so
 * they always show the same data.
 */
export function seriesTable(series: SeriesLike, options: SeriesTableOptions = {}): SeriesTable {
  const { from = null, to = null, order = 'newestFirst', region = null } = options;
  const batches = new Map((series.batches ?? []).map((batch) => [batch.id, batch]));
  const indices = series.periods
    .map((period, index) => ({ period, index }))
    .filter(({ period }) => (!from || period >= from) && (!to || period <= to))
    .sort((a, b) => byPeriod(a.period, b.period) * (order === 'newestFirst' ? -1 : 1));
  return {
    areas: series.areas.map(({ areaCode, areaName }) => ({ areaCode, areaName })),
    region: region ? { total: region.areaCodes.length } : null,
    rows: indices.map(({ period, index }) => ({
      period,
      region: region ? regionCell(region, period) : null,
      cells: series.areas.map((area) => {
        const value = cellValue(area, index);
        return {
          areaCode: area.areaCode,
          areaName: area.areaName,
          period,
          value,
          preliminary: !!area.preliminary[index],
          provenance: provenanceOf(series, batches, area, index, value),
        };
      }),
    })),
  };
}

/** The number a chart plots for a cell: only real values (a "<5" or a gap is not drawn as a number). */
export function plottedValue(cell: SeriesCell): number | null {
  return cell.value.kind === 'value' ? cell.value.value : null;
}

export interface SeriesSummary {
  areaCount: number;
  from: string | null;
  to: string | null;
  /** the last period where any area has a value, with the highest and lowest area then */
  latest: {
    period: string;
    highest: { areaName: string; value: number };
    lowest: { areaName: string; value: number };
  } | null;
}

/** What a chart of the table shows, in a few facts: for its text alternative. */
export function summarise(table: SeriesTable): SeriesSummary {
  const periods = table.rows.map((row) => row.period).sort(byPeriod);
  const latestRow = [...table.rows]
    .sort((a, b) => byPeriod(b.period, a.period))
    .find((row) => row.cells.some((cell) => plottedValue(cell) !== null));
  let latest: SeriesSummary['latest'] = null;
  if (latestRow) {
    const points = latestRow.cells
      .map((cell) => ({ areaName: cell.areaName, value: plottedValue(cell) }))
      .filter((point): point is { areaName: string; value: number } => point.value !== null)
      .sort((a, b) => b.value - a.value);
    latest = { period: latestRow.period, highest: points[0], lowest: points[points.length - 1] };
  }
  return {
    areaCount: table.areas.length,
    from: periods[0] ?? null,
    to: periods[periods.length - 1] ?? null,
    latest,
  };
}

/** One area's most recent figure: the newest period where it has a value or a range. */
export interface LatestValue {
  areaCode: string;
  areaName: string;
  /** null when the area has no figure in any period */
  period: string | null;
  value: CellValue;
  preliminary: boolean;
}

/**
 * Each area's latest figure, in the order of the series' areas, whatever range of periods
 * the table shows: a gap in the newest period does not hide an area's last known value.
 */
export function latestValues(series: SeriesLike): LatestValue[] {
  const newestFirst = series.periods
    .map((period, index) => ({ period, index }))
    .sort((a, b) => byPeriod(b.period, a.period));
  return series.areas.map((area) => {
    for (const { period, index } of newestFirst) {
      const value = cellValue(area, index);
      if (value.kind !== 'missing')
        return {
          areaCode: area.areaCode,
          areaName: area.areaName,
          period,
          value,
          preliminary: !!area.preliminary[index],
        };
    }
    return {
      areaCode: area.areaCode,
      areaName: area.areaName,
      period: null,
      value: { kind: 'missing' },
      preliminary: false,
    };
  });
}
