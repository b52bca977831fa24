import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { craftZip, zeros, type CraftedEntry } from '../zip/spec-support';
import { parseTemplateCsv } from './parse-csv';
import { parseTemplateXlsx } from './parse-xlsx';
import { parseTemplate } from './parse-template';
import { columnLetter, parseTemplateValue } from './rows';
import { TEMPLATE_COLUMNS } from './columns';
import { writeTemplateCsv, writeTemplateXlsx } from './write';

/** The template's columns, as the messages list them. */
const COLUMNS = 'indicator_code, area_code, period, value, flags, note';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/template/${name}`, import.meta.url));

async function workbook(
  rows: unknown[][],
  sheetName = 'Blad1',
  extra?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (extra) extra(wb);
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('parseTemplateCsv', () => {
  it('refuses a line far longer than any template row with a short message naming the row', () => {
    const long = 'x'.repeat(5 * 1024 * 1024);
    for (const text of [long, `indicator_code;area_code;period;value\n${long}`]) {
      const parsed = parseTemplateCsv(new TextEncoder().encode(text));
      expect(parsed.observations).toEqual([]);
      expect(parsed.problems).toEqual([
        {
          location: { row: text === long ? 1 : 2 },
          message: `row ${text === long ? 1 : 2} is longer than 64 kB, which no row of the template is: the file is not a template CSV`,
        },
      ]);
    }
  });

  it('reads the semicolon file: BOM, decimal comma, thousands space, <5, missing, flags and a multi-line note', () => {
    const parsed = parseTemplateCsv(fixture('synthetic_template_semicolon.csv'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('TEMPLATE_CSV');
    expect(parsed.observations).toEqual([
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1283',
        period: '2024-09',
        value: 42,
        note: 'Syntetiskt exempel',
        location: { row: 2 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1282',
        period: '2024-09',
        value: 17.5,
        preliminary: true,
        location: { row: 3 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1260',
        period: '2024-09',
        value: 1,
        lowerBound: true,
        upperBound: 4,
        location: { row: 4 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1214',
        period: '2024-09',
        value: null,
        note: 'Ingen rapport inkom',
        location: { row: 5 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_WORK_TRAINING' },
        area: '1283',
        period: '2024-Q3',
        value: 1234.5,
        lowerBound: true,
        preliminary: true,
        note: 'Två rader;\r\nmed semikolon',
        location: { row: 6 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_WORK_TRAINING' },
        area: '0012',
        period: '2024',
        value: 77,
        location: { row: 8 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_STEP_TRAINING' },
        area: '0000',
        period: '2023-W42',
        value: 0,
        location: { row: 10 },
      },
    ]);
  });

  it('reads the comma file: headers in any order and case, restored leading zeros, identical repeats merged', () => {
    const parsed = parseTemplateCsv(fixture('synthetic_template_comma.csv'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => [o.series, o.area, o.period, o.value, o.location])).toEqual([
      [
        { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        '1283',
        '2024-09',
        42,
        { row: 2 },
      ],
      [
        { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        '0114',
        '2024-10',
        40.5,
        { row: 3 },
      ],
    ]);
  });

  it('reports every bad row of the error file with its cell', () => {
    const parsed = parseTemplateCsv(fixture('synthetic_template_errors.csv'));
    expect(parsed.problems).toEqual([
      {
        location: { row: 2, column: 'B', cell: 'B2' },
        message:
          'area_code "Helsingborg" is not a municipality code (4 digits), a county code (00NN) or 0000 for the whole country',
        code: 'AREA_CODE_INVALID',
        params: { value: '"Helsingborg"' },
      },
      {
        location: { row: 3, column: 'C', cell: 'C3' },
        message: 'period: 2024-13 is not a month: months run 01–12',
        code: 'PERIOD_INVALID',
        params: { value: '"2024-13"' },
      },
      {
        location: { row: 4, column: 'D', cell: 'D4' },
        message: 'value "tolv" is not a number',
        code: 'VALUE_NOT_NUMBER',
        params: { value: '"tolv"' },
      },
      {
        location: { row: 5, column: 'D', cell: 'D5' },
        message: 'value "-3" is negative: values cannot be below 0',
        code: 'VALUE_NEGATIVE',
        params: { value: '"-3"' },
      },
      {
        location: { row: 6, column: 'D', cell: 'D6' },
        message: 'value is empty: write a number, or set the flag missing if there is no value',
        code: 'VALUE_EMPTY',
      },
      {
        location: { row: 7, column: 'E', cell: 'E7' },
        message: 'unknown flag "prelim": use preliminary, lower_bound, missing, separated by semicolons',
        code: 'UNKNOWN_FLAG',
        params: { flag: 'prelim', flags: 'preliminary, lower_bound, missing' },
      },
      {
        location: { row: 8, column: 'A', cell: 'A8' },
        message: 'indicator_code is empty',
        code: 'INDICATOR_CODE_EMPTY',
      },
      {
        location: { row: 10 },
        message:
          'LOCAL_JOBTRACK_PARTICIPANTS, 1284, 2024-09 appears twice with different values: row 9 has 10, row 10 has 11',
        code: 'ROW_TWICE',
        params: { indicator: 'LOCAL_JOBTRACK_PARTICIPANTS', area: '1284', period: '2024-09', other: 9 },
      },
    ]);
    // The caller decides; the good row is still returned so a dry run can show it.
    expect(parsed.observations.map((o) => o.location.row)).toEqual([9]);
  });

  it('reports header problems: missing header, unknown, repeated and missing columns', () => {
    const first = (text: string) => parseTemplateCsv(text).problems;
    expect(first('LOCAL_X;1283;2024-09;5\n')).toEqual([
      {
        location: { row: 1 },
        message:
          'the header row is missing: row 1 must name the columns (indicator_code, area_code, period, value, flags, note), but it reads LOCAL_X, 1283, 2024-09, 5',
        code: 'NO_HEADER',
        params: { row: 1, columns: COLUMNS, found: 'LOCAL_X, 1283, 2024-09, 5' },
      },
    ]);
    expect(first('indicator_code;area_code;period;value;comment\nX;1283;2024;1;a\n')).toEqual([
      {
        location: { row: 1, column: 'E', cell: 'E1' },
        message:
          'unknown column "comment": the template\'s columns are indicator_code, area_code, period, value, flags, note',
        code: 'UNKNOWN_COLUMN',
        params: { name: 'comment', columns: COLUMNS },
      },
    ]);
    expect(first('indicator_code;area_code;period;value;Value\nX;1283;2024;1;1\n')).toEqual([
      {
        location: { row: 1, column: 'E', cell: 'E1' },
        message: 'column value appears twice (also in column D)',
        code: 'COLUMN_TWICE',
        params: { name: 'value', other: 'D' },
      },
    ]);
    expect(first('indicator_code;area_code;value\nX;1283;1\n')).toEqual([
      {
        location: { row: 1 },
        message: 'the header row has no column period',
        code: 'MISSING_COLUMN',
        params: { name: 'period' },
      },
    ]);
    expect(first('Indicator Code;area-code;PERIOD;value\n')).toEqual([
      { location: { row: 1 }, message: 'the file has a header row but no values', code: 'NO_VALUES' },
    ]);
    expect(first('')).toEqual([
      {
        location: {},
        message:
          'the file is empty: expected a header row (indicator_code, area_code, period, value, flags, note) and one row per value',
        code: 'EMPTY_FILE',
        params: { columns: COLUMNS },
      },
    ]);
    expect(first('\n\n;;\n')[0].message).toMatch(/^the file is empty/);
  });

  it('explains an unquoted decimal comma in a comma-separated file', () => {
    const parsed = parseTemplateCsv('indicator_code,area_code,period,value\nX,1283,2024,12,5\n');
    expect(parsed.problems).toEqual([
      {
        location: { row: 2, column: 'E', cell: 'E2' },
        message:
          'row 2 has a value in column E, beyond the header\'s 4 columns (in a comma-separated file a decimal comma must be in quotes ("1,5"), or save the file with semicolons)',
        code: 'CELL_BEYOND_HEADER',
        params: { column: 'E', columns: 4 },
      },
    ]);
  });

  it('reports text that is not UTF-8, broken quoting, and binary files', () => {
    const latin1 = new Uint8Array([
      ...Buffer.from('indicator_code;area_code;period;value\nV'),
      0xe4,
      ...Buffer.from('xj;1283;2024;1\n'),
    ]);
    expect(parseTemplateCsv(latin1).problems).toEqual([
      { location: {}, message: 'the file is not UTF-8 text: save it as UTF-8 (in Excel: "CSV UTF-8")' },
    ]);
    const quoted = parseTemplateCsv('indicator_code;area_code;period;value\n"X;1283;2024;1\n').problems;
    expect(quoted).toHaveLength(1);
    expect(quoted[0].message).toMatch(/^the file is not valid CSV: Quote Not Closed/);
    expect(quoted[0].location.row).toBe(2);
    expect(parseTemplateCsv(new Uint8Array([0x50, 0x4b, 3, 4])).problems[0].message).toBe(
      'the file is a ZIP archive (e.g. an XLSX workbook), not CSV text',
    );
  });

  it('reads UTF-16 "Unicode text" with tabs', () => {
    const text = '\uFEFFindicator_code\tarea_code\tperiod\tvalue\nLÄN_X\t12\t2024\t3\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const parsed = parseTemplateCsv(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations[0]).toMatchObject({
      series: { indicatorCode: 'LÄN_X' },
      area: '0012',
      period: '2024',
      value: 3,
    });
  });
});

describe('parseTemplateValue', () => {
  it('reads numbers in the forms spreadsheets write them', () => {
    expect(parseTemplateValue('12')).toEqual({ ok: true, value: 12 });
    expect(parseTemplateValue('12,25')).toEqual({ ok: true, value: 12.25 });
    expect(parseTemplateValue('12.25')).toEqual({ ok: true, value: 12.25 });
    expect(parseTemplateValue('1\u00a0234 567,5')).toEqual({ ok: true, value: 1234567.5 });
    expect(parseTemplateValue(' 7 ')).toEqual({ ok: true, value: 7 });
    expect(parseTemplateValue(3.5)).toEqual({ ok: true, value: 3.5 });
    expect(parseTemplateValue('-0')).toEqual({ ok: true, value: 0 });
    expect(parseTemplateValue('')).toEqual({ ok: true, value: null });
  });

  it('reads <N as a suppressed count between 1 and N-1', () => {
    expect(parseTemplateValue('<5')).toEqual({ ok: true, value: 1, lowerBound: true, upperBound: 4 });
    expect(parseTemplateValue('< 3')).toEqual({ ok: true, value: 1, lowerBound: true, upperBound: 2 });
    expect(parseTemplateValue('<1')).toMatchObject({ ok: false });
  });

  it('rejects what is not a non-negative number', () => {
    expect(parseTemplateValue('1,234,5')).toMatchObject({ ok: false });
    expect(parseTemplateValue('12 34')).toMatchObject({ ok: false });
    expect(parseTemplateValue('\u22125')).toEqual({
      ok: false,
      error: 'value "−5" is negative: values cannot be below 0',
      code: 'VALUE_NEGATIVE',
      params: { value: '"−5"' },
    });
    expect(parseTemplateValue(-1)).toEqual({
      ok: false,
      error: 'value -1 is negative: values cannot be below 0',
      code: 'VALUE_NEGATIVE',
      params: { value: -1 },
    });
    expect(parseTemplateValue('..')).toEqual({
      ok: false,
      error:
        'value ".." is not a number: to record a missing value, leave value empty and set the flag missing',
      code: 'VALUE_MISSING_SYMBOL',
      params: { value: '".."' },
    });
    expect(parseTemplateValue(true)).toMatchObject({ ok: false });
  });
});

describe('parseTemplateXlsx', () => {
  it('round-trips the written template, reading the "data" sheet', async () => {
    const bytes = await writeTemplateXlsx([
      {
        indicator_code: 'LOCAL_JOBTRACK_PARTICIPANTS',
        area_code: '0114',
        period: '2024-09',
        value: 12,
        flags: ['preliminary'],
        note: 'syntetiskt',
      },
      { indicator_code: 'LOCAL_JOBTRACK_PARTICIPANTS', area_code: '1283', period: '2024-09', value: '<5' },
      {
        indicator_code: 'LOCAL_JOBTRACK_PARTICIPANTS',
        area_code: '1284',
        period: '2024-09',
        value: null,
        flags: ['missing'],
      },
    ]);
    const parsed = await parseTemplateXlsx(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('TEMPLATE_XLSX');
    expect(parsed.observations).toEqual([
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '0114',
        period: '2024-09',
        value: 12,
        preliminary: true,
        note: 'syntetiskt',
        location: { sheet: 'data', row: 2 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1283',
        period: '2024-09',
        value: 1,
        lowerBound: true,
        upperBound: 4,
        location: { sheet: 'data', row: 3 },
      },
      {
        series: { source: 'TEMPLATE', indicatorCode: 'LOCAL_JOBTRACK_PARTICIPANTS' },
        area: '1284',
        period: '2024-09',
        value: null,
        location: { sheet: 'data', row: 4 },
      },
    ]);
    // The instructions sheet documents every column in both languages.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['data', 'anvisningar']);
    expect(wb.getWorksheet('anvisningar')?.getRow(5).getCell(1).value).toBe('value');
    expect(wb.getWorksheet('data')?.getRow(1).values).toEqual([
      undefined,
      ...TEMPLATE_COLUMNS.map((c) => c.name),
    ]);
  });

  it('reads the first sheet when none is named data; numbers that lost their zeros; formulas by result', async () => {
    const bytes = await workbook([
      ['indicator_code', 'area_code', 'period', 'value'],
      ['X', 114, 2024, { formula: '2*3', result: 6 }],
      ['X', 12, '2024', { richText: [{ text: '7' }] }],
    ]);
    const parsed = await parseTemplateXlsx(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => [o.area, o.period, o.value, o.location])).toEqual([
      ['0114', '2024', 6, { sheet: 'Blad1', row: 2 }],
      ['0012', '2024', 7, { sheet: 'Blad1', row: 3 }],
    ]);
  });

  it('reports cells a spreadsheet has damaged: periods turned into dates, errors, formulas without results', async () => {
    const bytes = await workbook([
      ['indicator_code', 'area_code', 'period', 'value'],
      ['X', '1283', new Date(Date.UTC(2024, 6, 1)), 1],
      ['X', '1283', '2024-08', { error: '#DIV/0!' }],
      ['X', '1283', '2024-09', { formula: 'A1+1' }],
    ]);
    const parsed = await parseTemplateXlsx(bytes);
    expect(parsed.observations).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        location: { sheet: 'Blad1', row: 2, column: 'C', cell: 'C2' },
        message:
          'period is a date (2024-07-01): the spreadsheet turned the text into a date; format the column as text and write the period, e.g. 2024-07',
        code: 'PERIOD_IS_DATE',
        params: { value: '2024-07-01', example: '2024-07' },
      },
      {
        location: { sheet: 'Blad1', row: 3, column: 'D', cell: 'D3' },
        message: 'the cell holds the spreadsheet error #DIV/0!',
      },
      {
        location: { sheet: 'Blad1', row: 4, column: 'D', cell: 'D4' },
        message: 'the cell holds a formula without a saved result: paste the values instead',
      },
    ]);
  });

  it('prefers the sheet named data over the first sheet', async () => {
    const bytes = await workbook(
      [
        ['indicator_code', 'area_code', 'period', 'value'],
        ['X', '1283', '2024', 3],
      ],
      'Data',
      (wb) => {
        wb.addWorksheet('Läs mig').addRow(['Detta blad är inte data']);
      },
    );
    const parsed = await parseTemplateXlsx(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations[0].location).toEqual({ sheet: 'Data', row: 2 });
  });

  it('rejects files that are not usable workbooks', async () => {
    const message = async (bytes: Uint8Array) =>
      (await parseTemplateXlsx(bytes)).problems.map((p) => p.message);
    expect(await message(new Uint8Array())).toEqual(['the file is empty']);
    expect(await message(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual([
      'the workbook is password-protected (encrypted) or in the old .xls format: save it as an unprotected .xlsx workbook',
    ]);
    expect(await message(new Uint8Array(Buffer.from('indicator_code;area_code')))).toEqual([
      'the file is not an XLSX workbook',
    ]);
    const good = await writeTemplateXlsx();
    expect((await message(good.slice(0, good.length / 2)))[0]).toMatch(
      /^(not an Excel workbook \(\.xlsx\): the zip archive is damaged|the file is not a readable XLSX workbook)/,
    );
    const notAWorkbook = zipSync({ 'hello.txt': new Uint8Array(Buffer.from('hej')) });
    expect(await message(notAWorkbook)).toEqual([
      'the file is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)',
    ]);
    expect(await message(await writeTemplateXlsx())).toEqual(['the file has a header row but no values']);
  });

  it('refuses a zip that inflates beyond the limit before the workbook reader sees it', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await parseTemplateXlsx(bomb, { maxInflatedBytes: 1024 * 1024 })).problems).toEqual([
      {
        location: {},
        message:
          'the workbook would unpack to more than 1 MiB (declared by xl/workbook.xml); it looks like a zip bomb and was not opened',
      },
    ]);
  });
});

describe('parseTemplateXlsx and hidden zip entries', () => {
  const template = () =>
    writeTemplateXlsx([{ indicator_code: 'X', area_code: '1283', period: '2024-09', value: 7 }]);
  /** The template's parts as crafted entries, stored, in the order the writer put them. */
  const entriesOf = async (): Promise<CraftedEntry[]> =>
    Object.entries(unzipSync(await template())).map(([name, data]) => ({ name, data, level: 0 }));

  it('counts an entry that only the central directory lists (hidden inside the entry before it)', async () => {
    const entries = await entriesOf();
    // 8 MB of zeros deflate to 8 kB; the front-to-back scan skips it as part of the entry before.
    entries[entries.length - 1] = { ...entries[entries.length - 1], coversNext: true };
    entries.push({ name: 'xl/media/image1.png', data: zeros(8 * 1024 * 1024), level: 9 });
    const bytes = craftZip(entries);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const parsed = await parseTemplateXlsx(bytes, { maxInflatedBytes: 4 * 1024 * 1024 });
    expect(parsed.observations).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/more than 4 MiB.*zip bomb/),
    ]);
  });

  it('refuses an entry written after the central directory', async () => {
    const entries = await entriesOf();
    entries.push({
      name: 'xl/media/image1.png',
      data: zeros(8 * 1024 * 1024),
      level: 9,
      afterDirectory: true,
    });
    const parsed = await parseTemplateXlsx(craftZip(entries), { maxInflatedBytes: 4 * 1024 * 1024 });
    expect(parsed.observations).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/damaged|zip bomb/)]);
  });

  it('reads the sheet the central directory names, not a decoy only a front-to-back scan finds', async () => {
    const entries = await entriesOf();
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const decoy = {
      ...sheet,
      data: new TextEncoder().encode(new TextDecoder().decode(sheet.data).replace('>7<', '>9<')),
      localOnly: true,
    };
    const parsed = await parseTemplateXlsx(craftZip([decoy, ...entries]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations.map((o) => o.value)).toEqual([7]);
  });
});

describe('parseTemplate and writers', () => {
  it('tells XLSX from CSV by content', async () => {
    expect(
      (
        await parseTemplate(
          await writeTemplateXlsx([{ indicator_code: 'X', area_code: '1283', period: '2024', value: 1 }]),
        )
      ).format,
    ).toBe('TEMPLATE_XLSX');
    expect((await parseTemplate(fixture('synthetic_template_comma.csv'))).format).toBe('TEMPLATE_CSV');
    expect(
      (await parseTemplate('indicator_code,area_code,period,value\nX,1283,2024,1\n')).observations,
    ).toHaveLength(1);
  });

  it('writes an XLSX template with the codes in a sheet of their own, which the import does not read', async () => {
    const bytes = await writeTemplateXlsx(
      [{ indicator_code: 'local.x', area_code: '1283', period: '2024-09', value: 3 }],
      {
        indicators: [{ code: 'local.x', name: 'Deltagare i jobbspår', unit: 'COUNT', periodicity: 'MONTH' }],
        areas: [
          { code: '1260', name: 'Bjuvs kommun' },
          { code: '1283', name: 'Helsingborgs stad' },
        ],
      },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['data', 'anvisningar', 'koder']);
    const codes = workbook.getWorksheet('koder')!;
    expect(codes.getRow(2).values).toEqual([
      undefined,
      'local.x',
      'Deltagare i jobbspår',
      'COUNT',
      'MONTH',
      undefined,
      '1260',
      'Bjuvs kommun',
    ]);
    expect(codes.getRow(3).getCell(6).value).toBe('1283');
    const parsed = await parseTemplate(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations).toHaveLength(1);
  });

  it('writes a CSV template that reads back', () => {
    const csv = writeTemplateCsv([
      {
        indicator_code: 'X',
        area_code: '0114',
        period: '2024-09',
        value: '<5',
        flags: ['preliminary'],
        note: 'a; b',
      },
    ]);
    expect(csv).toBe(
      '\uFEFFindicator_code;area_code;period;value;flags;note\r\nX;0114;2024-09;<5;preliminary;"a; b"\r\n',
    );
    const parsed = parseTemplateCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations[0]).toMatchObject({
      area: '0114',
      value: 1,
      upperBound: 4,
      preliminary: true,
      note: 'a; b',
    });
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
