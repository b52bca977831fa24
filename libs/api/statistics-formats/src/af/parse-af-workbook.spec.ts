import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from '@jest/globals';
import { craftZip, zeros, type CraftedEntry } from '../zip/spec-support';
import { parseAfWorkbook } from './parse-af-workbook';
import { comparable, referenceMatcher } from './spec-support';
import { SYNTHETIC_LABEL, writeAfWorkbook, type AfWorkbookRow } from './write-af-workbook';

const matcher = referenceMatcher();

const rows: AfWorkbookRow[] = [
  {
    period: '2024-01',
    county: 'Skåne län',
    municipality: 'Helsingborg',
    values: {
      TOTSOK: 5321,
      TOTAK: 72104.083333336,
      UTRKSOK: '<5',
      UTRKAK: 3120.5,
      KVISOK: null,
      KVIAK: 35110.25,
    },
  },
  {
    period: '2024-02',
    county: 'Skåne län',
    municipality: 'Helsingborg',
    values: { TOTSOK: 5290, TOTAK: 72110.916666667, UTRKSOK: 12, UTRKAK: 3121, KVISOK: 2400, KVIAK: 35112 },
  },
  {
    period: '2024-01',
    county: 'Uppsala län',
    municipality: 'Håbo',
    values: { TOTSOK: 410, TOTAK: 11000.1, UTRKSOK: '<5', UTRKAK: 0, KVISOK: 190, KVIAK: 5400.333333333333 },
  },
  {
    period: '2024-01',
    county: 'Jönköpings län',
    municipality: 'Habo',
    values: { TOTSOK: 120, TOTAK: 6200, UTRKSOK: 7, UTRKAK: 300.75, KVISOK: 60, KVIAK: 3000 },
  },
  {
    period: '2023-12',
    county: 'Gotlands län',
    municipality: 'Gotland',
    values: { TOTSOK: 1001, TOTAK: 29876.5, UTRKSOK: 33, UTRKAK: 1500, KVISOK: '<5', KVIAK: 14000 },
  },
];

const codes: Record<string, string> = { Helsingborg: '1283', Håbo: '0305', Habo: '0643', Gotland: '0980' };

/** What reading `rows` back must give: every cell, `<5` as a bound, empty as missing. */
function expected(input: AfWorkbookRow[]) {
  return comparable(
    input.flatMap((row) =>
      Object.entries(row.values).map(([field, v]) => ({
        series: { source: 'AF' as const, field },
        area: codes[row.municipality],
        period: row.period,
        value: v === '<5' ? 1 : v,
        ...(v === '<5' ? { lowerBound: true, upperBound: 4 } : {}),
        location: {},
      })),
    ),
  );
}

async function parse(bytes: Uint8Array, extra: Partial<Parameters<typeof parseAfWorkbook>[1]> = {}) {
  return parseAfWorkbook(bytes, { matcher, ...extra });
}

