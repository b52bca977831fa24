import { compare } from './comparison';
import { observed, point, type Observed } from './measure';

// Every expected number is worked out by hand from the inputs written beside it.
const lt5 = observed(1, true, 4);
const series = (entries: Record<string, Observed[]>) => new Map(Object.entries(entries));

describe('compare: a ratio indicator (unemployment share, factor 100)', () => {
  // A: 10/100, 8/100; B: 30/200, 33/220; C: <5 of 50, then nothing.
  const input = {
    periods: ['2025-09', '2025-10'],
    areas: ['A', 'B', 'C'],
    values: series({ A: [point(10), point(8)], B: [point(30), point(33)], C: [lt5, null] }),
    denominators: series({
      A: [point(100), point(100)],
      B: [point(200), point(220)],
      C: [point(50), point(50)],
    }),
    factor: 100,
    direction: 'LOWER_IS_BETTER' as const,
    normalisation: 'AS_PUBLISHED' as const,
  };
  const result = compare(input);

  it('shows each area as published: 10 % and 8 %, 15 % and 15 %, 2–8 % then missing', () => {
    expect(result.areas.map((a) => a.values)).toEqual([
      [point(10), point(8)],
      [point(15), point(15)],
      [{ lo: 2, hi: 8 }, null],
    ]);
  });

  it('totals from summed parts: (10+30+1…4)/350 = 11.714…12.571 %, then 41/320 = 12.8125 % of 2 areas', () => {
    const [september, october] = result.total;
    expect(september!.value!.lo).toBeCloseTo(11.7143, 4);
    expect(september!.value!.hi).toBeCloseTo(12.5714, 4);
    expect(september).toMatchObject({ included: 3, inScope: 3, incomplete: false, bounded: true });
    // Not the mean of the two ratios, 11.5 %.
    expect(october!.value!.lo).toBeCloseTo(12.8125, 10);
    expect(october).toMatchObject({ included: 2, inScope: 3, incomplete: true, bounded: false });
  });

  it('ranks the latest period with a value, lower is better, leaving out the missing area', () => {
    expect(result.rankPeriod).toBe('2025-10');
    expect(result.areas.map(({ rank, quartile, unranked }) => ({ rank, quartile, unranked }))).toEqual([
      { rank: 1, quartile: 2, unranked: undefined },
      { rank: 2, quartile: 4, unranked: undefined },
      { rank: null, quartile: null, unranked: 'MISSING' },
    ]);
  });

  it('ranks a chosen period: the bounded area is not ranked, for its place is unknown', () => {
    const september = compare({ ...input, rankPeriod: '2025-09' });
    expect(september.areas.map((a) => [a.rank, a.unranked])).toEqual([
      [1, undefined],
      [2, undefined],
      [null, 'BOUNDED'],
    ]);
  });

  it('takes the median of the exact values only: (10+15)/2 = 12.5, (8+15)/2 = 11.5', () => {
    expect(result.median).toEqual([12.5, 11.5]);
  });

  it('refuses to divide a ratio again', () => {
    expect(() => compare({ ...input, normalisation: 'PER_THOUSAND' })).toThrow(/already a ratio/);
    expect(() => compare({ ...input, normalisation: 'SHARE_OF' })).toThrow(/already a ratio/);
  });
});

