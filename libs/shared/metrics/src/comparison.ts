import { ratioOfSums, ratioSeries, sumSeries, type Aggregate } from './aggregate';
import {
  absoluteChange,
  indexTo,
  median,
  perThousand,
  populationFor,
  rank,
  relativeChange,
  shareOf,
  type Direction,
  type Ranked,
} from './comparisons';
import { isBounded, ratio, type Measure, type Observed } from './measure';

/**
 * How a comparison shows each area's value (metrics brief, "Comparisons"):
 * - AS_PUBLISHED: the indicator's own value (a count, or a ratio of its parts);
 * - PER_THOUSAND: 1000 · count / population of the latest year at or before the period's year;
 * - SHARE_OF: 100 · count / another count of the same area and period (e.g. an age band);
 * - INDEX: 100 · v(p) / v(base);
 * - CHANGE: v(p) − v(base); CHANGE_PERCENT: 100 · (v(p) − v(base)) / v(base).
 */
export type Normalisation =
  'AS_PUBLISHED' | 'PER_THOUSAND' | 'SHARE_OF' | 'INDEX' | 'CHANGE' | 'CHANGE_PERCENT';

export const NEEDS_BASE_PERIOD: ReadonlySet<Normalisation> = new Set(['INDEX', 'CHANGE', 'CHANGE_PERCENT']);
/** Normalisations that divide a count by another count: a ratio cannot be divided again. */
export const NEEDS_COUNT: ReadonlySet<Normalisation> = new Set(['PER_THOUSAND', 'SHARE_OF']);

export interface ComparisonInput {
  periods: readonly string[];
  /** the areas compared, in the order of the answer */
  areas: readonly string[];
  /** per area: the measured values, or the ratio's numerators, aligned with `periods` */
  values: ReadonlyMap<string, readonly Observed[]>;
  /** per area: a ratio's denominators (null for a measured indicator) */
  denominators: ReadonlyMap<string, readonly Observed[]> | null;
  /** a ratio's factor (100 for a percentage) */
  factor: number;
  direction: Direction;
  normalisation: Normalisation;
  /** SHARE_OF: per area, the dividing count aligned with `periods` */
  divisors?: ReadonlyMap<string, readonly Observed[]>;
  /** PER_THOUSAND: per area, the population by year */
  populations?: ReadonlyMap<string, ReadonlyMap<number, Observed>>;
  /** INDEX, CHANGE, CHANGE_PERCENT: the period compared against (one of `periods`) */
  basePeriod?: string | null;
  /** the period ranked; default the latest period in which any area has a rankable value */
  rankPeriod?: string | null;
}

export interface ComparedArea extends Ranked {
  area: string;
  /** the normalised value per period (null: missing, or not computable, e.g. an index on a `<5` base) */
  values: Observed[];
}

export interface ComparisonResult {
  periods: string[];
  areas: ComparedArea[];
  /** the median of the areas' exact values per period (bounds and missing values left out) */
  median: (number | null)[];
  /**
   * The set's own figure per period, from summed counts (a ratio of sums, never a mean of
   * ratios), with how many areas it covers.
   */
  total: Aggregate[];
  /** PER_THOUSAND: the population year each period's total divides by (the brief: "say which") */
  populationYears: (number | null)[] | null;
  basePeriod: string | null;
  rankPeriod: string | null;
}

const yearOf = (period: string) => Number(period.slice(0, 4));
const pointOrNull = (aggregate: Aggregate | undefined): Measure | null => aggregate?.value ?? null;