/** A plain sheet workbook written cell by cell, for layouts the writer does not make. */
async function sheetWorkbook(cells: (string | number | null)[][], name = 'Data'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  cells.forEach((values, i) => {
    sheet.getRow(i + 1).values = values;
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

const HEADER = ['PERIOD', 'LAN', 'KOM', 'TOTSOK', 'TOTAK'];

describe('parseAfWorkbook: round trips', () => {
  it.each([
    ['pivot-cache', 'inline'],
    ['pivot-cache', 'shared'],
    ['sheet', 'inline'],
  ] as const)(
    'reads back exactly what was written (%s layout, %s values)',
    async (layout, measureEncoding) => {
      const bytes = await writeAfWorkbook(rows, {
        layout,
        title: 'Inskrivna arbetslösa, test',
        measureEncoding,
      });
      const result = await parse(bytes);
      expect(result.problems).toEqual([]);
      expect(result.format).toBe('AF_WORKBOOK');
      expect(comparable(result.observations)).toEqual(expected(rows));
      expect(result.meta.title).toBe(SYNTHETIC_LABEL);
      expect(result.observations.find((o) => o.value === 72104.083333336)).toBeDefined();
      const suppressed = result.observations.filter((o) => o.lowerBound);
      expect(suppressed).toHaveLength(3);
      expect(suppressed.every((o) => o.value === 1 && o.upperBound === 4)).toBe(true);
      expect(result.observations.filter((o) => o.value === null)).toHaveLength(1);
    },
  );

  it('names the cell of each observation in the sheet layout and the record in the pivot cache', async () => {
    const sheet = await parse(await writeAfWorkbook(rows, { layout: 'sheet', title: 't', headerRow: 5 }));
    const first = sheet.observations.find((o) => (o.series as { field: string }).field === 'TOTSOK')!;
    expect(first.location).toEqual({ sheet: 'Data', row: 6, column: 'TOTSOK', cell: 'D6' });
    const pivot = await parse(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }));
    expect(pivot.observations[0].location).toEqual({
      path: 'xl/pivotCache/pivotCacheRecords1.xml',
      row: 1,
      index: 0,
    });
  });

  it('finds the header on any of the first 30 rows', async () => {
    const bytes = await writeAfWorkbook(rows, { layout: 'sheet', title: 't', headerRow: 23 });
    const result = await parse(bytes);
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected(rows));
    expect(result.observations[0].location.row).toBe(24);
  });

  it('maps municipality names as sources write them, and a header in any case', async () => {
    const bytes = await sheetWorkbook([
      ['Arbetslösa per kommun'],
      [],
      ['period', 'Län', 'Kommun', 'totsok', 'TOTAK'],
      ['2024-03', 'Skåne', 'Malmö stad', 100, 2000],
      ['2024-03', 'Vastra Gotalands lan', 'GÖTEBORGS STAD', 200, 4000],
      ['2024-03', 'Gotlands län', 'Region Gotland', 3, 50],
      ['2024-03', 'Stockholms län', 'Upplands-Väsby', '12', '1 234,5'],
      ['Källa: syntetiska testdata'],
    ]);
    const result = await parse(bytes);
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations).map((o) => [o.area, o.field, o.value])).toEqual([
      ['0114', 'TOTAK', 1234.5],
      ['0114', 'TOTSOK', 12],
      ['0980', 'TOTAK', 50],
      ['0980', 'TOTSOK', 3],
      ['1280', 'TOTAK', 2000],
      ['1280', 'TOTSOK', 100],
      ['1480', 'TOTAK', 4000],
      ['1480', 'TOTSOK', 200],
    ]);
    expect(result.meta.title).toBe('Arbetslösa per kommun');
  });

  it('reads a PERIOD that Excel turned into a date as its month', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(HEADER);
    sheet.addRow([new Date(Date.UTC(2024, 6, 1)), 'Skåne län', 'Lund', 10, 100]);
    sheet.getCell('A2').numFmt = 'yyyy-mm';
    const result = await parse(new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer));
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => o.period)).toEqual(['2024-07', '2024-07']);
  });

  it('keeps one observation per cell for identical duplicate rows', async () => {
    const bytes = await writeAfWorkbook([rows[0], rows[1], rows[0]], { layout: 'pivot-cache', title: 't' });
    const result = await parse(bytes);
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected([rows[0], rows[1]]));
  });

  it('reports progress from 0 to 1, never going back', async () => {
    const many: AfWorkbookRow[] = [];
    for (let month = 1; month <= 12; month++) {
      for (const row of rows.slice(0, 1))
        many.push({ ...row, period: `2022-${String(month).padStart(2, '0')}` });
    }
    for (const layout of ['pivot-cache', 'sheet'] as const) {
      const seen: number[] = [];
      const result = await parse(await writeAfWorkbook(many, { layout, title: 't' }), {
        onProgress: (f) => seen.push(f),
      });
      expect(result.problems).toEqual([]);
      expect(seen.length).toBeGreaterThan(2);
      expect(seen.at(-1)).toBe(1);
      expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
    }
  });
});

