import { ASSUMED_HISTORY_MONTHS, ASSUMED_MEMBER_AREAS, seriesCost } from './series-cost';

describe('seriesCost', () => {
  it('is the distinct areas × the months from the start of from to the end of to', () => {
    expect(seriesCost({ args: { areaCodes: ['1283'], from: '2015-01', to: '2024-12' } })).toBe(120);
    expect(
      seriesCost({ args: { areaCodes: ['1283', '1260', '1283'], from: '2024-01', to: '2024-03' } }),
    ).toBe(6);
    const everyArea = Array.from({ length: 290 }, (_, i) => String(1000 + i));
    expect(seriesCost({ args: { areaCodes: everyArea, from: '2015-01', to: '2024-12' } })).toBe(290 * 120);
  });

  it('counts quarters, years and weeks by the months they span', () => {
    expect(seriesCost({ args: { areaCodes: ['1283'], from: '2020-Q1', to: '2020-Q4' } })).toBe(12);
    expect(seriesCost({ args: { areaCodes: ['1283'], from: '2015', to: '2024' } })).toBe(120);
    expect(seriesCost({ args: { areaCodes: ['1283'], from: '2024-W01', to: '2024-W04' } })).toBe(1);
  });

  it('assumes a collaboration’s members and the whole history when the request leaves them out', () => {
    expect(seriesCost({ args: {} })).toBe(ASSUMED_MEMBER_AREAS * ASSUMED_HISTORY_MONTHS);
    expect(seriesCost({ args: { areaCodes: [] } })).toBe(ASSUMED_MEMBER_AREAS * ASSUMED_HISTORY_MONTHS);
    expect(seriesCost({ args: { areaCodes: ['1283'], from: 'yesterday' } })).toBe(ASSUMED_HISTORY_MONTHS);
  });

  it('reaches to this month when only from is given, and costs at least one month', () => {
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(seriesCost({ args: { areaCodes: ['1283'], from: thisMonth } })).toBe(1);
    expect(seriesCost({ args: { areaCodes: ['1283'], from: '2024-12', to: '2024-01' } })).toBe(1);
  });
});
