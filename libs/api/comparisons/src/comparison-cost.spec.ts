import { compact } from './comparison.service';
import { comparisonCost } from './comparison-cost';

describe('comparisonCost', () => {
  const cost = (input: Record<string, unknown>) => comparisonCost({ args: { input } });

  it('lets all 290 municipalities over ten years through: 290 × 120 / 5 = 6 960', () => {
    expect(cost({ peers: { kind: 'ALL' }, from: '2016-01', to: '2025-12' })).toBe(6960);
  });

  it('counts a list by its distinct areas and a whole history as 240 months', () => {
    expect(
      cost({ peers: { kind: 'AREAS', areaCodes: ['1280', '1281', '1280'] }, from: '2025-01', to: '2025-12' }),
    ).toBe(Math.ceil((2 * 12) / 5));
    // A saved set may hold up to 312 areas: over a whole history that is over the limit of 10 000.
    expect(cost({ peers: { kind: 'PEER_SET' } })).toBe(Math.ceil((312 * 240) / 5));
  });
});

describe('compact', () => {
  it('drops the binary noise of division: seven significant digits', () => {
    expect(compact([{ lo: (330 / 7500) * 100, hi: (330 / 7500) * 100 }]).values).toEqual([4.4]);
    expect(compact([{ lo: 1 / 3, hi: 1 / 3 }]).values).toEqual([0.3333333]);
  });

  it('keeps exact values as numbers and ranges beside them, by position', () => {
    expect(compact([{ lo: 5, hi: 5 }, null, { lo: 1, hi: 4 }])).toEqual({
      values: [5, null, null],
      bounds: [{ index: 2, low: 1, high: 4 }],
    });
  });
});