describe('parseAfWorkbook: the pivot cache', () => {
  it('skips the calculated field and still reads every value', async () => {
    const bytes = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't', calculatedField: true });
    const definition = strFromU8(unzipSync(bytes)['xl/pivotCache/pivotCacheDefinition1.xml']);
    expect(definition).toContain('formula="TOTSOK/TOTAK" databaseField="0"');
    const result = await parse(bytes);
    expect(result.problems).toEqual([]);
    expect(result.observations.some((o) => (o.series as { field: string }).field === 'ANDEL')).toBe(false);
  });

  it('follows workbook.xml and its relationships to the cache that has PERIOD and KOM', async () => {
    const files = unzipSync(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }));
    // A second cache, listed first, for another table; and part names Excel could also use.
    files['xl/pivotCache/pivotCacheDefinition2.xml'] = strToU8(
      '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheFields count="2">' +
        '<cacheField name="PERIOD"><sharedItems/></cacheField><cacheField name="KOEN"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>',
    );
    files['xl/workbook.xml'] = strToU8(
      strFromU8(files['xl/workbook.xml']).replace(
        '<pivotCaches>',
        '<pivotCaches><pivotCache cacheId="7" r:id="rId9"/>',
      ),
    );
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      strFromU8(files['xl/_rels/workbook.xml.rels'])
        .replace(
          'Target="pivotCache/pivotCacheDefinition1.xml"',
          'Target="/xl/pivotCache/pivotCacheDefinition1.xml"',
        )
        .replace(
          '</Relationships>',
          '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition2.xml"/></Relationships>',
        ),
    );
    const result = await parse(zipSync(files));
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected(rows));
  });

  it('reads the cache, not a sheet that shows a pivot table of it', async () => {
    const files = unzipSync(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }));
    // The visible pivot table renders a filtered view with the same headers: not the data.
    const view = unzipSync(await writeAfWorkbook([rows[0]], { layout: 'sheet', title: 'vy', headerRow: 9 }));
    files['xl/worksheets/sheet1.xml'] = view['xl/worksheets/sheet1.xml'];
    files['xl/sharedStrings.xml'] = view['xl/sharedStrings.xml'];
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      strFromU8(files['xl/_rels/workbook.xml.rels']).replace(
        '</Relationships>',
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    );
    files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
    );
    const result = await parse(zipSync(files));
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected(rows));
  });

  it('parses a cache definition: fields, shared items, calculated and grouped fields', async () => {
    const { parsePivotCacheDefinition } = await import('./pivot-layout');
    const definition = parsePivotCacheDefinition(
      '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7" recordCount="2" refreshedDate="45658.5">' +
        '<cacheFields count="4">' +
        '<cacheField name="KOM"><sharedItems><s v="Ale"/><m/><n v="3"/></sharedItems></cacheField>' +
        '<cacheField name="TOTSOK"><sharedItems containsMixedTypes="1"/></cacheField>' +
        '<cacheField name="ANDEL" formula="TOTSOK/TOTAK" databaseField="0"/>' +
        '<cacheField name="PERIOD2" databaseField="0"><sharedItems/><fieldGroup base="0"><groupItems><s v="x"/></groupItems></fieldGroup></cacheField>' +
        '</cacheFields></pivotCacheDefinition>',
    );
    expect(definition).toEqual({
      recordsRelId: 'rId7',
      recordCount: 2,
      refreshed: '2025-01-01T12:00:00.000Z',
      fields: [
        { name: 'KOM', calculated: false, items: ['Ale', null, 3] },
        { name: 'TOTSOK', calculated: false, items: [] },
        { name: 'ANDEL', calculated: true, items: [] },
        { name: 'PERIOD2', calculated: true, items: [] },
      ],
    });
  });

  it('reads `<5` and PERIOD however the cache stores them (shared items, inline text, dates)', async () => {
    const files = unzipSync(await writeAfWorkbook(rows.slice(0, 1), { layout: 'pivot-cache', title: 't' }));
    files['xl/pivotCache/pivotCacheDefinition1.xml'] = strToU8(
      strFromU8(files['xl/pivotCache/pivotCacheDefinition1.xml']).replace(
        '<sharedItems count="1"><s v="2024-01"/></sharedItems>',
        '<sharedItems containsDate="1" count="1"><d v="2024-01-01T00:00:00"/></sharedItems>',
      ),
    );
    const result = await parse(zipSync(files));
    expect(result.problems).toEqual([]);
    expect(new Set(result.observations.map((o) => o.period))).toEqual(new Set(['2024-01']));
  });

  it('reports a damaged record with its number', async () => {
    const files = unzipSync(await writeAfWorkbook(rows.slice(0, 2), { layout: 'pivot-cache', title: 't' }));
    files['xl/pivotCache/pivotCacheRecords1.xml'] = strToU8(
      strFromU8(files['xl/pivotCache/pivotCacheRecords1.xml']).replace(
        /<r><x v="0"\/><x v="0"\/><x v="0"\/>/,
        '<r><x v="0"/><x v="0"/><x v="9"/>',
      ),
    );
    const result = await parse(zipSync(files));
    expect(result.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'record 1, field KOM, of xl/pivotCache/pivotCacheRecords1.xml: refers to shared item 9',
        ),
      }),
    ]);
  });

  it('reports records that are not well-formed XML', async () => {
    const files = unzipSync(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }));
    files['xl/pivotCache/pivotCacheRecords1.xml'] = strToU8(
      strFromU8(files['xl/pivotCache/pivotCacheRecords1.xml']).replace('</r>', '</x>'),
    );
    const result = await parse(zipSync(files));
    expect(result.observations).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('pivotCacheRecords1.xml is not well-formed XML'),
      }),
    ]);
  });
});

