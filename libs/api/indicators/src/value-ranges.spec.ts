import type { SourceObservation } from '@kraftsamling/api/statistics-formats';
import { compactRange, rangeRatio, storedRange } from './value-ranges';
import { addToSum, completedSum, newPartialSum } from './summed-series';

describe('a stored range in the compact series (ADR 9)', () => {
  it('carries a "<5" (stored as 1 with upper bound 4) as null in values and 1 … 4 in the bounds', () => {
    expect(compactRange(storedRange(1, true, 4))).toEqual({ value: null, lowerBound: 1, upperBound: 4 });
    expect(compactRange(storedRange(7, false, null))).toEqual({
      value: 7,
      lowerBound: null,
      upperBound: null,
    });
    expect(compactRange(storedRange(null, false, null))).toEqual({
      value: null,
      lowerBound: null,
      upperBound: null,
    });
    // the template's lower_bound flag without "<N": at least 12, high end unknown, still not a value
    expect(compactRange(storedRange(12, true, null))).toEqual({
      value: null,
      lowerBound: 12,
      upperBound: null,
    });
  });

  it('divides ranges end to end: a "<5" of 420 is 0,24 … 0,95 %, never 1 ÷ 420', () => {
    const share = rangeRatio(storedRange(1, true, 4), storedRange(420, false, null), 100)!;
    expect(share.low).toBeCloseTo(0.2381, 4);
    expect(share.high).toBeCloseTo(0.9524, 4);
    expect(compactRange(share).value).toBeNull();
    // a bounded denominator widens the range: smallest numerator over largest denominator
    expect(rangeRatio(storedRange(10, false, null), storedRange(1, true, 4), 1)).toEqual({
      low: 2.5,
      high: 10,
    });
    expect(
      compactRange(rangeRatio(storedRange(50, false, null), storedRange(200, false, null), 100)),
    ).toEqual({
      value: 25,
      lowerBound: null,
      upperBound: null,
    });
    expect(rangeRatio(storedRange(3, false, null), storedRange(0, false, null), 100)).toBeNull();
    expect(rangeRatio(storedRange(12, true, null), storedRange(100, false, null), 100)).toEqual({
      low: 12,
      high: null,
    });
  });
});

describe('a sum over classes that include a bound', () => {
  const location: SourceObservation['location'] = { sheet: 's', cell: 'A1' };
  const indicator = {
    id: 'i',
    code: 'scb.sum',
    sourceKey: {
      source: 'SCB',
      table: 'T',
      contentsCode: 'c',
      sum: { dimension: 'Alder', codes: ['a', 'b', 'c'] },
    },
  } as unknown as Parameters<typeof newPartialSum>[0];
  const observation = (value: number, bound?: { upper?: number }): SourceObservation =>
    ({
      series: { source: 'SCB' },
      area: '1283',
      period: '2024',
      value,
      ...(bound
        ? { lowerBound: true, ...(bound.upper !== undefined ? { upperBound: bound.upper } : {}) }
        : {}),
      location,
    }) as SourceObservation;
  const sum = (parts: SourceObservation[]) => {
    const partial = newPartialSum(indicator, parts[0]!);
    parts.forEach((part, i) => addToSum(partial, { Alder: ['a', 'b', 'c'][i]! }, part));
    return completedSum(partial)!;
  };

  it('is a range from the sum of the low ends to the sum of the high ends', () => {
    expect(sum([observation(10), observation(1, { upper: 4 }), observation(20)])).toMatchObject({
      value: 31,
      lowerBound: true,
      upperBound: 34,
    });
  });

  it('has no high end when a class has none (its value is only its low end)', () => {
    expect(sum([observation(10), observation(12, {}), observation(20)])).toMatchObject({
      value: 42,
      lowerBound: true,
      upperBound: null,
    });
  });
});