describe('compare: an index of counts at a base period', () => {
  // Counts: A 200, 150, 100; B <5, 10, 20; C 50, missing, 75. Base: the last period.
  const input = {
    periods: ['2025-01', '2025-02', '2025-03'],
    areas: ['A', 'B', 'C'],
    values: series({
      A: [point(200), point(150), point(100)],
      B: [lt5, point(10), point(20)],
      C: [point(50), null, point(75)],
    }),
    denominators: null,
    factor: 1,
    direction: 'LOWER_IS_BETTER' as const,
    normalisation: 'INDEX' as const,
    basePeriod: '2025-03',
  };
  const result = compare(input);

  it('indexes each area to its own base: A 200, 150, 100; B 5…20, 50, 100; C 66.67, –, 100', () => {
    expect(result.areas[0]!.values).toEqual([point(200), point(150), point(100)]);
    expect(result.areas[1]!.values).toEqual([{ lo: 5, hi: 20 }, point(50), point(100)]);
    expect(result.areas[2]!.values[0]!.lo).toBeCloseTo(66.6667, 4);
    expect(result.areas[2]!.values.slice(1)).toEqual([null, point(100)]);
  });

  it('indexes the set’s summed counts: 251…254 / 195, 160 / 195 (incomplete), 195 / 195', () => {
    expect(result.total[0]!.value!.lo).toBeCloseTo(128.718, 3);
    expect(result.total[0]!.value!.hi).toBeCloseTo(130.256, 3);
    expect(result.total[1]!.value!.lo).toBeCloseTo(82.0513, 4);
    expect(result.total[1]).toMatchObject({ included: 2, incomplete: true });
    expect(result.total[2]!.value!.lo).toBeCloseTo(100, 10);
    expect(result.total[2]).toMatchObject({ included: 3, incomplete: false, bounded: false });
  });

  it('gives no index where the base is a bound or missing', () => {
    const onBoundedBase = compare({ ...input, basePeriod: '2025-01' });
    expect(onBoundedBase.areas[1]!.values).toEqual([null, null, null]);
    expect(onBoundedBase.total.map((t) => t.value)).toEqual([null, null, null]);
    expect(() => compare({ ...input, basePeriod: '2024-12' })).toThrow(/base period/);
  });

  it('ranks with ties sharing a place: two areas at 100 in the base period both rank 1', () => {
    const ranked = compare({ ...input, rankPeriod: '2025-03' });
    expect(ranked.areas.map((a) => a.rank)).toEqual([1, 1, 1]);
    const second = compare({ ...input, rankPeriod: '2025-02' });
    expect(second.areas.map((a) => [a.rank, a.unranked])).toEqual([
      [2, undefined],
      [1, undefined],
      [null, 'MISSING'],
    ]);
  });
});

describe('compare: per 1 000 inhabitants, a share, and change since a period', () => {
  it('divides by the latest population at or before the year and says which: 120/12 000, 40/5 000', () => {
    const result = compare({
      periods: ['2025-03'],
      areas: ['A', 'B'],
      values: series({ A: [point(120)], B: [point(40)] }),
      denominators: null,
      factor: 1,
      direction: 'LOWER_IS_BETTER',
      normalisation: 'PER_THOUSAND',
      populations: new Map([
        [
          'A',
          new Map([
            [2024, point(10000)],
            [2025, point(12000)],
            [2026, point(13000)],
          ]),
        ],
        ['B', new Map([[2024, point(5000)]])],
      ]),
    });
    expect(result.areas.map((a) => a.values)).toEqual([[point(10)], [point(8)]]);
    // (120 + 40) / (12 000 + 5 000) × 1 000 = 9.41176…
    expect(result.total[0]!.value!.lo).toBeCloseTo(9.41176, 5);
    expect(result.populationYears).toEqual([2025]);
  });

  it('takes a share of another count of the same area and period: 30 of 120 = 25 %', () => {
    const result = compare({
      periods: ['2025'],
      areas: ['A', 'B'],
      values: series({ A: [point(30)], B: [point(10)] }),
      denominators: null,
      factor: 1,
      direction: 'HIGHER_IS_BETTER',
      normalisation: 'SHARE_OF',
      divisors: series({ A: [point(120)], B: [null] }),
    });
    expect(result.areas.map((a) => a.values)).toEqual([[point(25)], [null]]);
    // The set's share counts only the areas with both parts: 30 / 120.
    expect(result.total[0]).toEqual({
      value: point(25),
      included: 1,
      inScope: 2,
      incomplete: true,
      bounded: false,
    });
  });

  it('changes since a period: 50 → 40 is −10, or −20 %; the set 50+30 → 40+36 is −4, or −5 %', () => {
    const base = {
      periods: ['2024-09', '2025-09'],
      areas: ['A', 'B'],
      values: series({ A: [point(50), point(40)], B: [point(30), point(36)] }),
      denominators: null,
      factor: 1,
      direction: 'LOWER_IS_BETTER' as const,
      basePeriod: '2024-09',
    };
    const change = compare({ ...base, normalisation: 'CHANGE' });
    expect(change.areas.map((a) => a.values[1])).toEqual([point(-10), point(6)]);
    expect(change.total[1]!.value).toEqual(point(-4));
    const percent = compare({ ...base, normalisation: 'CHANGE_PERCENT' });
    expect(percent.areas.map((a) => a.values[1])).toEqual([point(-20), point(20)]);
    expect(percent.total[1]!.value).toEqual(point(-5));
    // Lower is better: the smaller change ranks first.
    expect(percent.areas.map((a) => a.rank)).toEqual([1, 2]);
  });
});
