import { readFileSync } from 'node:fs';
import { parseKolada } from './parse-kolada';
import { decodeHtmlEntities, parseKoladaKpiList } from './kpi-list';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/kolada/${name}`, import.meta.url));
const json = (name: string) => JSON.parse(fixture(name).toString('utf8'));

const row = (over: Record<string, unknown> = {}) => ({
  kpi: 'N00090',
  municipality: '1283',
  period: 2019,
  values: [{ gender: 'T', count: 1, status: null, value: 5 }],
  ...over,
});

describe('parseKolada', () => {
  it('joins the two v2 pages (next_page/previous_page), dropping the row repeated on both', () => {
    const parsed = parseKolada([
      fixture('synthetic_v2_data_page1.json'),
      fixture('synthetic_v2_data_page2.json'),
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('KOLADA');
    expect(parsed.meta).toEqual({ source: 'Kolada' });
    expect(parsed.observations.map((o) => [o.series, o.area, o.period, o.value, o.status])).toEqual([
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'K' }, '1214', '2019', 8.1, undefined],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'M' }, '1214', '2019', 4.2, undefined],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'T' }, '1214', '2019', 7.3, undefined],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'K' }, '1257', '2019', null, 'B'],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'M' }, '1257', '2019', null, 'B'],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'T' }, '1257', '2019', 6.5, undefined],
      [{ source: 'KOLADA', kpi: 'N00090', gender: 'T' }, '1260', '2018', 5.9, undefined],
    ]);
    expect(parsed.observations[3].location).toEqual({ path: 'pages[0].values[1].values[0]', index: 1 });
    expect(parsed.observations[6].location).toEqual({ path: 'pages[1].values[1].values[0]', index: 1 });
  });

  it('joins v3 pages (next_url/previous_url) given as one JSON array, counties and the country included, skipping deleted values', () => {
    const pages = [json('synthetic_v3_data_page1.json'), json('synthetic_v3_data_page2.json')];
    const parsed = parseKolada(JSON.stringify(pages));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => [o.series, o.area, o.period, o.value])).toEqual([
      [{ source: 'KOLADA', kpi: 'N00053', gender: 'K' }, '1283', '2023', 7312],
      [{ source: 'KOLADA', kpi: 'N00053', gender: 'M' }, '1283', '2023', 2405],
      [{ source: 'KOLADA', kpi: 'N00053', gender: 'T' }, '1283', '2023', 9717],
      [{ source: 'KOLADA', kpi: 'N00053', gender: 'T' }, '0012', '2023', 101204],
      [{ source: 'KOLADA', kpi: 'N00053', gender: 'T' }, '0000', '2023', 857690],
    ]);
    // Parsed objects work the same as text or bytes.
    expect(parseKolada(pages).observations).toHaveLength(5);
  });

  it('reads a single last page only when told it is partial, and a bare array of rows without the envelope', () => {
    // Page 2 alone links back to page 1: taken as the whole answer it would look complete.
    const alone = parseKolada(fixture('synthetic_v3_data_page2.json'));
    expect(alone.problems).toEqual([
      {
        location: {},
        message: expect.stringMatching(
          /^the result is incomplete: every page given links to a previous page \(.+\); add the earlier pages, or say the file is partial if that is meant$/,
        ),
      },
    ]);
    const partial = parseKolada(fixture('synthetic_v3_data_page2.json'), { requireComplete: false });
    expect(partial.problems).toEqual([]);
    expect(partial.observations).toHaveLength(1);
    expect(parseKolada([row(), row({ municipality: '1284' })]).observations.map((o) => o.area)).toEqual([
      '1283',
      '1284',
    ]);
  });

  it('reports a result whose last page is missing', () => {
    const parsed = parseKolada(fixture('synthetic_v2_data_page1.json'));
    expect(parsed.problems).toEqual([
      {
        location: {},
        message:
          'the result is incomplete: every page given links to a next page (http://api.kolada.se/v2/data/kpi/N00090/municipality/1214,1257,1260/year/2018,2019?page=2&per_page=2); add the remaining pages',
      },
    ]);
    expect(parseKolada(fixture('synthetic_v2_data_page1.json'), { requireComplete: false }).problems).toEqual(
      [],
    );
  });

  it('reports the same key with different values on two pages', () => {
    const parsed = parseKolada([
      { values: [row()] },
      { values: [row({ values: [{ gender: 'T', value: 6, status: null }] })] },
    ]);
    expect(parsed.problems).toEqual([
      {
        location: { path: 'pages[1].values[0].values[0]', index: 0 },
        message:
          'N00090, 1283, 2019, T appears twice with different values: 5 at pages[0].values[0].values[0] and 6 here',
      },
    ]);
    // The same value with a different status is a different value too.
    expect(
      parseKolada({ values: [row(), row({ values: [{ gender: 'T', value: 5, status: 'B' }] })] }).problems[0]
        .message,
    ).toBe(
      'N00090, 1283, 2019, T appears twice with different values: 5 at values[0].values[0] and 5 (B) here',
    );
  });

  it('reports every bad field with its location', () => {
    const parsed = parseKolada({
      values: [
        row({ values: [{ gender: 'F', value: 1 }] }),
        row({ municipality: 'G12345' }),
        row({ period: '2019-01' }),
        row({ kpi: '' }),
        row({ values: [{ gender: 'T', value: '12,5' }] }),
        row({ values: [{ gender: 'T', value: 1, status: 3 }] }),
        row({ values: 'none' }),
        'text',
        { ou: 'V15E128300101', period: 2019, kpi: 'U00002', values: [] },
      ],
      next_page: null,
    });
    expect(parsed.observations).toEqual([]);
    expect(parsed.problems).toEqual([
      { location: { path: 'values[0].values[0].gender', index: 0 }, message: 'gender "F" is not T, K or M' },
      {
        location: { path: 'values[1].municipality', index: 1 },
        message:
          'municipality "G12345" is not a municipality, county or country code (municipality groups are not imported)',
      },
      {
        location: { path: 'values[2].period', index: 2 },
        message: '2019-01 is not a Kolada period: Kolada periods are four-digit years such as 2019',
      },
      { location: { path: 'values[3].kpi', index: 3 }, message: 'kpi "" is not a KPI id' },
      {
        location: { path: 'values[4].values[0].value', index: 4 },
        message: 'value "12,5" is not a number or null',
      },
      { location: { path: 'values[5].values[0].status', index: 5 }, message: 'status 3 is not text' },
      { location: { path: 'values[6].values', index: 6 }, message: 'the row has no values array' },
      {
        location: { path: 'values[7]', index: 7 },
        message: 'a data row must be an object with kpi, municipality, period and values',
      },
      {
        location: { path: 'values[8].ou', index: 8 },
        message: 'organisational-unit (ou) data is not supported: import municipality data',
      },
    ]);
  });

  it('names inputs that are not Kolada data', () => {
    const messages = (input: Parameters<typeof parseKolada>[0]) =>
      parseKolada(input).problems.map((p) => p.message);
    expect(messages(fixture('kolada_v2_kpi_values_excerpt.json'))).toEqual([
      'this is a Kolada KPI list (the /kpi endpoint), not data values: read it as a KPI list',
    ]);
    expect(messages({ data: [] })).toEqual(['the page has no values array: is this a Kolada data response?']);
    expect(parseKolada({ data: [] }).problems[0].location).toEqual({});
    expect(messages(['{"values": []}', '{"values": ['])).toEqual([
      expect.stringMatching(/^the file is not valid JSON/),
    ]);
    expect(parseKolada(['{"values": []}', '{"values": [']).problems[0].location).toMatchObject({
      path: 'pages[1]',
    });
    expect(messages(['{"values": []}', { values: [] }])).toEqual([
      'pages must all be given the same way: all as text or bytes, or all as parsed JSON',
    ]);
  });
});

describe('parseKoladaKpiList', () => {
  it('reads the real v2 /kpi excerpt: 110 KPIs, gender division as 0/1', () => {
    const { kpis, problems } = parseKoladaKpiList(fixture('kolada_v2_kpi_values_excerpt.json'));
    expect(problems).toEqual([]);
    expect(kpis).toHaveLength(110);
    expect(kpis[0]).toEqual({
      id: 'N00002',
      title: 'Personalkostnader som andel av verksamhetens kostnader, andel (%)',
      description:
        'Personalkostnader kommunen totalt, dividerat med verksamhetens kostnader kommun. Avser egen regi. Källa: SCB.',
      isDividedByGender: false,
      municipalityType: 'K',
      operatingArea: 'Kommunen, övergripande',
      perspective: ['Resurser'],
      auspices: 'E',
      hasOuData: false,
      publicationDate: '2020-03-19',
      prelPublicationDate: '2020-03-05',
      publPeriod: '2019',
    });
    expect(kpis.filter((k) => k.isDividedByGender)).toHaveLength(61);
    expect(kpis.find((k) => k.id === 'N00090')?.isDividedByGender).toBe(true);
    // HTML entities in Kolada's descriptions become plain text.
    expect(kpis.find((k) => k.id === 'N00092')?.description).toMatch(
      /^Sjukfrånvaro för kommunalt anställda < 30 år/,
    );
    expect(kpis.some((k) => k.auspices === null)).toBe(true);
  });

  it('accepts the v3 envelope with boolean gender division', () => {
    const { kpis, problems } = parseKoladaKpiList({
      values: [
        {
          id: 'N00053',
          title: 'Personal',
          is_divided_by_gender: true,
          perspective: 'Resurser,Volymer',
          publ_period: 2023,
        },
      ],
      count: 1,
      next_url: null,
    });
    expect(problems).toEqual([]);
    expect(kpis).toEqual([
      {
        id: 'N00053',
        title: 'Personal',
        isDividedByGender: true,
        perspective: ['Resurser', 'Volymer'],
        publPeriod: '2023',
      },
    ]);
  });

  it('reports malformed KPIs', () => {
    const { kpis, problems } = parseKoladaKpiList([
      { id: 'A', title: 'a', is_divided_by_gender: 2 },
      { id: 'A', title: 'a', is_divided_by_gender: 0 },
      { id: 'A', title: 'a', is_divided_by_gender: 0 },
      { title: 'no id', is_divided_by_gender: 0 },
      { id: 'B', is_divided_by_gender: 0 },
      { kpi: 'N1', id: 'C', municipality: '1283', values: [] },
    ]);
    expect(kpis.map((k) => k.id)).toEqual(['A']);
    expect(problems).toEqual([
      {
        location: { index: 0, path: '[0].is_divided_by_gender' },
        message: 'KPI A: is_divided_by_gender 2 is not 0, 1, true or false',
      },
      { location: { index: 2, path: '[2].id' }, message: 'KPI A is listed twice' },
      { location: { index: 3, path: '[3].id' }, message: 'id undefined is not a KPI id' },
      { location: { index: 4, path: '[4].title' }, message: 'KPI B has no title' },
      {
        location: { index: 5, path: '[5]' },
        message: 'this is a data row (kpi, municipality, period, values), not a KPI description',
      },
    ]);
    expect(parseKoladaKpiList('{"count": 0}').problems[0].message).toBe(
      'expected a list of KPIs (an array, or an object with a values array)',
    );
  });

  it('decodes HTML entities', () => {
    expect(decodeHtmlEntities('a &lt; b &amp;&amp; c &gt; d &#229;&#xE4; &unknown;')).toBe(
      'a < b && c > d åä &unknown;',
    );
  });
});
