import { writeAfWorkbook } from '@kraftsamling/api/statistics-formats';
import { FH_ID, SANDVIKEN_ID, apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

const SERIES = `query ($collaborationId: ID!, $code: String!, $areaCodes: [String!]) {
  indicatorSeries(collaborationId: $collaborationId, code: $code, areaCodes: $areaCodes) {
    indicator { code kind unit }
    periods
    areas { areaCode areaName values lowerBounds upperBounds batchId versions }
  }
}`;

async function workbook(utrkHelsingborgOctober = 998) {
  return writeAfWorkbook(
    [
      {
        period: '2024-09',
        county: 'Skåne län',
        municipality: 'Helsingborg',
        values: { UTRKSOK: 1012, UTRKAK: 9876.5 },
      },
      {
        period: '2024-09',
        county: 'Skåne län',
        municipality: 'Bjuv',
        values: { UTRKSOK: '<5', UTRKAK: 30.75 },
      },
      {
        period: '2024-10',
        county: 'Skåne län',
        municipality: 'Helsingborg',
        values: { UTRKSOK: utrkHelsingborgOctober, UTRKAK: 9880 },
      },
      { period: '2024-10', county: 'Skåne län', municipality: 'Bjuv', values: { UTRKSOK: 7, UTRKAK: 31 } },
    ],
    { layout: 'pivot-cache', title: 'test' },
  );
}

/**
 * Uploads a file as the web app does and reads the NDJSON answer: Arbetsförmedlingen's
 * workbook holds official statistics, so it goes to the official import route.
 */
async function upload(username: string, bytes: Uint8Array, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([Buffer.from(bytes)]), 'web-inskrivna-arbetslosa-andel-av-bas-2024-10.xlsx');
  const response = await fetch(`${apiUrl()}/api/imports/official`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
    body: form,
  });
  const text = await response.text();
  const lines = response.headers.get('content-type')?.includes('ndjson')
    ? text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [JSON.parse(text)];
  return { status: response.status, lines, report: lines.find((line) => line.type === 'report')?.report };
}

