import { writeAfWorkbook } from '@kraftsamling/api/statistics-formats';
import { FH_ID, apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

/**
 * What a person reads about a value: where it came from (the series' batches: source, file,
 * publication and import dates, or who entered it), and in the import history what an
 * entry by hand changed, page by page.
 */
const SERIES = `query ($c: ID!, $code: String!, $areas: [String!]) {
  indicatorSeries(collaborationId: $c, code: $code, areaCodes: $areas) {
    periods
    areas { areaCode values batchId denominatorBatchId publishedAt }
    batches { id source format fileName publishedAt importedAt enteredBy official }
  }
}`;

const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId inserted changed } }`;

const HISTORY = `query ($c: ID!, $limit: Int, $offset: Int) {
  importBatches(collaborationId: $c, limit: $limit, offset: $offset) {
    id format importedAt
    changes { indicatorCode indicatorNameSv indicatorNameEn areaCode areaName period hadValue oldValue newValue }
  }
}`;

async function enter(
  username: string,
  values: { period: string; value: number; expectedVersion?: number }[],
) {
  const response = await gql(
    ENTER,
    {
      input: {
        collaborationId: FH_ID,
        areaCode: '1283',
        values: values.map((v) => ({ indicatorCode: 'utfall.anstallning.privat', ...v })),
      },
    },
    { token: await tokenFor(username) },
  );
  expect(response.errors).toBeUndefined();
  return response.data!['enterValues'] as { batchId: string };
}

describe('a value’s provenance and the import history', () => {
  it('a series names who entered a local value and when, by display name, and no person for official figures', async () => {
    const { batchId } = await enter('helsingborg', [{ period: '2021-03', value: 7 }]);
    const series = (
      await gql(
        SERIES,
        { c: FH_ID, code: 'utfall.anstallning.privat', areas: ['1283'] },
        { token: await tokenFor('styrgrupp') },
      )
    ).data!['indicatorSeries'];
    const i = series.periods.indexOf('2021-03');
    expect(series.areas[0].batchId[i]).toBe(batchId);
    const batch = series.batches.find((b: { id: string }) => b.id === batchId);
    expect(batch).toEqual({
      id: batchId,
      source: 'LOCAL',
      format: 'MANUAL',
      fileName: null,
      publishedAt: null,
      importedAt: expect.any(String),
      enteredBy: 'Hedda Exempelsdotter',
      official: false,
    });
    // Every batch a value names is told, and each once.
    const named = new Set(series.areas[0].batchId.filter(Boolean));
    expect(new Set(series.batches.map((b: { id: string }) => b.id))).toEqual(named);
  });

  it('a ratio names the batches of its numerator and denominator; an official batch its file and dates', async () => {
    const bytes = await writeAfWorkbook(
      [
        {
          period: '2019-04',
          county: 'Skåne län',
          municipality: 'Helsingborg',
          values: { UTRKSOK: 1001, UTRKAK: 9001 },
        },
      ],
      { layout: 'pivot-cache', title: 'test' },
    );
    const form = new FormData();
    form.set('source', 'af');
    form.set('afSeries', 'reg');
    form.set('dryRun', 'false');
    form.set('publishedAt', '2019-05-15');
    form.set('file', new Blob([Buffer.from(bytes)]), 'proveniens-2019-04.xlsx');
    const response = await fetch(`${apiUrl()}/api/imports/official`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('statistiker')}` },
      body: form,
    });
    const report = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.type === 'report').report;
    expect(report.problems).toEqual([]);
    const series = (
      await gql(
        SERIES,
        { c: FH_ID, code: 'af.reg.utrk.unemployment_share', areas: ['1283'] },
        { token: await tokenFor('helsingborg') },
      )
    ).data!['indicatorSeries'];
    const i = series.periods.indexOf('2019-04');
    const area = series.areas[0];
    expect(area.batchId[i]).toBe(report.batchId);
    expect(area.denominatorBatchId[i]).toBe(report.batchId);
    expect(series.batches.find((b: { id: string }) => b.id === report.batchId)).toEqual({
      id: report.batchId,
      source: 'AF',
      format: 'AF_WORKBOOK',
      fileName: 'proveniens-2019-04.xlsx',
      publishedAt: '2019-05-15',
      importedAt: expect.any(String),
      // The steward who imported it is not named to a collaboration: the source is what counts.
      enteredBy: null,
      official: true,
    });
  });

  it('the history says what an entry by hand changed: indicator, municipality, period, old and new value', async () => {
    const first = await enter('helsingborg', [{ period: '2021-05', value: 3 }]);
    const [{ version }] = await sql(
      `SELECT v.version FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'utfall.anstallning.privat' AND v.area_code = '1283' AND v.period = '2021-05'`,
    );
    const second = await enter('samordnare', [
      { period: '2021-05', value: 4, expectedVersion: Number(version) },
      { period: '2021-06', value: 6 },
    ]);
    const batches = (await gql(HISTORY, { c: FH_ID, limit: 100 }, { token: await tokenFor('samordnare') }))
      .data!['importBatches'] as { id: string; format: string; changes: unknown[] | null }[];
    const change = {
      indicatorCode: 'utfall.anstallning.privat',
      indicatorNameSv: expect.any(String),
      indicatorNameEn: expect.any(String),
      areaCode: '1283',
      areaName: 'Helsingborg',
    };
    expect(batches.find((b) => b.id === second.batchId)?.changes).toEqual([
      { ...change, period: '2021-05', hadValue: true, oldValue: 3, newValue: 4 },
      { ...change, period: '2021-06', hadValue: false, oldValue: null, newValue: 6 },
    ]);
    // The first entry's value was replaced later: what it wrote is still told.
    expect(batches.find((b) => b.id === first.batchId)?.changes).toEqual([
      { ...change, period: '2021-05', hadValue: false, oldValue: null, newValue: 3 },
    ]);
    // A file tells its counts, not a list.
    expect(batches.filter((b) => b.format !== 'MANUAL').every((b) => b.changes === null)).toBe(true);
  });

  it('pages the history: the next page starts where the last ended, and a negative offset is refused', async () => {
    const token = await tokenFor('samordnare');
    for (const [n, period] of ['2020-01', '2020-02', '2020-03'].entries())
      await enter('helsingborg', [{ period, value: n + 1 }]);
    const page = async (limit: number, offset: number) =>
      (await gql(HISTORY, { c: FH_ID, limit, offset }, { token })).data!['importBatches'] as {
        id: string;
      }[];
    const all = await page(500, 0);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const first = await page(2, 0);
    const second = await page(2, 2);
    expect([...first, ...second].map((b) => b.id)).toEqual(all.slice(0, 4).map((b) => b.id));
    const refused = await gql(HISTORY, { c: FH_ID, limit: 2, offset: -1 }, { token });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
  });
});
