import { add, isBounded, ratio, type Measure, type Observed } from './measure';

/**
 * The figure of a set of areas (a collaboration's members, a goal's members, a county)
 * for one period. A region's figure is always computed from summed counts: a ratio is
 * Σ numerators ÷ Σ denominators, never the mean of the areas' ratios (metrics brief).
 */
export interface Aggregate {
  /** null when no area in scope has a value (or the denominators sum to 0) */
  value: Measure | null;
  /** how many areas in scope contributed */
  included: number;
  /** how many areas are in scope */
  inScope: number;
  /** an area in scope has no value: the figure covers only `included` areas */
  incomplete: boolean;
  /** some contributing value is only a bound, so the figure is an interval */
  bounded: boolean;
}

function summarise(value: Measure | null, included: number, inScope: number): Aggregate {
  return {
    value,
    included,
    inScope,
    incomplete: included < inScope,
    bounded: value !== null && isBounded(value),
  };
}

/** Σ of a count over the areas in scope; a missing area marks the sum incomplete. */
export function sumOfCounts(values: readonly Observed[]): Aggregate {
  let total: Measure | null = null;
  let included = 0;
  for (const value of values) {
    if (value === null) continue;
    total = total === null ? value : add(total, value);
    included++;
  }
  return summarise(total, included, values.length);
}

export interface RatioParts {
  numerator: Observed;
  denominator: Observed;
}

/**
 * factor · Σ n ÷ Σ d over the areas that have both parts in the period; an area with
 * either part missing is left out and marks the figure incomplete.
 */
export function ratioOfSums(parts: readonly RatioParts[], factor: number): Aggregate {
  let numerator: Measure | null = null;
  let denominator: Measure | null = null;
  let included = 0;
  for (const part of parts) {
    if (part.numerator === null || part.denominator === null) continue;
    numerator = numerator === null ? part.numerator : add(numerator, part.numerator);
    denominator = denominator === null ? part.denominator : add(denominator, part.denominator);
    included++;
  }
  const value = numerator === null || denominator === null ? null : ratio(numerator, denominator, factor);
  return summarise(value, included, parts.length);
}

/** One area's series: a value per period, aligned with the periods of the request. */
export interface AreaSeriesValues {
  area: string;
  values: readonly Observed[];
}

/** The aggregate of a count indicator for each period. */
export function sumSeries(periods: readonly string[], areas: readonly AreaSeriesValues[]): Aggregate[] {
  return periods.map((_, i) => sumOfCounts(areas.map((area) => area.values[i] ?? null)));
}

export interface AreaRatioSeries {
  area: string;
  numerators: readonly Observed[];
  denominators: readonly Observed[];
}

/** The aggregate of a ratio indicator for each period, from its parts. */
export function ratioSeries(
  periods: readonly string[],
  areas: readonly AreaRatioSeries[],
  factor: number,
): Aggregate[] {
  return periods.map((_, i) =>
    ratioOfSums(
      areas.map((area) => ({
        numerator: area.numerators[i] ?? null,
        denominator: area.denominators[i] ?? null,
      })),
      factor,
    ),
  );
}

/**
 * The latest period whose aggregate covers every area in scope: where the newest period
 * is incomplete, the figure to show beside it (saying which period it is).
 */
export function latestCompletePeriod(
  periods: readonly string[],
  aggregates: readonly Aggregate[],
): string | null {
  for (let i = periods.length - 1; i >= 0; i--) {
    const aggregate = aggregates[i];
    if (aggregate && !aggregate.incomplete && aggregate.value !== null) return periods[i] ?? null;
  }
  return null;
}