describe('indicators and imports', () => {
  it('lists the catalogue with this collaboration’s local indicators and not another’s', async () => {
    const list = async (user: string, collaborationId: string) =>
      (
        await gql(
          `query ($c: ID!) { indicators(collaborationId: $c, source: LOCAL) { code collaborationId } }`,
          { c: collaborationId },
          { token: await tokenFor(user) },
        )
      ).data?.['indicators'];
    const fh = await list('samordnare', FH_ID);
    // Its own: the demo's local indicators and those its actions' outcomes feed (insatser.*).
    const own = await sql(`SELECT code FROM indicator WHERE collaboration_id = $1 ORDER BY code`, [FH_ID]);
    expect(fh.map((i: { code: string }) => i.code).sort()).toEqual(
      own.map((row) => String(row['code'])).sort(),
    );
    expect(fh.map((i: { code: string }) => i.code)).toContain('insatser.deltagande');
    expect(fh.every((i: { collaborationId: string }) => i.collaborationId === FH_ID)).toBe(true);
    const search = await gql(
      `query ($c: ID!) { indicators(collaborationId: $c, search: "utrikes födda kvinnor") { code } }`,
      { c: FH_ID },
      { token: await tokenFor('helsingborg') },
    );
    expect(search.data?.['indicators'].map((i: { code: string }) => i.code)).toContain(
      'af.bas.utrk.unemployment_share',
    );
  });

  it('a municipal editor may not import official figures; a statistics steward dry-runs, commits, and re-importing is a no-op', async () => {
    const bytes = await workbook();
    const refused = await upload('helsingborg', bytes, { source: 'af', dryRun: 'false' });
    expect(refused.status).toBe(403);
    expect(refused.lines[0]).toMatchObject({ code: 'FORBIDDEN' });

    // analytiker holds the realm role statistics-steward. (Other test files import AF
    // batches of their own, so the dry run is checked against the count before it.)
    const afBatches = async () => (await sql(`SELECT 1 FROM import_batch WHERE source = 'AF'`)).length;
    const batchesBefore = await afBatches();
    const dry = await upload('analytiker', bytes, { source: 'af', dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.lines.some((line) => line.type === 'progress')).toBe(true);
    expect(dry.report).toMatchObject({ dryRun: true, batchId: null, inserted: 8, problems: [] });
    expect(await afBatches()).toBe(batchesBefore);

    const committed = await upload('analytiker', bytes, { source: 'af', dryRun: 'false' });
    expect(committed.report).toMatchObject({ dryRun: false, inserted: 8, changed: 0 });
    expect(committed.report.batchId).toEqual(expect.any(String));
    const again = await upload('analytiker', bytes, { source: 'af', dryRun: 'false' });
    expect(again.report).toMatchObject({ batchId: null, inserted: 0, unchanged: 8 });
  });

  it('serves a series compactly, <5 as a lower bound and the share computed from its parts', async () => {
    const token = await tokenFor('styrgrupp');
    const counts = await gql(
      SERIES,
      { collaborationId: FH_ID, code: 'af.bas.utrk.unemployed', areaCodes: ['1283', '1260'] },
      { token },
    );
    expect(counts.errors).toBeUndefined();
    const series = counts.data?.['indicatorSeries'];
    expect(series.periods).toEqual(['2024-09', '2024-10']);
    expect(series.areas[0]).toMatchObject({
      areaCode: '1283',
      areaName: 'Helsingborg',
      values: [1012, 998],
      lowerBounds: [null, null],
    });
    // A "<5" is no value: null, with its range beside it (ADR 9), so a sum of values never counts it as 1.
    expect(series.areas[1]).toMatchObject({
      areaCode: '1260',
      values: [null, 7],
      lowerBounds: [1, null],
      upperBounds: [4, null],
    });

    const share = await gql(
      SERIES,
      { collaborationId: FH_ID, code: 'af.bas.utrk.unemployment_share', areaCodes: ['1283'] },
      { token },
    );
    const values = share.data?.['indicatorSeries'].areas[0].values;
    expect(share.data?.['indicatorSeries'].indicator).toEqual({
      code: 'af.bas.utrk.unemployment_share',
      kind: 'RATIO',
      unit: 'PERCENT',
    });
    expect(values[0]).toBeCloseTo((1012 / 9876.5) * 100, 10);

    const all = await gql(SERIES, { collaborationId: FH_ID, code: 'af.bas.utrk.unemployed' }, { token });
    expect(all.data?.['indicatorSeries'].areas).toHaveLength(11);
  });

  it('official values are readable by any signed-in user; local indicators are not', async () => {
    const OFFICIAL = `query ($code: String!, $areaCodes: [String!]!) {
      officialIndicatorSeries(code: $code, areaCodes: $areaCodes) { periods areas { areaCode values } }
    }`;
    // Sandviken's coordinator belongs to another collaboration, yet official figures are public.
    const token = await tokenFor('sandviken');
    const read = await gql(OFFICIAL, { code: 'af.bas.utrk.unemployed', areaCodes: ['1283'] }, { token });
    expect(read.errors).toBeUndefined();
    expect(read.data?.['officialIndicatorSeries']).toEqual({
      periods: ['2024-09', '2024-10'],
      areas: [{ areaCode: '1283', values: [1012, 998] }],
    });
    const catalogue = await gql(`{ officialIndicators(source: LOCAL) { code } }`, {}, { token });
    expect(catalogue.data?.['officialIndicators']).toEqual([]);
    const local = await gql(OFFICIAL, { code: 'jobbspar.deltagare', areaCodes: ['1283'] }, { token });
    expect(errorCodes(local)).toEqual(['NOT_FOUND']);
    const noAreas = await gql(OFFICIAL, { code: 'af.bas.utrk.unemployed', areaCodes: [] }, { token });
    expect(errorCodes(noAreas)).toEqual(['BAD_USER_INPUT']);
    const anonymous = await gql(OFFICIAL, { code: 'af.bas.utrk.unemployed', areaCodes: ['1283'] });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('undo restores the previous values, and only a statistics steward undoes an official import', async () => {
    const revised = await upload('analytiker', await workbook(1001), { source: 'af', dryRun: 'false' });
    expect(revised.report).toMatchObject({ changed: 1 });
    const undo = `mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { id status } }`;
    const refused = await gql(
      undo,
      { input: { batchId: revised.report.batchId } },
      { token: await tokenFor('samordnare') },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const undone = await gql(
      undo,
      { input: { batchId: revised.report.batchId } },
      { token: await tokenFor('analytiker') },
    );
    expect(undone.data?.['undoOfficialImport']).toEqual({ id: revised.report.batchId, status: 'UNDONE' });
    const series = await gql(
      SERIES,
      { collaborationId: FH_ID, code: 'af.bas.utrk.unemployed', areaCodes: ['1283'] },
      { token: await tokenFor('analytiker') },
    );
    expect(series.data?.['indicatorSeries'].areas[0].values).toEqual([1012, 998]);
    const batches = await gql(
      `query ($c: ID!) { importBatches(collaborationId: $c) { id status importedBy { username } } }`,
      { c: FH_ID },
      { token: await tokenFor('analytiker') },
    );
    expect(batches.data?.['importBatches'][0]).toMatchObject({
      status: 'UNDONE',
      importedBy: { username: 'analytiker' },
    });
  });

  describe('manual entry of local figures', () => {
    const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId inserted changed unchanged } }`;

    it('a municipal editor enters figures for their own municipality only', async () => {
      const token = await tokenFor('helsingborg');
      const own = await gql(
        ENTER,
        {
          input: {
            collaborationId: FH_ID,
            areaCode: '1283',
            values: [{ indicatorCode: 'jobbspar.deltagare', period: '2024-09', value: 24 }],
          },
        },
        { token },
      );
      expect(own.data?.['enterValues']).toMatchObject({ inserted: 1 });
      const other = await gql(
        ENTER,
        {
          input: {
            collaborationId: FH_ID,
            areaCode: '1260',
            values: [{ indicatorCode: 'jobbspar.deltagare', period: '2024-09', value: 3 }],
          },
        },
        { token },
      );
      expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    });

    it('refuses a stale edit, a negative count and a period that does not fit, writing nothing', async () => {
      const token = await tokenFor('samordnare');
      const before = await sql(`SELECT count(*)::int AS n FROM indicator_value`);
      const stale = await gql(
        ENTER,
        {
          input: {
            collaborationId: FH_ID,
            areaCode: '1283',
            values: [{ indicatorCode: 'jobbspar.deltagare', period: '2024-09', value: 30 }],
          },
        },
        { token },
      );
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
      const bad = await gql(
        ENTER,
        {
          input: {
            collaborationId: FH_ID,
            areaCode: '1283',
            values: [
              { indicatorCode: 'jobbspar.deltagare', period: '2024-10', value: -1 },
              { indicatorCode: 'jobbspar.deltagare', period: '2024', value: 2 },
              { indicatorCode: 'af.bas.tot.unemployed', period: '2024-10', value: 2 },
            ],
          },
        },
        { token },
      );
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual([
        'input.values.0.value',
        'input.values.1.period',
        'input.values.2.indicatorCode',
      ]);
      expect(await sql(`SELECT count(*)::int AS n FROM indicator_value`)).toEqual(before);
      const fresh = await gql(
        ENTER,
        {
          input: {
            collaborationId: FH_ID,
            areaCode: '1283',
            values: [
              { indicatorCode: 'jobbspar.deltagare', period: '2024-09', value: 30, expectedVersion: 1 },
            ],
          },
        },
        { token },
      );
      expect(fresh.data?.['enterValues']).toMatchObject({ changed: 1 });
    });

    it('keeps local figures inside their collaboration', async () => {
      const series = await gql(
        SERIES,
        { collaborationId: SANDVIKEN_ID, code: 'jobbspar.deltagare', areaCodes: ['1283'] },
        { token: await tokenFor('sandviken') },
      );
      // Sandviken has its own indicator with that code, without Familjen Helsingborg's values.
      expect(series.data?.['indicatorSeries'].areas[0].values).toEqual([]);
      const [row] = await sql(
        `SELECT v.collaboration_id FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'jobbspar.deltagare'`,
      );
      expect(row!['collaboration_id']).toBe(FH_ID);
    });
  });

  describe('local indicators', () => {
    const CREATE = `mutation ($input: CreateLocalIndicatorInput!) {
      createLocalIndicator(input: $input) { id code source collaborationId theme nameSv version }
    }`;
    const UPDATE = `mutation ($input: UpdateLocalIndicatorInput!) {
      updateLocalIndicator(input: $input) { id nameSv version }
    }`;
    const input = (extra: Record<string, unknown> = {}) => ({
      collaborationId: FH_ID,
      code: 'mentorer.antal',
      nameSv: 'Mentorer',
      nameEn: 'Mentors',
      unit: 'COUNT',
      periodicity: 'QUARTER',
      direction: 'HIGHER_IS_BETTER',
      ...extra,
    });

    it('a coordinator adds one, audited; others may not, and another collaboration never sees it', async () => {
      const refused = await gql(CREATE, { input: input() }, { token: await tokenFor('helsingborg') });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      const foreign = await gql(CREATE, { input: input() }, { token: await tokenFor('sandviken') });
      expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);

      const created = await gql(CREATE, { input: input() }, { token: await tokenFor('samordnare') });
      expect(created.errors).toBeUndefined();
      const indicator = created.data?.['createLocalIndicator'];
      expect(indicator).toMatchObject({
        code: 'mentorer.antal',
        source: 'LOCAL',
        collaborationId: FH_ID,
        theme: 'local',
        version: 1,
      });
      const [audit] = await sql(`SELECT action, after FROM audit_event WHERE entity_id = $1`, [indicator.id]);
      expect(audit).toMatchObject({ action: 'indicator.created', after: { code: 'mentorer.antal' } });

      const sandviken = await gql(
        `query ($c: ID!) { indicators(collaborationId: $c, source: LOCAL) { code } }`,
        { c: SANDVIKEN_ID },
        { token: await tokenFor('sandviken') },
      );
      expect(sandviken.data?.['indicators'].map((i: { code: string }) => i.code)).not.toContain(
        'mentorer.antal',
      );
    });

    it('refuses a taken code, an official code and a malformed one, writing nothing', async () => {
      const token = await tokenFor('samordnare');
      const before = await sql(`SELECT count(*)::int AS n FROM indicator`);
      const taken = await gql(CREATE, { input: input({ code: 'jobbspar.deltagare' }) }, { token });
      expect(taken.errors?.[0]?.extensions?.['fields']).toEqual([
        { field: 'input.code', message: 'this collaboration already has an indicator with this code' },
      ]);
      const official = await gql(CREATE, { input: input({ code: 'af.bas.tot.unemployed' }) }, { token });
      expect(official.errors?.[0]?.extensions?.['fields']).toEqual([
        { field: 'input.code', message: 'an official indicator has this code; choose another' },
      ]);
      const reserved = await gql(CREATE, { input: input({ code: 'egna' }) }, { token });
      expect(reserved.errors?.[0]?.extensions?.['fields']).toEqual([
        { field: 'input.code', message: '"egna" is reserved; choose another code' },
      ]);
      const malformed = await gql(CREATE, { input: input({ code: 'Jobb spår', nameSv: '  ' }) }, { token });
      expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
      expect(await sql(`SELECT count(*)::int AS n FROM indicator`)).toEqual(before);
    });

    it('an edit based on an old version is refused, never silently overwriting a newer one', async () => {
      const token = await tokenFor('samordnare');
      const created = await gql(
        CREATE,
        { input: input({ code: 'mentorer.timmar', nameSv: 'Mentortimmar' }) },
        { token },
      );
      expect(created.errors).toBeUndefined();
      const { id } = created.data!['createLocalIndicator'];
      const edit = (nameSv: string, expectedVersion: number) =>
        gql(
          UPDATE,
          {
            input: {
              collaborationId: FH_ID,
              indicatorId: id,
              expectedVersion,
              nameSv,
              nameEn: 'Mentor hours',
              direction: 'HIGHER_IS_BETTER',
            },
          },
          { token },
        );
      expect((await edit('Timmar med mentor', 1)).data?.['updateLocalIndicator']).toMatchObject({
        nameSv: 'Timmar med mentor',
        version: 2,
      });
      expect(errorCodes(await edit('Mentorstimmar', 1))).toEqual(['CONFLICT']);
      const [row] = await sql(`SELECT name_sv FROM indicator WHERE id = $1`, [id]);
      expect(row).toEqual({ name_sv: 'Timmar med mentor' });
    });
  });
});
