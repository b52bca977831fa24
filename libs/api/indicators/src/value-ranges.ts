/**
 * A stored figure as a range: `low` … `high` (equal when exact; `high` null when only a
 * lower end is known, the template's `lower_bound` flag without `<N`), or null when missing.
 */
export interface StoredRange {
  low: number;
  high: number | null;
}

/** From the stored shape: `value` with `lower_bound` set is at least `value`, at most `upper_bound`. */
export function storedRange(
  value: number | null,
  lowerBound: boolean,
  upperBound: number | null,
): StoredRange | null {
  if (value === null) return null;
  return lowerBound ? { low: value, high: upperBound } : { low: value, high: value };
}

/**
 * numerator ÷ denominator × factor over ranges of non-negative figures: the smallest
 * numerator over the largest denominator is the low end. null when the denominator can be 0.
 */
export function rangeRatio(
  numerator: StoredRange | null,
  denominator: StoredRange | null,
  factor: number,
): StoredRange | null {
  if (!numerator || !denominator || denominator.low <= 0) return null;
  const low = denominator.high === null ? 0 : (numerator.low / denominator.high) * factor;
  const high = numerator.high === null ? null : (numerator.high / denominator.low) * factor;
  return { low, high };
}

/**
 * How the compact arrays carry a range (ADR 9): the exact figure in `values` only; a range
 * leaves `values` null and puts its ends in `lowerBounds` and `upperBounds`, so a client
 * that sums `values` never counts a "<5" as 1.
 */
export function compactRange(range: StoredRange | null): {
  value: number | null;
  lowerBound: number | null;
  upperBound: number | null;
} {
  if (!range) return { value: null, lowerBound: null, upperBound: null };
  if (range.high === range.low) return { value: range.low, lowerBound: null, upperBound: null };
  return { value: null, lowerBound: range.low, upperBound: range.high };
}
