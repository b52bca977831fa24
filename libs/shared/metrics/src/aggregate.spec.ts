import { latestCompletePeriod, ratioOfSums, ratioSeries, sumOfCounts, sumSeries } from './aggregate';
import { observed, point } from './measure';

// Expected numbers are worked out by hand (metrics brief, "Region aggregates").
describe('region aggregates', () => {
  it('sums counts over the members', () => {
    const aggregate = sumOfCounts([point(212), point(47), point(638)]);
    expect(aggregate).toEqual({
      value: point(897),
      included: 3,
      inScope: 3,
      incomplete: false,
      bounded: false,
    });
  });

  it('computes a region share from summed numerators and denominators, not the mean of shares', () => {
    const aggregate = ratioOfSums(
      [
        { numerator: point(212), denominator: point(1050.25) },
        { numerator: point(47), denominator: point(310.5) },
        { numerator: point(638), denominator: point(2904.75) },
      ],
      100,
    );
    // 897 / 4 265.50 × 100 = 21.029 %; the mean of the three shares would be 19.10 %.
    expect(aggregate.value!.lo).toBeCloseTo(21.0292, 4);
    expect(aggregate.value!.hi).toBe(aggregate.value!.lo);
    expect(aggregate.value!.lo).not.toBeCloseTo(19.1, 1);
    expect(aggregate.included).toBe(3);
  });

  it('makes a sum that includes a <5 value a bound, and a member without a value an incomplete sum', () => {
    const aggregate = sumOfCounts([observed(1, true, 4), point(10), null]);
    expect(aggregate).toEqual({
      value: { lo: 11, hi: 14 },
      included: 2,
      inScope: 3,
      incomplete: true,
      bounded: true,
    });
  });

  it('never reads a missing value as 0: no member with a value gives no sum', () => {
    expect(sumOfCounts([null, null])).toEqual({
      value: null,
      included: 0,
      inScope: 2,
      incomplete: true,
      bounded: false,
    });
  });

  it('carries a bounded numerator through a ratio as an interval', () => {
    const aggregate = ratioOfSums(
      [
        { numerator: observed(1, true, 4), denominator: point(200) },
        { numerator: point(10), denominator: point(300) },
      ],
      100,
    );
    // (11 … 14) / 500 × 100 = 2.2 … 2.8 %
    expect(aggregate.value!.lo).toBeCloseTo(2.2, 10);
    expect(aggregate.value!.hi).toBeCloseTo(2.8, 10);
    expect(aggregate.bounded).toBe(true);
  });

  it('carries an "at least N" with no high end through a sum and a ratio of sums', () => {
    const sum = sumOfCounts([observed(12, true), point(30)]);
    expect(sum).toMatchObject({ value: { lo: 42, hi: Infinity }, bounded: true, included: 2 });
    const share = ratioOfSums(
      [
        { numerator: observed(12, true), denominator: point(100) },
        { numerator: point(18), denominator: point(200) },
      ],
      100,
    );
    expect(share).toMatchObject({ value: { lo: 10, hi: Infinity }, bounded: true });
  });

  it('leaves out of a ratio an area that lacks either part, and says so', () => {
    const aggregate = ratioOfSums(
      [
        { numerator: point(30), denominator: point(600) },
        { numerator: point(5), denominator: null },
        { numerator: null, denominator: point(100) },
      ],
      100,
    );
    expect(aggregate.value).toEqual(point(5));
    expect(aggregate).toMatchObject({ included: 1, inScope: 3, incomplete: true });
  });

  it('gives no ratio when the denominators sum to 0', () => {
    expect(ratioOfSums([{ numerator: point(0), denominator: point(0) }], 100).value).toBeNull();
  });

  it('aggregates series period by period and finds the latest complete period', () => {
    const periods = ['2025-07', '2025-08', '2025-09'];
    const sums = sumSeries(periods, [
      { area: '1283', values: [point(100), point(110), point(120)] },
      { area: '1260', values: [point(20), point(22), null] },
    ]);
    expect(sums.map((s) => s.value?.lo)).toEqual([120, 132, 120]);
    expect(sums[2]!.incomplete).toBe(true);
    expect(latestCompletePeriod(periods, sums)).toBe('2025-08');

    const ratios = ratioSeries(
      periods,
      [
        {
          area: '1283',
          numerators: [point(10), point(12), null],
          denominators: [point(100), point(100), point(100)],
        },
        {
          area: '1260',
          numerators: [point(30), point(28), point(5)],
          denominators: [point(300), point(300), point(50)],
        },
      ],
      100,
    );
    // 40/400, 40/400, 5/50 (only one area)
    expect(ratios.map((r) => r.value?.lo)).toEqual([10, 10, 10]);
    expect(ratios.map((r) => r.included)).toEqual([2, 2, 1]);
  });
});
