import type { IndicatorUnit } from './catalogue';

/**
 * The values an indicator's unit can hold. Beyond them a figure is a typo or an attack
 * (1e308 overflows every sum and chart it reaches), so entry refuses it. Counts stop at
 * ten times Sweden's population; percentages and per-thousands may rise tenfold but not fall
 * below minus the whole; currency stops at a trillion kronor.
 */
export const VALUE_BOUNDS: Readonly<Record<IndicatorUnit, { min: number; max: number }>> = {
  COUNT: { min: 0, max: 100_000_000 },
  PERCENT: { min: -100, max: 1000 },
  PER_1000: { min: -1000, max: 10_000 },
  CURRENCY: { min: -1e12, max: 1e12 },
  OTHER: { min: -1e12, max: 1e12 },
};

/** 100 000 000: digits grouped by spaces, as Swedish and SI write them. */
const format = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Why `value` cannot be a value of `unit`, or null when it can. */
export function valueOutOfBounds(unit: IndicatorUnit, value: number): string | null {
  const { min, max } = VALUE_BOUNDS[unit];
  if (value < min)
    return unit === 'COUNT' ? 'a count cannot be negative' : `must be at least ${format(min)} (${unit})`;
  if (value > max) return `must be at most ${format(max)} (${unit})`;
  return null;
}
