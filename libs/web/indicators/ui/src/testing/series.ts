import type { RegionSeriesLike, SeriesLike } from '../lib/series-table';

/**
 * A small series as the API sends it: foreign-born women registered unemployed in two
 * member municipalities over three months. Fictional figures.
 */
export function unemployedSeries(): SeriesLike & { indicator: { source: string; kind: string } } {
  return {
    indicator: { source: 'AF', kind: 'MEASURED' },
    periods: ['2024-07', '2024-08', '2024-09'],
    areas: [
      {
        areaCode: '1283',
        areaName: 'Helsingborg',
        values: [1234, 1250.5, 1198],
        lowerBounds: [null, null, null],
        upperBounds: [null, null, null],
        preliminary: [false, false, true],
        status: [null, null, null],
        batchId: [
          '4f2a9c1e-0000-4000-8000-000000000001',
          '4f2a9c1e-0000-4000-8000-000000000001',
          'b7d3e5f0-0000-4000-8000-000000000002',
        ],
        publishedAt: ['2024-08-14', '2024-09-13', '2024-10-15'],
        versions: [1, 1, 2],
      },
      {
        areaCode: '1275',
        areaName: 'Perstorp',
        values: [null, null, 7],
        lowerBounds: [1, null, null],
        upperBounds: [4, null, null],
        preliminary: [false, false, false],
        status: [null, null, null],
        batchId: ['4f2a9c1e-0000-4000-8000-000000000001', null, 'b7d3e5f0-0000-4000-8000-000000000002'],
        publishedAt: ['2024-08-14', null, '2024-10-15'],
        versions: [1, null, 1],
      },
    ],
    batches: [
      {
        id: '4f2a9c1e-0000-4000-8000-000000000001',
        source: 'AF',
        format: 'AF_WORKBOOK',
        fileName: 'arbetslosa-2024-08.xlsx',
        publishedAt: '2024-08-14',
        importedAt: '2024-08-15T08:30:00Z',
        enteredBy: null,
        official: true,
      },
      {
        id: 'b7d3e5f0-0000-4000-8000-000000000002',
        source: 'AF',
        format: 'AF_WORKBOOK',
        fileName: 'arbetslosa-2024-10.xlsx',
        publishedAt: '2024-10-15',
        importedAt: '2024-10-16T08:02:00Z',
        enteredBy: null,
        official: true,
      },
    ],
  };
}

/**
 * The two municipalities of unemployedSeries() taken together, worked out by hand:
 * July 1234 + "<5" is 1235 to 1238 (a range); August only Helsingborg has a value (1250.5,
 * one of two); September 1198 + 7 = 1205.
 */
export function unemployedRegion(): RegionSeriesLike {
  return {
    areaCodes: ['1283', '1275'],
    periods: ['2024-07', '2024-08', '2024-09'],
    values: [null, 1250.5, 1205],
    lowerBounds: [1235, null, null],
    upperBounds: [1238, null, null],
    included: [2, 1, 2],
    incomplete: [false, true, false],
  };
}
