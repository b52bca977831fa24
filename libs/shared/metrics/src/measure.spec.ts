import { add, midpoint, observed, point, ratio, scale, upperEnd } from './measure';

describe('values as the statistics give them', () => {
  it('reads a plain number, a "<5" (1 … 4) and a missing value', () => {
    expect(observed(12)).toEqual(point(12));
    expect(observed(1, true, 4)).toEqual({ lo: 1, hi: 4 });
    expect(observed(null)).toBeNull();
    expect(observed(Number.NaN)).toBeNull();
  });

  it('reads the template’s lower_bound flag on a plain number as "at least N", with no high end', () => {
    const atLeast = observed(12, true, null);
    expect(atLeast).toEqual({ lo: 12, hi: Infinity });
    expect(observed(12, true)).toEqual(atLeast);
    expect(upperEnd(atLeast!)).toBeNull();
    expect(upperEnd(observed(1, true, 4)!)).toBe(4);
  });

  it('refuses a high end below the low end: stored data that contradicts itself', () => {
    expect(() => observed(5, true, 4)).toThrow(RangeError);
  });

  it('carries an open end through sums and ratios without producing NaN', () => {
    const atLeast = observed(12, true)!;
    expect(add(atLeast, point(30))).toEqual({ lo: 42, hi: Infinity });
    // 12 … ∞ of 400: 3 % at least, with no high end.
    expect(ratio(atLeast, point(400), 100)).toEqual({ lo: 3, hi: Infinity });
    // 30 of at least 12: between 0 and 250 %.
    expect(ratio(point(30), atLeast, 100)).toEqual({ lo: 0, hi: 250 });
    expect(scale(atLeast, 0)).toEqual(point(0));
    expect(midpoint(atLeast)).toBe(12);
    expect(midpoint(observed(1, true, 4)!)).toBe(2.5);
  });
});
