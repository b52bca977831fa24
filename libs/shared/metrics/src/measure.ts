/**
 * A value as the statistics give it: a number, or only known to lie in an interval
 * (AF's `<5` is 1 … 4), or missing. Missing is `null` and is never read as 0; a bound is
 * carried as an interval through every sum and ratio, so a result that depends on one is
 * visibly a bound too (metrics brief, "Values that are not plain numbers").
 */
export interface Measure {
  /** always a finite number */
  readonly lo: number;
  /**
   * `Infinity` when only a low end is known (the template's `lower_bound` flag on a plain
   * number: "at least N"); sums and ratios then carry the open end on their own
   * (N + ∞ = ∞, N ÷ ∞ = 0), and an answer shows it as no high end (`upperEnd`).
   */
  readonly hi: number;
}

/** null: no value (SCB's `..`, Kolada's missing, or no row at all). */
export type Observed = Measure | null;

export const point = (value: number): Measure => ({ lo: value, hi: value });

export const isBounded = (measure: Measure): boolean => measure.lo !== measure.hi;

/** The high end as an answer carries it: null when the range has none. */
export const upperEnd = (measure: Measure): number | null =>
  Number.isFinite(measure.hi) ? measure.hi : null;

/** Whether the range has a high end (a `<5` has, an "at least 12" has not). */
export const hasUpperEnd = (measure: Measure): boolean => Number.isFinite(measure.hi);

/**
 * From the stored shape of a value: `value` with `lowerBound` set means the value is only
 * known to be at least `value` and at most `upperBound`, or has no high end when
 * `upperBound` is null.
 */
export function observed(
  value: number | null | undefined,
  lowerBound = false,
  upperBound?: number | null,
): Observed {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (!lowerBound) return point(value);
  if (upperBound === null || upperBound === undefined) return { lo: value, hi: Infinity };
  if (!Number.isFinite(upperBound) || upperBound < value) {
    throw new RangeError(`a lower-bound value ${value} has an upper bound ${upperBound} below it`);
  }
  return { lo: value, hi: upperBound };
}

export function add(a: Measure, b: Measure): Measure {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function scale(a: Measure, factor: number): Measure {
  if (factor === 0) return point(0);
  const x = a.lo * factor;
  const y = a.hi * factor;
  return x <= y ? { lo: x, hi: y } : { lo: y, hi: x };
}

/**
 * numerator ÷ denominator × factor over intervals of non-negative numbers (counts and
 * their populations): the smallest numerator over the largest denominator is the low end.
 * null when the denominator can be 0.
 */
export function ratio(numerator: Measure, denominator: Measure, factor = 1): Measure | null {
  if (denominator.lo <= 0) return null;
  return scale({ lo: numerator.lo / denominator.hi, hi: numerator.hi / denominator.lo }, factor);
}

export const subtract = (a: Measure, b: Measure): Measure => ({ lo: a.lo - b.hi, hi: a.hi - b.lo });

/**
 * The midpoint: only for drawing and fitting, never for a figure shown as exact. A range
 * with no high end has none: its low end stands in.
 */
export const midpoint = (measure: Measure): number =>
  hasUpperEnd(measure) ? (measure.lo + measure.hi) / 2 : measure.lo;
