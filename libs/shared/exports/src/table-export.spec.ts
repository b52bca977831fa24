import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { exportTable, toCsv, toXlsx, type ExportTable } from './table-export';

const table: ExportTable = {
  sheetName: 'Logg: 2026/01',
  columns: [{ header: 'När' }, { header: '=Vem' }, { header: 'Antal' }],
  rows: [
    [new Date('2026-01-02T03:04:05Z'), 'Sam Samordnarsson', 3],
    [null, '=cmd|" /C calc"!A0', -7],
    [new Date('2026-01-03T00:00:00Z'), 'Åsa, "citat"\nny rad', 0],
  ],
};

describe('toCsv', () => {
  it('starts with a byte order mark, quotes as needed and neutralises formulas in headers and cells', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const records = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(records).toEqual([
      ['När', "'=Vem", 'Antal'],
      ['2026-01-02T03:04:05.000Z', 'Sam Samordnarsson', '3'],
      ['', `'=cmd|" /C calc"!A0`, '-7'],
      ['2026-01-03T00:00:00.000Z', 'Åsa, "citat"\nny rad', '0'],
    ]);
  });
});

describe('toXlsx', () => {
  it('writes one sheet with the header row and neutralised text cells, numbers and dates typed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Logg  2026 01');
    expect(sheet.getRow(1).values).toEqual([undefined, 'När', "'=Vem", 'Antal']);
    expect(sheet.getCell('B3').value).toBe(`'=cmd|" /C calc"!A0`);
    expect(sheet.getCell('B3').formula).toBeUndefined();
    expect(sheet.getCell('C3').value).toBe(-7);
    expect(sheet.getCell('A2').value).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(sheet.rowCount).toBe(4);
  });
});

describe('exportTable', () => {
  it('answers the bytes with the content type of the format', async () => {
    const csv = await exportTable(table, 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)).toBe(toCsv(table));
    const xlsx = await exportTable(table, 'xlsx');
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(xlsx.bytes.subarray(0, 2)).toString()).toBe('PK');
  });
});
