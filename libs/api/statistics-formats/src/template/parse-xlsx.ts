import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { ParseProblem } from '../model';
import { DEFAULT_ZIP_LIMITS, GuardedZip, WorkbookFileError } from '../zip';
import { TEMPLATE_DATA_SHEET } from './columns';
import { TemplateCell, TemplateRawRow, TemplateParsedFile, readTemplateRows } from './rows';

/** Default for how far a template workbook may inflate: far above any real template, far below a bomb. */
export const DEFAULT_MAX_INFLATED_BYTES = 200 * 1024 * 1024;

export interface TemplateXlsxOptions {
  /** Most bytes the workbook may inflate to (zip-bomb guard). Default 200 MB. */
  maxInflatedBytes?: number;
}

const failed = (problems: ParseProblem[]): TemplateParsedFile => ({
  format: 'TEMPLATE_XLSX',
  observations: [],
  problems,
  meta: {},
});

/** A cell's content as a plain value, or why it cannot be one. */
function readCell(value: ExcelJS.CellValue): TemplateCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return { unreadable: `the cell holds the spreadsheet error ${value.error}` };
    if ('formula' in value || 'sharedFormula' in value) {
      // Formulas are read by their cached result, as the spreadsheet last showed them.
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null)
        return { unreadable: 'the cell holds a formula without a saved result: paste the values instead' };
      if (typeof result === 'object' && !(result instanceof Date)) {
        return {
          unreadable: `the cell's formula gives the error ${(result as ExcelJS.CellErrorValue).error}`,
        };
      }
      return result;
    }
    if ('text' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  }
  return { unreadable: 'the cell content cannot be read as a value' };
}

/** Reads the XLSX template: the sheet named "data", else the first sheet. */
export async function parseTemplateXlsx(
  input: Uint8Array,
  options: TemplateXlsxOptions = {},
): Promise<TemplateParsedFile> {
  if (!(input instanceof Uint8Array))
    throw new TypeError('parseTemplateXlsx expects the file as a Uint8Array');
  if (input.length === 0) return failed([{ location: {}, message: 'the file is empty' }]);
  if (input[0] === 0xd0 && input[1] === 0xcf && input[2] === 0x11 && input[3] === 0xe0) {
    return failed([
      {
        location: {},
        message:
          'the workbook is password-protected (encrypted) or in the old .xls format: save it as an unprotected .xlsx workbook',
      },
    ]);
  }
  if (!(input[0] === 0x50 && input[1] === 0x4b)) {
    return failed([{ location: {}, message: 'the file is not an XLSX workbook' }]);
  }
  // exceljs (through JSZip) inflates every part into memory, so it is handed only a
  // clean, stored copy of the parts the guard inflated from the central directory under
  // the limits: what was checked is exactly what it reads.
  let checked: Uint8Array;
  try {
    const zip = GuardedZip.open(input, {
      ...DEFAULT_ZIP_LIMITS,
      maxUncompressedBytes: options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES,
    });
    if (!zip.find('xl/workbook.xml'))
      return failed([
        {
          location: {},
          message: 'the file is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)',
        },
      ]);
    const parts = await zip.read(zip.names());
    checked = zipSync(
      Object.fromEntries([...parts].map(([name, bytes]) => [name.replace(/^\/+/, ''), bytes])),
      {
        level: 0,
      },
    );
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return failed([{ location: {}, message: error.message }]);
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings want a Node Buffer; a Buffer view over the same bytes copies nothing.
    await workbook.xlsx.load(
      Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed([{ location: {}, message: `the file is not a readable XLSX workbook: ${reason}` }]);
  }
  const sheet =
    workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === TEMPLATE_DATA_SHEET) ??
    workbook.worksheets[0];
  if (!sheet) return failed([{ location: {}, message: 'the workbook has no sheets' }]);

  const rows: TemplateRawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TemplateCell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1)
      cells.push(readCell(row.getCell(column).value));
    rows.push({ row: rowNumber, cells });
  });
  return readTemplateRows(rows, { format: 'TEMPLATE_XLSX', sheet: sheet.name });
}