describe('parseAfWorkbook: problems in the data', () => {
  it('reports unknown municipalities with the row and the closest names, once per name', async () => {
    const bad = [
      { ...rows[0], municipality: 'Helsingbrg' },
      { ...rows[1], municipality: 'Helsingbrg' },
      { ...rows[2], municipality: 'Nowhere' },
    ];
    const result = await parse(await writeAfWorkbook(bad, { layout: 'sheet', title: 't' }));
    expect(result.problems.map((p) => p.message)).toEqual([
      'cell C6 (KOM) of sheet "Data": unknown municipality "Helsingbrg"; closest known names: Helsingborg, Vellinge, Alingsås (and 1 more row with the same value)',
      expect.stringMatching(
        /^cell C8 \(KOM\) of sheet "Data": unknown municipality "Nowhere"; closest known names: \S+, \S+, \S+$/,
      ),
    ]);
    expect(result.problems[0].location).toEqual({ sheet: 'Data', row: 6, column: 'KOM', cell: 'C6' });
  });

  it('reports a municipality that the county column contradicts', async () => {
    const result = await parse(
      await writeAfWorkbook([{ ...rows[0], county: 'Stockholms län' }], {
        layout: 'pivot-cache',
        title: 't',
      }),
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'record 1, field KOM, of xl/pivotCache/pivotCacheRecords1.xml: "Helsingborg" is Helsingborg (1283) in Skåne län, not a municipality in Stockholms län',
    ]);
    expect(result.observations).toEqual([]);
  });

  it.each(['2024-13', '2024/01', '24-01', '2024-1', ''])(
    'reports the malformed PERIOD "%s" with its cell',
    async (period) => {
      const result = await parse(
        await writeAfWorkbook([{ ...rows[0], period }], { layout: 'sheet', title: 't' }),
      );
      expect(result.observations).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].message).toMatch(/^cell A6 \(PERIOD\) of sheet "Data": /);
      expect(result.problems[0].location).toEqual({ sheet: 'Data', row: 6, column: 'PERIOD', cell: 'A6' });
    },
  );

  it('reports a malformed PERIOD in the pivot cache with its record', async () => {
    const result = await parse(
      await writeAfWorkbook([{ ...rows[0], period: '2024M01' }], { layout: 'pivot-cache', title: 't' }),
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'record 1, field PERIOD, of xl/pivotCache/pivotCacheRecords1.xml: malformed PERIOD: 2024M01 is not an Arbetsförmedlingen period: expected YYYY-MM, e.g. 2024-07',
    ]);
  });

  it('reports negative and non-numeric counts with their cell addresses', async () => {
    const bytes = await sheetWorkbook([
      ['Titel'],
      HEADER,
      ['2024-01', 'Skåne län', 'Lund', -3, 1000],
      ['2024-01', 'Skåne län', 'Malmö', 'många', '-12,5'],
      ['2024-01', 'Skåne län', 'Ystad', '<1', 'n/a'],
    ]);
    const result = await parse(bytes);
    expect(result.problems.map((p) => p.message)).toEqual([
      'cell D3 (TOTSOK) of sheet "Data": TOTSOK -3 is negative; counts and denominators cannot be',
      'cell D4 (TOTSOK) of sheet "Data": TOTSOK "många" is not a number (expected a count, a decimal or <5)',
      'cell E4 (TOTAK) of sheet "Data": TOTAK "-12,5" is negative; counts and denominators cannot be',
      'cell D5 (TOTSOK) of sheet "Data": TOTSOK "<1" is not a count: a suppressed count is written <N with N of 2 or more',
      'cell E5 (TOTAK) of sheet "Data": TOTAK "n/a" is not a number (expected a count, a decimal or <5)',
    ]);
    expect(result.problems[0].location).toEqual({ sheet: 'Data', row: 3, column: 'TOTSOK', cell: 'D3' });
    expect(result.observations).toEqual([]);
  });

  it('reports negative counts in the pivot cache with record and field', async () => {
    const result = await parse(
      await writeAfWorkbook([{ ...rows[3], values: { TOTSOK: -1, TOTAK: 100 } }], {
        layout: 'pivot-cache',
        title: 't',
      }),
    );
    expect(result.problems).toEqual([
      {
        location: { path: 'xl/pivotCache/pivotCacheRecords1.xml', row: 1, index: 0, column: 'TOTSOK' },
        message:
          'record 1, field TOTSOK, of xl/pivotCache/pivotCacheRecords1.xml: TOTSOK -1 is negative; counts and denominators cannot be',
      },
    ]);
  });

  it('reports duplicate rows with different values, naming both rows', async () => {
    const changed = { ...rows[0], values: { ...rows[0].values, TOTSOK: 5322, UTRKSOK: 4 } };
    const result = await parse(
      await writeAfWorkbook([rows[0], rows[1], changed], { layout: 'sheet', title: 't' }),
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'row 8 of sheet "Data" repeats PERIOD 2024-01 and KOM "Helsingborg" (1283) of row 6 of sheet "Data" with different values: TOTSOK 5321 there, 5322 here; UTRKSOK <5 there, 4 here',
    ]);
  });

  it('reports a header that names a column twice, and reads a row for the whole country', async () => {
    const bytes = await sheetWorkbook([
      ['PERIOD', 'LAN', 'KOM', 'TOTSOK', 'TOTSOK'],
      ['2024-01', '', 'Riket', 300000, 300000],
    ]);
    const result = await parse(bytes);
    expect(result.problems.map((p) => p.message)).toEqual([
      'row 1 of sheet "Data" has the column TOTSOK (D1 and E1) twice',
    ]);
    expect(result.observations.map((o) => [o.area, o.value])).toEqual([['0000', 300000]]);
  });

  it('lists at most maxProblems problems and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => ({
      ...rows[3],
      period: `2020-${String((i % 12) + 1).padStart(2, '0')}`,
      values: { TOTSOK: -i - 1 },
    }));
    const result = await parse(await writeAfWorkbook(bad as never, { layout: 'pivot-cache', title: 't' }), {
      maxProblems: 10,
    });
    expect(result.problems).toHaveLength(11);
    expect(result.problems[10].message).toBe(
      '20 more problems are not listed; correct the ones above and try again',
    );
  });
});

