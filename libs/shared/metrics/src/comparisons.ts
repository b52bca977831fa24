import { hasUpperEnd, isBounded, ratio, scale, subtract, type Measure, type Observed } from './measure';

/**
 * Peer comparison (metrics brief, "Comparisons"): normalisations, ranks, quartiles,
 * the median, and similar municipalities.
 */

/** 1000 · v / population; null where either is missing or the population is 0. */
export function perThousand(value: Observed, population: Observed): Observed {
  if (!value || !population) return null;
  return ratio(value, population, 1000);
}

/** 100 · v / denominator for the same area and period. */
export function shareOf(value: Observed, denominator: Observed): Observed {
  if (!value || !denominator) return null;
  return ratio(value, denominator, 100);
}

/**
 * 100 · v(p) / v(base). No index where the base is missing, a bound or 0: an index on an
 * uncertain base would make every later point uncertain by an unknown factor.
 */
export function indexTo(value: Observed, base: Observed): Observed {
  if (!value || !base || isBounded(base) || base.lo === 0) return null;
  return scale(value, 100 / base.lo);
}

/**
 * v(p) − v(s); null where the start has no high end ("at least 12"): the change would have
 * no low end, and a change unbounded below says nothing.
 */
export function absoluteChange(value: Observed, since: Observed): Observed {
  if (!value || !since || !hasUpperEnd(since)) return null;
  return subtract(value, since);
}

/** 100 · (v(p) − v(s)) / v(s); null for a missing, bounded or zero start. */
export function relativeChange(value: Observed, since: Observed): Observed {
  if (!value || !since || isBounded(since) || since.lo === 0) return null;
  return scale(subtract(value, since), 100 / since.lo);
}

/**
 * For a series of population figures by year, the population to divide a period's value
 * by: the latest year at or before the period's year (the brief: "say which").
 */
export function populationFor(
  year: number,
  populationByYear: ReadonlyMap<number, Observed>,
): { year: number; value: Measure } | null {
  let best: { year: number; value: Measure } | null = null;
  for (const [y, value] of populationByYear) {
    if (value && y <= year && (!best || y > best.year)) best = { year: y, value };
  }
  return best;
}

export type Direction = 'LOWER_IS_BETTER' | 'HIGHER_IS_BETTER';

export interface Ranked {
  /** standard competition rank (1, 2, 2, 4); null for bounded and missing values */
  rank: number | null;
  /** ⌈4 · rank / k⌉ among the k ranked areas */
  quartile: number | null;
  /** why an area is not ranked */
  unranked?: 'MISSING' | 'BOUNDED';
}

/**
 * Ranks in the indicator's better direction. Bounded and missing values are not ranked
 * (their place is unknown) and get a reason instead; the result is in input order.
 */
export function rank(values: readonly Observed[], direction: Direction): Ranked[] {
  const comparable = values
    .map((value, i) => ({ value, i }))
    .filter(
      (entry): entry is { value: Measure; i: number } => entry.value !== null && !isBounded(entry.value),
    );
  const better = direction === 'LOWER_IS_BETTER' ? 1 : -1;
  const sorted = [...comparable].sort((a, b) => better * (a.value.lo - b.value.lo));
  const k = sorted.length;
  const ranks = new Map<number, number>();
  sorted.forEach((entry, position) => {
    const previous = sorted[position - 1];
    const sameAsPrevious = previous && previous.value.lo === entry.value.lo;
    ranks.set(entry.i, sameAsPrevious ? ranks.get(previous.i)! : position + 1);
  });
  return values.map((value, i) => {
    const r = ranks.get(i);
    if (r !== undefined) return { rank: r, quartile: Math.ceil((4 * r) / k) };
    return { rank: null, quartile: null, unranked: value === null ? 'MISSING' : 'BOUNDED' };
  });
}

/** The median of the rankable values (exact numbers only); mean of the middle two for an even count. */
export function median(values: readonly Observed[]): number | null {
  const numbers = values
    .filter((value): value is Measure => value !== null && !isBounded(value))
    .map((value) => value.lo)
    .sort((a, b) => a - b);
  if (numbers.length === 0) return null;
  const middle = Math.floor(numbers.length / 2);
  return numbers.length % 2 === 1 ? numbers[middle]! : (numbers[middle - 1]! + numbers[middle]!) / 2;
}

export interface SimilarityInput {
  /** the area to compare with */
  area: string;
  /** one row per area: its value of each chosen indicator (null: missing) */
  values: ReadonlyMap<string, readonly (number | null)[]>;
  /** one weight per indicator (default: equal) */
  weights?: readonly number[];
  /** how many to list (default 10) */
  limit?: number;
}

export interface SimilarArea {
  area: string;
  distance: number;
  /** each indicator's term of the squared distance, w_j · (z_ij − z_0j)² / Σ w: they sum to distance² */
  contributions: number[];
}

/**
 * The nearest areas on standardised values: each indicator is standardised over every
 * area with a value (z = (x − mean) / sd, population sd), and the distance is
 * √(Σ w_j (z_ij − z_0j)²) / √(Σ w_j). Areas lacking any chosen indicator are left out, as
 * is an indicator that does not vary (sd 0: it tells no one apart).
 */
export function similarAreas(input: SimilarityInput): SimilarArea[] {
  const own = input.values.get(input.area);
  if (!own) throw new RangeError(`no values for ${input.area}`);
  const count = own.length;
  const weights = input.weights ?? Array.from({ length: count }, () => 1);
  if (weights.length !== count || weights.some((w) => !(w >= 0))) {
    throw new RangeError('one non-negative weight per indicator is needed');
  }
  const stats = Array.from({ length: count }, (_, j) => {
    const xs = [...input.values.values()]
      .map((row) => row[j])
      .filter((x): x is number => x !== null && x !== undefined);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    return { mean, sd };
  });
  const used = stats.map((s, j) => s.sd > 0 && (weights[j] ?? 0) > 0 && own[j] !== null);
  const weightSum = weights.reduce((s, w, j) => s + (used[j] ? w : 0), 0);
  if (weightSum === 0) return [];
  const z = (x: number, j: number) => (x - stats[j]!.mean) / stats[j]!.sd;
  const result: SimilarArea[] = [];
  for (const [area, row] of input.values) {
    if (area === input.area) continue;
    if (row.some((x, j) => used[j] && (x === null || x === undefined))) continue;
    const contributions = row.map((x, j) =>
      used[j] ? ((weights[j] ?? 0) * (z(x as number, j) - z(own[j] as number, j)) ** 2) / weightSum : 0,
    );
    result.push({ area, distance: Math.sqrt(contributions.reduce((s, c) => s + c, 0)), contributions });
  }
  return result
    .sort((a, b) => a.distance - b.distance || a.area.localeCompare(b.area))
    .slice(0, input.limit ?? 10);
}
