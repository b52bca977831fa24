import ExcelJS from 'exceljs';
import { TEMPLATE_COLUMNS, TEMPLATE_DATA_SHEET, TemplateFlag } from './columns';

/** One row to put in a template, e.g. to pre-fill the periods and areas someone should complete. */
export interface TemplateRow {
  indicator_code: string;
  area_code: string;
  period: string;
  /** a number, '<5', or null/'' for a cell left to fill in */
  value?: number | string | null;
  flags?: readonly TemplateFlag[];
  note?: string;
}

function cellsOf(row: TemplateRow): (string | number)[] {
  return [
    row.indicator_code,
    row.area_code,
    row.period,
    row.value ?? '',
    (row.flags ?? []).join(';'),
    row.note ?? '',
  ];
}

/** The codes a template's user may write: the indicators they import and the areas they report for. */
export interface TemplateCodes {
  indicators: readonly { code: string; name: string; unit: string; periodicity: string }[];
  areas: readonly { code: string; name: string }[];
}

/** The name of the sheet with the codes. */
export const TEMPLATE_CODES_SHEET = 'koder';

/**
 * Writes the XLSX template: a "data" sheet with the header (and any rows given), an
 * "anvisningar" sheet describing every column in Swedish and English and, with `codes`, a
 * "koder" sheet listing the indicator and area codes the file may use. Only "data" is read
 * on import, so the other sheets can stay in the file.
 */
export async function writeTemplateXlsx(
  rows: readonly TemplateRow[] = [],
  codes?: TemplateCodes,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(TEMPLATE_DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = TEMPLATE_COLUMNS.map((column) => ({
    header: column.name,
    key: column.name,
    width: column.name === 'note' ? 40 : 22,
    // Text format keeps Excel from turning 0114 into 114 and 2024-09 into a date.
    style:
      column.name === 'area_code' || column.name === 'period' || column.name === 'indicator_code'
        ? { numFmt: '@' }
        : {},
  }));
  data.getRow(1).font = { bold: true };
  for (const row of rows) data.addRow(cellsOf(row));

  const help = workbook.addWorksheet('anvisningar');
  help.columns = [
    { header: 'kolumn / column', width: 18 },
    { header: 'obligatorisk / required', width: 14 },
    { header: 'exempel / example', width: 30 },
    { header: 'beskrivning', width: 70 },
    { header: 'description', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) {
    const added = help.addRow([
      column.name,
      column.required ? 'ja / yes' : 'nej / no',
      column.example,
      column.description.sv,
      column.description.en,
    ]);
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  if (codes) addCodesSheet(workbook, codes);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Two tables side by side: indicator codes (with unit and periodicity), and area codes. */
function addCodesSheet(workbook: ExcelJS.Workbook, codes: TemplateCodes): void {
  const sheet = workbook.addWorksheet(TEMPLATE_CODES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'indicator_code', width: 36, style: { numFmt: '@' } },
    { header: 'indikator / indicator', width: 50 },
    { header: 'enhet / unit', width: 12 },
    { header: 'period', width: 10 },
    { header: '', width: 4 },
    { header: 'area_code', width: 12, style: { numFmt: '@' } },
    { header: 'område / area', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  const length = Math.max(codes.indicators.length, codes.areas.length);
  for (let i = 0; i < length; i++) {
    const indicator = codes.indicators[i];
    const area = codes.areas[i];
    sheet.addRow([
      indicator?.code ?? null,
      indicator?.name ?? null,
      indicator?.unit ?? null,
      indicator?.periodicity ?? null,
      null,
      area?.code ?? null,
      area?.name ?? null,
    ]);
  }
}

function csvCell(value: string | number, delimiter: string): string {
  const text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes the CSV template (UTF-8 with BOM so Excel recognises the encoding; semicolons by default, as Swedish Excel expects). */
export function writeTemplateCsv(rows: readonly TemplateRow[] = [], delimiter: ';' | ',' = ';'): string {
  const lines = [TEMPLATE_COLUMNS.map((c) => c.name), ...rows.map(cellsOf)].map((cells) =>
    cells.map((cell) => csvCell(cell, delimiter)).join(delimiter),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
