import { readFileSync } from 'node:fs';
import { parseJsonStat } from './parse-jsonstat';

const scb = (name: string) => readFileSync(new URL(`../fixtures/scb/${name}`, import.meta.url));
const sample = (name: string) => readFileSync(new URL(`../fixtures/jsonstat/${name}`, import.meta.url));

const COUNTIES = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];

describe('parseJsonStat on SCB files', () => {
  it('TAB6471 (v2, monthly population by county, age and sex): 2 772 values, last id varies fastest', () => {
    const parsed = parseJsonStat(scb('scb_v2_TAB6471_data_jsonstat2.json'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('JSON_STAT_2');
    expect(parsed.meta).toEqual({
      title: 'Folkmängden per månad efter region, ålder, kön och månad',
      tableId: 'TAB6471',
      updated: '2026-06-08T06:00:00Z',
      source: 'SCB',
    });
    const obs = parsed.observations;
    expect(obs).toHaveLength(2772);
    expect(obs.slice(0, 4)).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((period, i) => ({
        series: {
          source: 'SCB',
          table: 'TAB6471',
          contentsCode: '000007SF',
          dimensions: { Alder: '0-9', Kon: 'TotSa' },
        },
        area: '0001',
        period,
        value: [245284, 247245, 249358, 251635][i],
        location: { index: i, path: `value[${i}]` },
      })),
    );
    // Skåne län (12), 20–29, women (2), March 2026.
    expect(obs[1222]).toMatchObject({
      area: '0012',
      period: '2026-03',
      value: 83467,
      series: { dimensions: { Alder: '20-29', Kon: '2' } },
    });
    expect(obs[2771]).toMatchObject({
      area: '0025',
      period: '2026-04',
      value: 54,
      series: { dimensions: { Alder: '100+10', Kon: '2' } },
    });
    expect(new Set(obs.map((o) => o.area))).toEqual(new Set(COUNTIES.map((c) => `00${c}`)));
    expect(obs.reduce((sum, o) => sum + (o.value ?? 0), 0)).toBe(84837753);
    expect(obs.every((o) => o.status === undefined && o.value !== null)).toBe(true);
  });

  it('TAB638 (v2, one cell): Riket 2024 = 50 937 unmarried boys aged 0', () => {
    const parsed = parseJsonStat(scb('scb_v2_TAB638_data_BE0101N1_jsonstat2.json'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations).toEqual([
      {
        series: {
          source: 'SCB',
          table: 'TAB638',
          contentsCode: 'BE0101N1',
          dimensions: { Civilstand: 'OG', Alder: '0', Kon: '1' },
        },
        area: '0000',
        period: '2024',
        value: 50937,
        location: { index: 0, path: 'value[0]' },
      },
    ]);
  });

  it('TAB3554 (v1 json-stat2, Region eliminated): a problem unless a default area is given', () => {
    const withoutArea = parseJsonStat(scb('scb_v1_TAB3554_jsonstat2.json'));
    expect(withoutArea.observations).toEqual([]);
    expect(withoutArea.problems).toEqual([
      {
        location: { path: 'id' },
        message:
          'the file has no region dimension (Kon, Alder, ContentsCode, Tid): was Region eliminated in the query? Pass a default area (e.g. 0000 for the whole country) to import it anyway',
      },
    ]);

    const parsed = parseJsonStat(scb('scb_v1_TAB3554_jsonstat2.json'), { defaultArea: '0000' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.meta.tableId).toBe('TAB3554');
    // The formatter-damaged timestamp is passed through as found; it is metadata only.
    expect(parsed.meta.updated).toBe('2024-01-12T05: 52: 00Z');
    expect(parsed.observations.map((o) => [o.series, o.area, o.period, o.value])).toEqual(
      [
        ['1', '2020', 332.8],
        ['1', '2021', 343.9],
        ['1', '2022', 359.9],
        ['2', '2020', 254.6],
        ['2', '2021', 263],
        ['2', '2022', 277.3],
        ['1+2', '2020', 291.9],
        ['1+2', '2021', 301.5],
        ['1+2', '2022', 316.6],
      ].map(([kon, period, value]) => [
        {
          source: 'SCB',
          table: 'TAB3554',
          contentsCode: 'HE0110J8',
          dimensions: { Kon: kon, Alder: 'tot16+' },
        },
        '0000',
        period,
        value,
      ]),
    );
    expect(
      parseJsonStat(scb('scb_v1_TAB3554_jsonstat2.json'), { requireArea: false }).observations[0].area,
    ).toBe('0000');
    expect(
      parseJsonStat(scb('scb_v1_TAB3554_jsonstat2.json'), { defaultArea: '0000', table: 'X1' })
        .observations[0].series,
    ).toMatchObject({ table: 'X1' });
  });

  it('rejects the TAB6471 metadata response, which has no values', () => {
    const parsed = parseJsonStat(scb('scb_v2_TAB6471_metadata.json'));
    expect(parsed.observations).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].message).toMatch(
      /^value has 0 entries but the dimension sizes give \d+ \(is this a metadata response/,
    );
  });

  it('rejects the generic json-stat.org samples: their geo dimensions are not Swedish areas', () => {
    expect(parseJsonStat(sample('jsonstat2_sample_oecd.json')).problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the file has no region dimension (concept, area, year)'),
    ]);
    // With a default area the oecd sample reads: status "e" survives, year → period.
    const oecd = parseJsonStat(sample('jsonstat2_sample_oecd.json'), { defaultArea: '0000' });
    expect(oecd.problems).toEqual([]);
    expect(oecd.observations[10]).toMatchObject({
      period: '2013',
      status: 'e',
      series: { contentsCode: 'UNR', dimensions: { area: 'AU' } },
    });
    expect(
      parseJsonStat(sample('jsonstat2_sample_oecd.json'), { regionDimension: 'area' }).problems[0].message,
    ).toBe('area code "AU" (Australia) is not a municipality, county or country code; 12 values have it');
  });
});

describe('parseJsonStat on hand-made SCB-like files', () => {
  const dataset = (over: Record<string, unknown> = {}) => ({
    version: '2.0',
    class: 'dataset',
    label: 'test',
    source: 'SCB',
    updated: '2025-01-01T00:00:00Z',
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [3, 1, 2],
    role: { time: ['Tid'], metric: ['ContentsCode'] },
    dimension: {
      Region: {
        category: {
          index: { '1283': 0, '12': 1, '00': 2 },
          label: { '1283': 'Helsingborg', '12': 'Skåne län', '00': 'Riket' },
        },
      },
      ContentsCode: { category: { index: { AM0210A1: 0 } } },
      Tid: { category: { index: ['2024M07', '2024M08'] } },
    },
    extension: { px: { tableid: 'TAB9999' } },
    value: [10, null, 20, 21, 30, 31],
    status: { '1': '..' },
    ...over,
  });

  it('stores null values as missing with their status, never 0', () => {
    const parsed = parseJsonStat(JSON.stringify(dataset()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => [o.area, o.period, o.value, o.status])).toEqual([
      ['1283', '2024-07', 10, undefined],
      ['1283', '2024-08', null, '..'],
      ['0012', '2024-07', 20, undefined],
      ['0012', '2024-08', 21, undefined],
      ['0000', '2024-07', 30, undefined],
      ['0000', '2024-08', 31, undefined],
    ]);
    expect(parsed.observations[1]).not.toHaveProperty('lowerBound');
  });

  it('reads status given as a single string or as a one-element array for every cell', () => {
    expect(parseJsonStat(dataset({ status: 'p' })).observations.every((o) => o.status === 'p')).toBe(true);
    expect(parseJsonStat(dataset({ status: ['e'] })).observations.every((o) => o.status === 'e')).toBe(true);
  });

  it('finds Region, Tid and ContentsCode by role when they have other names', () => {
    const parsed = parseJsonStat(
      dataset({
        id: ['Omrade', 'Innehall', 'Period'],
        role: { time: ['Period'], metric: ['Innehall'], geo: ['Omrade'] },
        dimension: {
          Omrade: { category: { index: ['1283', '12', '00'] } },
          Innehall: { category: { index: ['AM0210A1'] } },
          Period: { category: { index: ['2024K1', '2024K2'] } },
        },
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations[0]).toMatchObject({
      area: '1283',
      period: '2024-Q1',
      series: { contentsCode: 'AM0210A1', dimensions: {} },
    });
  });

  it('reports each bad region or time code once, with the number of values it holds', () => {
    const parsed = parseJsonStat(
      dataset({
        dimension: {
          Region: { category: { index: ['1283', 'SE224', '00'], label: { SE224: 'Skåne (NUTS)' } } },
          ContentsCode: { category: { index: ['AM0210A1'] } },
          Tid: { category: { index: ['2024M07', '2024M13'] } },
        },
      }),
    );
    expect(parsed.problems).toEqual([
      {
        location: { path: 'dimension.Region.category.index.SE224' },
        message:
          'Region code "SE224" (Skåne (NUTS)) is not a municipality, county or country code; 2 values have it',
      },
      {
        location: { path: 'dimension.Tid.category.index["2024M13"]' },
        message: 'Tid code "2024M13": 2024M13 is not a month: months run 01–12; 3 values have it',
      },
    ]);
    // The rest is still decoded, so the caller sees everything; the problems block writing.
    expect(parsed.observations.map((o) => [o.area, o.period])).toEqual([
      ['1283', '2024-07'],
      ['0000', '2024-07'],
    ]);
  });

  it('reports two region codes that mean the same area', () => {
    const parsed = parseJsonStat(
      dataset({
        dimension: {
          Region: { category: { index: ['12', '0012', '00'] } },
          ContentsCode: { category: { index: ['AM0210A1'] } },
          Tid: { category: { index: ['2024M07', '2024M08'] } },
        },
      }),
    );
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Region codes "12" and "0012" both mean area 0012',
    ]);
  });

  it('reports missing time and contents dimensions, and ambiguous geo dimensions', () => {
    const noTime = parseJsonStat(
      dataset({
        id: ['Region', 'ContentsCode'],
        size: [3, 1],
        role: {},
        value: [1, 2, 3],
        status: undefined,
      }),
    );
    expect(noTime.problems.map((p) => p.message)).toEqual([
      'the file has no time dimension (Tid, or one with role time)',
    ]);
    const twoGeo = parseJsonStat(
      dataset({
        id: ['A', 'B', 'ContentsCode', 'Tid'],
        size: [1, 1, 1, 1],
        role: { geo: ['A', 'B'] },
        dimension: {
          A: { category: { index: ['1283'] } },
          B: { category: { index: ['1284'] } },
          ContentsCode: { category: { index: ['X'] } },
          Tid: { category: { index: ['2024'] } },
        },
        value: [1],
        status: undefined,
      }),
    );
    expect(twoGeo.problems.map((p) => p.message)).toEqual([
      'several dimensions could hold the area (A, B): say which one',
    ]);
    expect(parseJsonStat(dataset(), { regionDimension: 'Kommun' }).problems[0].message).toBe(
      'the file has no dimension "Kommun" to read the area from',
    );
  });

  it('throws only for programmer errors', () => {
    expect(() => parseJsonStat(dataset(), { defaultArea: 'Stockholm' })).toThrow(TypeError);
    expect(parseJsonStat('{not json').problems[0].message).toMatch(/^the file is not valid JSON/);
  });
});