describe('parseAfWorkbook: files that are not a readable workbook', () => {
  const only = async (bytes: Uint8Array, options = {}) => {
    const result = await parse(bytes, options);
    expect(result.observations).toEqual([]);
    expect(result.problems).toHaveLength(1);
    return result.problems[0].message;
  };

  it('refuses a file that is not a zip archive', async () => {
    expect(await only(strToU8('PERIOD;LAN;KOM\n2024-01;Skåne län;Lund\n'))).toBe(
      'not an Excel workbook (.xlsx)',
    );
    expect(await only(new Uint8Array())).toBe('the file is empty');
    expect(await only(strToU8('%PDF-1.7 …'))).toBe('not an Excel workbook (.xlsx): this is a PDF file');
  });

  it('refuses a corrupt zip archive', async () => {
    const bytes = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' });
    const truncated = bytes.slice(0, Math.floor(bytes.length * 0.6));
    expect(await only(truncated)).toMatch(/^not an Excel workbook \(\.xlsx\): the zip archive is damaged/);
    // Damaged compressed data, then a damaged central directory (the archive's last bytes).
    const data = bytes.slice();
    for (let i = 400; i < data.length / 2; i += 7) data[i] ^= 0x5a;
    expect(await only(data)).toMatch(/^not an Excel workbook \(\.xlsx\): .*damaged/);
    const directory = bytes.slice();
    for (let i = directory.length - 300; i < directory.length - 30; i += 5) directory[i] ^= 0x5a;
    expect(await only(directory)).toMatch(/^not an Excel workbook \(\.xlsx\): .*damaged/);
  });

  it('refuses a zip archive that holds no workbook', async () => {
    expect(await only(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toBe(
      'not an Excel workbook (.xlsx): the file is a zip archive without a workbook in it',
    );
  });

  it('recognises a password-protected workbook and an old .xls', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = ole.slice();
    // The directory entry of the encrypted package, as a UTF-16LE name.
    [...'EncryptedPackage'].forEach((c, i) => (ole[1024 + i * 2] = c.charCodeAt(0)));
    expect(await only(ole)).toBe('the workbook is password-protected; save it without a password');
    expect(await only(xls)).toBe(
      'not an Excel workbook (.xlsx): this is an Excel 97–2003 workbook (.xls); save it as .xlsx',
    );
  });

  it('refuses a zip bomb by its declared size', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10 * 1024);
    expect(await only(bomb, { maxUncompressedBytes: 1024 * 1024 })).toMatch(/more than 1 MiB .*zip bomb/);
    const ratio = zipSync({ 'xl/workbook.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(await only(ratio)).toMatch(/compressed more than 250:1.*zip bomb/);
  });

  it('refuses a zip bomb that lies about its size while it inflates', async () => {
    const real = unzipSync(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }));
    real['xl/workbook.xml'] = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    const bytes = zipSync(real, { level: 9 });
    // Claim 1 000 bytes for the entry in its local header and in the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8('xl/workbook.xml');
    for (let i = 0; i < bytes.length - 46; i++) {
      const sig = view.getUint32(i, true);
      const isLocal = sig === 0x04034b50;
      const isCentral = sig === 0x02014b50;
      if (!isLocal && !isCentral) continue;
      const nameOffset = i + (isLocal ? 30 : 46);
      const nameLength = view.getUint16(i + (isLocal ? 26 : 28), true);
      if (nameLength === name.length && name.every((b, j) => bytes[nameOffset + j] === b)) {
        view.setUint32(i + (isLocal ? 22 : 24), 1000, true);
      }
    }
    expect(await only(bytes)).toMatch(
      /xl\/workbook\.xml unpacks to more than the 1000 bytes its archive declares/,
    );
    expect(await only(bytes, { maxUncompressedBytes: 2 * 1024 * 1024 })).toMatch(/unpacks to more than/);
  });

  it('reports which columns it looked for when neither layout is there', async () => {
    const bytes = await sheetWorkbook(
      [
        ['PERIOD', 'KOEN', 'LAN', 'KOMMUN_BESKR', 'INSAL'],
        ['2024-01', 'K', 'Skåne län', 'Lund', 3],
      ],
      'Antal',
    );
    const message = await only(bytes);
    expect(message).toContain('no table of registered unemployed found');
    expect(message).toContain('PERIOD, KOM (optionally LAN) and at least one count column such as TOTSOK');
    expect(message).toContain('sheet "Antal"');
    expect(message).toContain('the pivot caches (there are none)');
  });

  it('stops looking for the header after 30 rows', async () => {
    const junk = Array.from({ length: 40 }, (_, i) => [`rad ${i + 1}`]);
    const message = await only(
      await sheetWorkbook([...junk, HEADER, ['2024-01', 'Skåne län', 'Lund', 1, 2]]),
    );
    expect(message).toContain('no table of registered unemployed found');
  });

  it('reports a sheet that is not well-formed XML', async () => {
    const files = unzipSync(await writeAfWorkbook(rows, { layout: 'sheet', title: 't' }));
    files['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '</sheetDat>'),
    );
    expect(await only(zipSync(files))).toMatch(/^the workbook is damaged: sheet "Data" could not be read/);
  });

  it('reports a table that has a header but no rows', async () => {
    const result = await parse(await sheetWorkbook([HEADER]));
    expect(result.problems.map((p) => p.message)).toEqual(['the table has a header but no data rows']);
  });
});

