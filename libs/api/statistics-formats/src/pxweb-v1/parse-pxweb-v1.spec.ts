import { readFileSync } from 'node:fs';
import { parsePxWebV1 } from './parse-pxweb-v1';
import { parseJsonStat } from '../jsonstat';

const scb = (name: string) => readFileSync(new URL(`../fixtures/scb/${name}`, import.meta.url));

const response = (over: Record<string, unknown> = {}) => ({
  columns: [
    { code: 'Region', text: 'region', type: 'd' },
    { code: 'Kon', text: 'kön', type: 'd' },
    { code: 'Tid', text: 'månad', type: 't' },
    { code: 'AM0210A1', text: 'Sysselsatta', type: 'c' },
    { code: 'AM0210A2', text: 'Andel', type: 'c' },
  ],
  comments: [],
  data: [
    { key: ['1283', '2', '2024M07'], values: ['1526', '64.5'] },
    { key: ['1283', '2', '2024M08'], values: ['..', '-'] },
    { key: ['12', '2', '2024M07'], values: ['151234', '66.1'] },
  ],
  metadata: [{ infofile: 'AM0210', updated: '2024-10-01T06:00:00Z', label: 'Sysselsatta', source: 'SCB' }],
  ...over,
});

describe('parsePxWebV1', () => {
  it('BefolkningNy (real v1 json): values come as strings and are read as numbers', () => {
    const parsed = parsePxWebV1(scb('scb_v1_BefolkningNy_json_region.json'), { table: 'BefolkningNy' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('PXWEB_V1_JSON');
    expect(parsed.meta).toEqual({
      title: 'Folkmängd efter region, civilstånd, ålder, kön, år och tabellinnehåll',
      updated: '2025-02-21T07:00:00Z',
      source: 'SCB',
      tableId: 'BefolkningNy',
    });
    expect(parsed.observations).toEqual([
      {
        series: {
          source: 'SCB',
          table: 'BefolkningNy',
          contentsCode: 'BE0101N1',
          dimensions: { Civilstand: 'OG', Alder: '0', Kon: '1' },
        },
        area: '0000',
        period: '2024',
        value: 50937,
        location: { index: 0, path: 'data[0].values[0]' },
      },
    ]);
  });

  it('gives the same observation as the v2 JSON-stat file of the same query', () => {
    const v1 = parsePxWebV1(scb('scb_v1_BefolkningNy_json_region.json'), { table: 'TAB638' }).observations[0];
    const v2 = parseJsonStat(scb('scb_v2_TAB638_data_BE0101N1_jsonstat2.json')).observations[0];
    expect({ ...v1, location: undefined }).toEqual({ ...v2, location: undefined });
  });

  it('reads several content columns and keeps missing-value symbols as status of a null value', () => {
    const parsed = parsePxWebV1(JSON.stringify(response()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => [o.series, o.area, o.period, o.value, o.status])).toEqual([
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A1', dimensions: { Kon: '2' } },
        '1283',
        '2024-07',
        1526,
        undefined,
      ],
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A2', dimensions: { Kon: '2' } },
        '1283',
        '2024-07',
        64.5,
        undefined,
      ],
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A1', dimensions: { Kon: '2' } },
        '1283',
        '2024-08',
        null,
        '..',
      ],
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A2', dimensions: { Kon: '2' } },
        '1283',
        '2024-08',
        null,
        '-',
      ],
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A1', dimensions: { Kon: '2' } },
        '0012',
        '2024-07',
        151234,
        undefined,
      ],
      [
        { source: 'SCB', table: null, contentsCode: 'AM0210A2', dimensions: { Kon: '2' } },
        '0012',
        '2024-07',
        66.1,
        undefined,
      ],
    ]);
    expect(parsed.observations[2].location).toEqual({ index: 1, path: 'data[1].values[0]' });
  });

  it('reports bad values, keys, codes and duplicate keys with their location', () => {
    const parsed = parsePxWebV1(
      response({
        data: [
          { key: ['1283', '2', '2024M07'], values: ['1 526', '64,5'] },
          { key: ['1283', '2'], values: ['1', '2'] },
          { key: ['9999X', '2', '2024M07'], values: ['1', '2'] },
          { key: ['1283', '2', '2024M13'], values: ['1', '2'] },
          { key: ['1283', '2', '2024M07'], values: ['1', '2'] },
          { key: ['1283', '2', '2024M09'], values: ['', null] },
        ],
      }),
    );
    expect(parsed.problems).toEqual([
      {
        location: { index: 1, path: 'data[1].key' },
        message: 'the key must list 3 codes (Region, Kon, Tid)',
      },
      {
        location: { path: 'data[].key (Region="9999X")' },
        message: 'Region code "9999X" is not a municipality, county or country code; 2 values have it',
      },
      {
        location: { path: 'data[].key (Tid="2024M13")' },
        message: 'Tid code "2024M13": 2024M13 is not a month: months run 01–12; 2 values have it',
      },
      {
        location: { index: 0, path: 'data[0].values[0]' },
        message:
          'AM0210A1 for 1283, 2, 2024M07 is "1 526": neither a number nor a missing-value symbol (.. etc.)',
      },
      {
        location: { index: 0, path: 'data[0].values[1]' },
        message:
          'AM0210A2 for 1283, 2, 2024M07 is "64,5": neither a number nor a missing-value symbol (.. etc.)',
      },
      {
        location: { index: 4, path: 'data[4]' },
        message: 'the key 1283, 2, 2024M07 appears again (first at data[0])',
      },
      {
        location: { index: 5, path: 'data[5].values[0]' },
        message: 'AM0210A1 for 1283, 2, 2024M09 is "": neither a number nor a missing-value symbol (.. etc.)',
      },
      {
        location: { index: 5, path: 'data[5].values[1]' },
        message:
          'AM0210A2 for 1283, 2, 2024M09 is null: neither a number nor a missing-value symbol (.. etc.)',
      },
    ]);
  });

  it('needs a Region column unless a default area is given', () => {
    const noRegion = response({
      columns: [
        { code: 'Tid', type: 't' },
        { code: 'X', type: 'c' },
      ],
      data: [{ key: ['2024'], values: ['5'] }],
    });
    expect(parsePxWebV1(noRegion).problems[0].message).toContain('the file has no Region column (Tid, X)');
    expect(parsePxWebV1(noRegion, { defaultArea: '00' }).observations).toMatchObject([
      { area: '0000', period: '2024', value: 5 },
    ]);
  });

  it('names files that are not PxWeb v1 json', () => {
    const messages = (input: Parameters<typeof parsePxWebV1>[0]) =>
      parsePxWebV1(input).problems.map((p) => p.message);
    expect(messages({ class: 'dataset', id: [] })).toEqual([
      'the file is JSON-stat, not a PxWeb v1 "json" response: read it as JSON-stat',
    ]);
    expect(messages({ data: [] })).toEqual([
      'the file has no columns array: is it a PxWeb v1 "json" response?',
    ]);
    expect(messages(response({ columns: [{ code: 'Region', type: 'x' }] }))).toEqual([
      'a column needs a code and a type of "d", "t" or "c"',
    ]);
    expect(messages(response({ data: undefined }))).toEqual(['the file has no data array']);
    expect(
      messages(
        response({
          columns: [
            { code: 'Region', type: 'd' },
            { code: 'Tid', type: 't' },
          ],
        }),
      ),
    ).toEqual(['the file has no content column (type "c")']);
    expect(messages('[1,')[0]).toMatch(/^the file is not valid JSON/);
    expect(messages('"text"')).toEqual(['the file is not a PxWeb v1 response: expected a JSON object']);
  });
});
