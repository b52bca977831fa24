import {
  absoluteChange,
  indexTo,
  median,
  perThousand,
  populationFor,
  rank,
  relativeChange,
  shareOf,
  similarAreas,
} from './comparisons';
import { observed, point } from './measure';

// Expected numbers are worked out by hand (metrics brief, "Comparisons").
describe('normalisations', () => {
  it('computes per 1 000 inhabitants and a share of a denominator', () => {
    // 25 / 41 234 × 1 000 = 0.60630
    expect(perThousand(point(25), point(41234))!.lo).toBeCloseTo(0.6063, 4);
    // 212 / 1 050.25 × 100 = 20.186 %
    expect(shareOf(point(212), point(1050.25))!.lo).toBeCloseTo(20.186, 3);
    expect(perThousand(null, point(1000))).toBeNull();
    expect(shareOf(point(5), point(0))).toBeNull();
  });

  it('keeps a <5 value a range after normalising', () => {
    // 1 … 4 of 2 000 → 0.05 … 0.2 %
    const share = shareOf(observed(1, true, 4), point(2000))!;
    expect(share.lo).toBeCloseTo(0.05, 10);
    expect(share.hi).toBeCloseTo(0.2, 10);
  });

  it('indexes to a base period, and gives no index on a missing, bounded or zero base', () => {
    expect(indexTo(point(150), point(120))).toEqual(point(125));
    expect(indexTo(point(150), null)).toBeNull();
    expect(indexTo(point(150), observed(1, true, 4))).toBeNull();
    expect(indexTo(point(150), point(0))).toBeNull();
  });

  it('computes change since a period, absolute and relative', () => {
    expect(absoluteChange(point(150), point(120))).toEqual(point(30));
    expect(relativeChange(point(150), point(120))).toEqual(point(25));
    expect(relativeChange(point(150), point(0))).toBeNull();
    // 150 − (1 … 4) = 146 … 149
    expect(absoluteChange(point(150), observed(1, true, 4))).toEqual({ lo: 146, hi: 149 });
    // From "at least 12" the change has no low end: unknown, not −∞.
    expect(absoluteChange(point(150), observed(12, true))).toBeNull();
    expect(absoluteChange(observed(150, true), point(12))).toEqual({ lo: 138, hi: Infinity });
  });

  it('divides by the latest population year at or before the period, and says which', () => {
    const population = new Map([
      [2022, point(100)],
      [2023, point(110)],
      [2025, null],
    ]);
    expect(populationFor(2024, population)).toEqual({ year: 2023, value: point(110) });
    expect(populationFor(2025, population)).toEqual({ year: 2023, value: point(110) });
    expect(populationFor(2021, population)).toBeNull();
  });
});

describe('ranks, quartiles and the median (the brief example)', () => {
  const values = [point(12), point(9.5), point(9.5), observed(1, true, 4), point(15.1), null];

  it('ranks with ties in the better direction, leaving bounded and missing values unranked', () => {
    expect(rank(values, 'LOWER_IS_BETTER')).toEqual([
      { rank: 3, quartile: 3 },
      { rank: 1, quartile: 1 },
      { rank: 1, quartile: 1 },
      { rank: null, quartile: null, unranked: 'BOUNDED' },
      { rank: 4, quartile: 4 },
      { rank: null, quartile: null, unranked: 'MISSING' },
    ]);
  });

  it('ranks the other way when higher is better', () => {
    expect(rank(values, 'HIGHER_IS_BETTER').map((r) => r.rank)).toEqual([2, 3, 3, null, 1, null]);
    expect(rank(values, 'HIGHER_IS_BETTER').map((r) => r.quartile)).toEqual([2, 3, 3, null, 1, null]);
  });

  it('takes the median of the ranked values', () => {
    expect(median(values)).toBe(10.75);
    expect(median([point(3), point(1), point(2)])).toBe(2);
    expect(median([null])).toBeNull();
  });
});

describe('similar municipalities', () => {
  // Indicator 1: 1, 2, 3, 4 (sd √1.25); indicator 2: 10, 10, 10, 20 (sd √18.75).
  const values = new Map<string, (number | null)[]>([
    ['A', [1, 10]],
    ['B', [2, 10]],
    ['C', [3, 10]],
    ['D', [4, 20]],
    ['E', [null, 10]],
  ]);

  it('lists the nearest by weighted distance on standardised values, with each indicator’s contribution', () => {
    // The standardisation of indicator 1 uses A–D; E (missing it) is left out of the list.
    // Indicator 2 over A–E: mean 12, sd 4, so A–D differ by 10/4 = 2.5 standard deviations.
    const similar = similarAreas({ area: 'A', values });
    expect(similar.map((s) => s.area)).toEqual(['B', 'C', 'D']);
    // B: √(0.8 / 2), C: √(3.2 / 2), D: √((7.2 + 6.25) / 2)
    expect(similar[0]!.distance).toBeCloseTo(Math.sqrt(0.4), 10);
    expect(similar[1]!.distance).toBeCloseTo(Math.sqrt(1.6), 10);
    expect(similar[2]!.distance).toBeCloseTo(Math.sqrt(6.725), 10);
    expect(similar[2]!.contributions[0]).toBeCloseTo(3.6, 10);
    expect(similar[2]!.contributions[1]).toBeCloseTo(3.125, 10);
  });

  it('applies the user’s weights', () => {
    // Weight 0 on indicator 2: only indicator 1 counts, and D is 3/√1.25 away.
    const similar = similarAreas({ area: 'A', values, weights: [1, 0], limit: 1 });
    expect(similar).toHaveLength(1);
    expect(similar[0]!.area).toBe('B');
    expect(similar[0]!.distance).toBeCloseTo(Math.sqrt(0.8), 10);
  });
});
