import type { Comparison, ComparisonContext } from '@kraftsamling/web/comparisons/data-access';

export const INDICATOR = {
  __typename: 'Indicator' as const,
  id: 'i1',
  code: 'af.bas.utrk.unemployment_share',
  nameSv: 'Andel arbetslösa utrikes födda kvinnor',
  nameEn: 'Share unemployed foreign-born women',
  unit: 'PERCENT' as const,
  periodicity: 'MONTH' as const,
  direction: 'LOWER_IS_BETTER' as const,
  kind: 'RATIO' as const,
  collaborationId: null,
  denominatorCode: 'af.bas.utrk.labour_force',
};

export function context(): ComparisonContext {
  const skane = { code: '12', name: 'Skåne län' };
  return {
    collaborationId: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    indicators: [
      INDICATOR,
      {
        ...INDICATOR,
        id: 'i2',
        code: 'af.bas.utrk.unemployed',
        nameSv: 'Arbetslösa utrikes födda kvinnor',
        unit: 'COUNT',
        kind: 'COUNT',
      },
    ],
    municipalities: [
      { code: '1260', name: 'Bjuv', county: skane },
      { code: '1283', name: 'Helsingborg', county: skane },
      { code: '1282', name: 'Landskrona', county: skane },
      { code: '1275', name: 'Perstorp', county: skane },
    ],
    counties: [skane],
    memberCodes: ['1260', '1275', '1282', '1283'],
    peerSets: [],
    ownMunicipality: '1283',
  } as ComparisonContext;
}

/** Four members over two months: Landskrona best, Helsingborg second, Perstorp "<5", Bjuv missing. */
export function comparison(): Comparison {
  const area = (
    areaCode: string,
    areaName: string,
    values: (number | null)[],
    rank: number | null,
    unranked: 'BOUNDED' | 'MISSING' | null,
    bounds: { index: number; low: number; high: number }[] = [],
  ) => ({ areaCode, areaName, values, bounds, rank, quartile: rank == null ? null : rank * 2, unranked });
  return {
    indicator: INDICATOR,
    normalisation: 'AS_PUBLISHED',
    denominatorCode: null,
    basePeriod: null,
    rankPeriod: '2025-02',
    periods: ['2025-01', '2025-02'],
    populationYears: null,
    areas: [
      area('1260', 'Bjuv', [12.5, null], null, 'MISSING'),
      area('1283', 'Helsingborg', [15.5, 15.4], 2, null),
      area('1282', 'Landskrona', [10.25, 10.1], 1, null),
      area('1275', 'Perstorp', [3.2, null], null, 'BOUNDED', [{ index: 1, low: 0.4, high: 1.6 }]),
    ],
    median: [12.5, 12.75],
    total: {
      values: [13.3, null],
      bounds: [{ index: 1, low: 12.9, high: 13.2 }],
      included: [4, 3],
      inScope: 4,
    },
    country: null,
    excluded: [],
  } as unknown as Comparison;
}
