// The package's browser build: the same writer with its own Buffer, so the web app can build
// exports in the browser too (its Node build needs Node's global Buffer); Node runs it as well.
import { stringify } from 'csv-stringify/browser/esm/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './formula-injection';

export type ExportCell = string | number | boolean | Date | null;

/** A table to export: the header row and the data rows, cells in column order. */
export interface ExportTable {
  /** the worksheet's name (XLSX); at most 31 characters, no `[]:*?/\` */
  sheetName: string;
  columns: { header: string; width?: number }[];
  rows: ExportCell[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const safeRow = (cells: readonly ExportCell[]) => cells.map((cell) => neutraliseFormula(cell));

/**
 * CSV as Excel opens it on a Swedish desktop: UTF-8 with a byte order mark (else å, ä, ö
 * turn into mojibake), comma-separated, every field quoted as needed, CRLF line ends,
 * dates as ISO 8601. Formula triggers are neutralised in headers and cells alike.
 */
export function toCsv(table: ExportTable): string {
  return (
    '\uFEFF' +
    stringify([safeRow(table.columns.map((column) => column.header)), ...table.rows.map(safeRow)], {
      record_delimiter: 'windows',
      cast: { date: (date) => date.toISOString(), boolean: (value) => (value ? 'true' : 'false') },
    })
  );
}

/** One worksheet with a bold, frozen header row; text cells neutralised as in CSV. */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({
    header: String(neutraliseFormula(column.header)),
    width: column.width ?? 20,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(safeRow(row));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The file for a format: bytes and the content type to send them with. */
export async function exportTable(
  table: ExportTable,
  format: ExportFormat,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(table)) : await toXlsx(table);
  return { bytes, contentType: EXPORT_CONTENT_TYPES[format] };
}