describe('parseAfWorkbook: reads what the central directory lists, as Excel does', () => {
  const RECORDS = 'xl/pivotCache/pivotCacheRecords1.xml';
  const entriesOf = async (): Promise<CraftedEntry[]> =>
    Object.entries(unzipSync(await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' }))).map(
      ([name, data]) => ({ name, data }),
    );

  it('reads a part hidden from a front-to-back scan inside the entry before it', async () => {
    const entries = (await entriesOf()).filter((e) => e.name !== RECORDS);
    const records = (await entriesOf()).find((e) => e.name === RECORDS)!;
    entries[entries.length - 1] = { ...entries[entries.length - 1], level: 0, coversNext: true };
    const result = await parse(craftZip([...entries, records]));
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected(rows));
  });

  it('imports the values Excel shows, not a decoy part that only the local headers list', async () => {
    const entries = await entriesOf();
    const records = entries.find((e) => e.name === RECORDS)!;
    const decoy: CraftedEntry = {
      name: RECORDS,
      data: strToU8(strFromU8(records.data).replace('<n v="5321"/>', '<n v="9999"/>')),
      localOnly: true,
    };
    expect(strFromU8(decoy.data)).toContain('9999');
    const result = await parse(craftZip([decoy, ...entries]));
    expect(result.problems).toEqual([]);
    expect(comparable(result.observations)).toEqual(expected(rows));
  });

  it('checks a part hidden from a front-to-back scan against the limits while it inflates', async () => {
    const entries = (await entriesOf()).filter((e) => e.name !== RECORDS);
    entries[entries.length - 1] = { ...entries[entries.length - 1], level: 0, coversNext: true };
    // 3 MB of zeros that the directory declares as 100 bytes: only inflating can tell
    entries.push({ name: RECORDS, data: zeros(3 * 1024 * 1024), level: 9, declaredSize: 100 });
    const result = await parse(craftZip(entries));
    expect(result.observations).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      `${RECORDS} unpacks to more than the 100 bytes its archive declares; the file is damaged or a zip bomb and was not read`,
    ]);
  });
});

describe('writeAfWorkbook', () => {
  it('writes a pivot-cache workbook that exceljs opens, labelled as synthetic', async () => {
    const bytes = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 'Inskrivna arbetslösa' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Information');
    expect(sheet.getCell('A1').value).toBe(SYNTHETIC_LABEL);
    expect(sheet.getCell('A2').value).toBe('Inskrivna arbetslösa');
    const files = unzipSync(bytes);
    const records = strFromU8(files['xl/pivotCache/pivotCacheRecords1.xml']);
    expect(records).toContain('<s v="&lt;5"/>');
    expect(records).toContain('<n v="72104.083333336"/>');
    expect(strFromU8(files['xl/workbook.xml'])).toContain(
      '<pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches>',
    );
  });

  it('writes the same bytes for the same rows', async () => {
    const a = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' });
    const b = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
