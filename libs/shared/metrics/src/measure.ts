/**
 * A value as the statistics give it: a number, or only known to lie in an interval
 * (AF's `<5` is 1 … 4), or missing. Missing is `null` and is never read as 0; a bound is
 * carried as an interval through every sum and ratio, so a result that depends on one is
 * visibly a bound too (metrics brief, "Values that are not plain numbers").
 */
export interface Measure {
  readonly lo: number;
  readonly hi: number;
}

/** null: no value (SCB's `..`, Kolada's missing, or no row at all). */
export type Observed = Measure | null;

export const point = (value: number): Measure => ({ lo: value, hi: value });

export const isBounded = (measure: Measure): boolean => measure.lo !== measure.hi;

/**
 * From the stored shape of a value: `value` with `lowerBound` set means the value is only
 * known to be at least `value` and at most `upperBound`.
 */
export function observed(
  value: number | null | undefined,
  lowerBound = false,
  upperBound?: number | null,
): Observed {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (!lowerBound) return point(value);
  const hi = upperBound ?? null;
  if (hi === null || !Number.isFinite(hi) || hi < value) {
    throw new RangeError(`a lower-bound value ${value} needs an upper bound at or above it`);
  }
  return { lo: value, hi };
}

export function add(a: Measure, b: Measure): Measure {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function scale(a: Measure, factor: number): Measure {
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

/** The midpoint: only for drawing and fitting, never for a figure shown as exact. */
export const midpoint = (measure: Measure): number => (measure.lo + measure.hi) / 2;
