import { readFileSync } from 'node:fs';
import { parseJsonStat, parseScbMetadata } from '@kraftsamling/api/statistics-formats';
import { chunkByPeriods, joinByPeriods, RateLimiter, scbSelections } from './scb-fetch';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../statistics-formats/src/fixtures/scb/${name}`, import.meta.url), 'utf8'),
  );

describe('SCB fetch', () => {
  const metadata = parseScbMetadata(fixture('scb_v2_TAB6471_metadata.json'));

  it('asks for the catalogue’s classes of the table’s municipalities, one query per set of chosen dimensions', () => {
    const queries = scbSelections(
      metadata,
      [
        {
          source: 'SCB',
          table: 'TAB6471',
          contentsCode: '000007SF',
          dimensions: { Kon: '2' },
          sum: { dimension: 'Alder', codes: ['0-9', '10-19'] },
        },
        {
          source: 'SCB',
          table: 'TAB6471',
          contentsCode: '000007SF',
          dimensions: { Kon: '1' },
          sum: { dimension: 'Alder', codes: ['10-19'] },
        },
        { source: 'SCB', table: 'TAB6471', contentsCode: '000007SF', dimensions: { Kon: 'TotSa' } },
      ],
      2026,
    );
    expect(queries).toHaveLength(2);
    expect(queries[0]!.selection['Region']).toHaveLength(290);
    expect(queries[0]!.selection).toMatchObject({
      ContentsCode: ['000007SF'],
      Kon: ['2', '1'],
      Alder: ['0-9', '10-19'],
      Tid: ['2026M01', '2026M02', '2026M03', '2026M04'],
    });
    expect(Object.keys(queries[1]!.selection).sort()).toEqual(['ContentsCode', 'Kon', 'Region', 'Tid']);
  });

  it('splits a query by periods under the cell limit, and joins the answers into one dataset exactly', () => {
    const data = fixture('scb_v2_TAB6471_data_jsonstat2.json');
    const query = {
      table: 'TAB6471',
      selection: { Region: ['01'], Tid: ['2026M01', '2026M02', '2026M03', '2026M04'] },
    };
    expect(chunkByPeriods(query, 'Tid', 3).map((c) => c.selection['Tid'])).toEqual([
      ['2026M01', '2026M02', '2026M03'],
      ['2026M04'],
    ]);
    // Cut the recorded answer into two period chunks, as two requests would bring it, and join them.
    const part = (periods: string[]) => {
      const size = [...data.size];
      size[4] = periods.length;
      const value: number[] = [];
      // Tid is the last dimension (4 months): value i is of month i % 4.
      const months = Object.keys(data.dimension.Tid.category.index);
      for (let i = 0; i < data.value.length; i++)
        if (periods.includes(months[i % 4]!)) value.push(data.value[i]);
      return {
        ...data,
        size,
        dimension: {
          ...data.dimension,
          Tid: {
            ...data.dimension.Tid,
            category: { index: Object.fromEntries(periods.map((p, i) => [p, i])), label: {} },
          },
        },
        value,
      };
    };
    const joined = joinByPeriods([part(['2026M01', '2026M02']), part(['2026M03', '2026M04'])], 'Tid');
    const observations = (file: unknown) =>
      parseJsonStat(new TextEncoder().encode(JSON.stringify(file))).observations.map((o) => [
        o.area,
        o.period,
        o.value,
        o.series,
      ]);
    expect(observations(joined)).toEqual(observations(data));
  });

  it('keeps under 30 requests in 10 seconds', async () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, windowMs: 50 }, () => now);
    await limiter.take();
    await limiter.take();
    const third = limiter.take();
    let done = false;
    void third.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    now = 60;
    await third;
    expect(done).toBe(true);
  });
});