/** The comparison of a set of areas on one indicator: values, ranks, median and the set's total. */
export function compare(input: ComparisonInput): ComparisonResult {
  const { periods, areas, normalisation } = input;
  if (NEEDS_COUNT.has(normalisation) && input.denominators)
    throw new RangeError(`${normalisation} divides a count; this indicator is already a ratio`);
  const base = NEEDS_BASE_PERIOD.has(normalisation) ? (input.basePeriod ?? null) : null;
  const b = base === null ? -1 : periods.indexOf(base);
  if (NEEDS_BASE_PERIOD.has(normalisation) && b < 0)
    throw new RangeError(`${normalisation} needs a base period among the periods compared`);

  const published = (area: string): Observed[] => {
    const values = input.values.get(area) ?? [];
    const denominators = input.denominators?.get(area);
    return periods.map((_, i) => {
      const value = values[i] ?? null;
      if (!denominators) return value;
      const denominator = denominators[i] ?? null;
      return value && denominator ? ratio(value, denominator, input.factor) : null;
    });
  };
  const population = (area: string, i: number) =>
    populationFor(yearOf(periods[i]!), input.populations?.get(area) ?? new Map());
  const normalised = (area: string): Observed[] => {
    const own = published(area);
    return own.map((value, i) => {
      switch (normalisation) {
        case 'AS_PUBLISHED':
          return value;
        case 'PER_THOUSAND':
          return perThousand(value, population(area, i)?.value ?? null);
        case 'SHARE_OF':
          return shareOf(value, input.divisors?.get(area)?.[i] ?? null);
        case 'INDEX':
          return indexTo(value, own[b] ?? null);
        case 'CHANGE':
          return absoluteChange(value, own[b] ?? null);
        case 'CHANGE_PERCENT':
          return relativeChange(value, own[b] ?? null);
      }
    });
  };

  const rows = areas.map((area) => ({ area, values: normalised(area) }));
  const rankIndex = rankPeriodIndex(periods, rows, input.rankPeriod ?? null);
  const ranks =
    rankIndex < 0
      ? rows.map((): Ranked => ({ rank: null, quartile: null, unranked: 'MISSING' }))
      : rank(
          rows.map((row) => row.values[rankIndex] ?? null),
          input.direction,
        );

  return {
    periods: [...periods],
    areas: rows.map((row, i) => ({ ...row, ...ranks[i]! })),
    median: periods.map((_, i) => median(rows.map((row) => row.values[i] ?? null))),
    total: totals(input, b),
    populationYears:
      normalisation === 'PER_THOUSAND'
        ? periods.map((_, i) => {
            const years = areas.map((area) => population(area, i)?.year ?? null).filter((y) => y !== null);
            return years.length ? Math.max(...(years as number[])) : null;
          })
        : null,
    basePeriod: base,
    rankPeriod: rankIndex < 0 ? null : periods[rankIndex]!,
  };
}

function rankPeriodIndex(
  periods: readonly string[],
  rows: readonly { values: Observed[] }[],
  wanted: string | null,
): number {
  if (wanted !== null) {
    const i = periods.indexOf(wanted);
    if (i < 0) throw new RangeError(`the rank period ${wanted} is not among the periods compared`);
    return i;
  }
  for (let i = periods.length - 1; i >= 0; i--) {
    if (rows.some((row) => row.values[i] && !isBounded(row.values[i]!))) return i;
  }
  return -1;
}

/** The set's figure per period, always from summed counts. */
function totals(input: ComparisonInput, b: number): Aggregate[] {
  const { periods, areas } = input;
  const published = input.denominators
    ? ratioSeries(
        periods,
        areas.map((area) => ({
          area,
          numerators: input.values.get(area) ?? [],
          denominators: input.denominators!.get(area) ?? [],
        })),
        input.factor,
      )
    : sumSeries(
        periods,
        areas.map((area) => ({ area, values: input.values.get(area) ?? [] })),
      );
  const derived = (value: Observed, i: number): Aggregate => {
    const now = published[i]!;
    const then = published[b]!;
    return {
      value,
      included: Math.min(now.included, then.included),
      inScope: now.inScope,
      incomplete: now.incomplete || then.incomplete,
      bounded: value !== null && isBounded(value),
    };
  };
  switch (input.normalisation) {
    case 'AS_PUBLISHED':
      return published;
    case 'PER_THOUSAND':
      return periods.map((period, i) =>
        ratioOfSums(
          areas.map((area) => ({
            numerator: input.values.get(area)?.[i] ?? null,
            denominator:
              populationFor(yearOf(period), input.populations?.get(area) ?? new Map())?.value ?? null,
          })),
          1000,
        ),
      );
    case 'SHARE_OF':
      return periods.map((_, i) =>
        ratioOfSums(
          areas.map((area) => ({
            numerator: input.values.get(area)?.[i] ?? null,
            denominator: input.divisors?.get(area)?.[i] ?? null,
          })),
          100,
        ),
      );
    case 'INDEX':
      return periods.map((_, i) => derived(indexTo(pointOrNull(published[i]), pointOrNull(published[b])), i));
    case 'CHANGE':
      return periods.map((_, i) =>
        derived(absoluteChange(pointOrNull(published[i]), pointOrNull(published[b])), i),
      );
    case 'CHANGE_PERCENT':
      return periods.map((_, i) =>
        derived(relativeChange(pointOrNull(published[i]), pointOrNull(published[b])), i),
      );
  }
}
