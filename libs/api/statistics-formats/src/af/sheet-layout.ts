import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { Readable } from 'node:stream';
import type { SourceLocation } from '../model';
import { AF_COUNTY_FIELD, AF_MUNICIPALITY_FIELD, AF_PERIOD_FIELD, canonicalAfField } from './af-fields';
import type { AfColumnMap, AfLocations, AfRowCollector, RawCell } from './af-rows';
import { WorkbookFileError } from '../zip';
import { isRelType } from './ooxml';
import {
  CONTENT_TYPE,
  EMPTY_SHARED_STRINGS_XML,
  REL_TYPE,
  contentTypesXml,
  relationshipsXml,
  workbookXml,
} from './package-parts';
import { readRelationshipsOf, type WorkbookPackage } from './workbook-package';

/** How far down a sheet the header row may be (AF's visible sheets have it on row 9). */
export const HEADER_SCAN_ROWS = 30;

export interface SheetLayoutResult {
  /** sheets that held the table */
  tables: string[];
  /** the first text of the first sheet, e.g. the workbook's title block */
  title?: string;
}

/** exceljs's cell value → the reader's cell kinds. */
export function toRawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', date: value };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return toRawCell(value.result as ExcelJS.CellValue);
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : toRawCell(value.text as ExcelJS.CellValue);
  return null;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface Header {
  row: number;
  columns: AfColumnMap;
  names: Map<number, string>;
  duplicates: string[];
}

/** Whether a row is the header: PERIOD, KOM and at least one …SOK column. */
function headerOf(row: ExcelJS.Row): Header | undefined {
  const byField = new Map<string, number>();
  const duplicates: string[] = [];
  row.eachCell((cell, column) => {
    const text = toRawCell(cell.value);
    if (typeof text !== 'string') return;
    const field = canonicalAfField(text);
    if (!field) return;
    if (byField.has(field)) {
      duplicates.push(
        `${field} (${columnLetters(byField.get(field)!)}${row.number} and ${columnLetters(column)}${row.number})`,
      );
    } else byField.set(field, column);
  });
  const fixed = [AF_PERIOD_FIELD, AF_COUNTY_FIELD, AF_MUNICIPALITY_FIELD];
  const measures = [...byField].filter(([field]) => !fixed.includes(field));
  if (
    !byField.has(AF_PERIOD_FIELD) ||
    !byField.has(AF_MUNICIPALITY_FIELD) ||
    !measures.some(([f]) => f.endsWith('SOK'))
  ) {
    return undefined;
  }
  return {
    row: row.number,
    columns: {
      period: byField.get(AF_PERIOD_FIELD)!,
      county: byField.get(AF_COUNTY_FIELD) ?? -1,
      municipality: byField.get(AF_MUNICIPALITY_FIELD)!,
      measures: measures.map(([field, column]) => ({ field, column })).sort((a, b) => a.column - b.column),
    },
    names: new Map([...byField].map(([field, column]) => [column, field])),
    duplicates,
  };
}

function firstText(rows: readonly ExcelJS.Row[]): string | undefined {
  for (const row of rows) {
    let text: string | undefined;
    row.eachCell((cell) => {
      const value = toRawCell(cell.value);
      if (text === undefined && typeof value === 'string' && value.trim()) text = value.trim();
    });
    if (text) return text;
  }
  return undefined;
}

/** The last row the sheet declares (`<dimension ref="A1:BB27846"/>`), for progress. */
function declaredRows(sheet: Uint8Array): number | undefined {
  const head = new TextDecoder().decode(sheet.subarray(0, 4096));
  const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : undefined;
}

function sheetLocations(sheet: string, names: Map<number, string>): AfLocations {
  const letters: string[] = [];
  const letter = (column: number) => (letters[column] ??= columnLetters(column));
  const cell = (row: number, column: number): SourceLocation => ({
    sheet,
    row,
    column: names.get(column) ?? letter(column),
    cell: `${letter(column)}${row}`,
  });
  return {
    observation: cell,
    cell,
    row: (row) => ({ sheet, row }),
    describeRow: (row) => `row ${row} of sheet "${sheet}"`,
    describeCell: (row, column) =>
      `cell ${letter(column)}${row} (${names.get(column) ?? 'column'}) of sheet "${sheet}"`,
  };
}

/**
 * A package with only this sheet, the styles and the shared strings, under the part names
 * and in the order exceljs's streaming reader expects (it finds sheets only as
 * xl/worksheets/sheetN.xml, and spools sheets that come before the shared strings to
 * temporary files). The original file, with its possibly very large pivot cache, is never
 * handed to exceljs, and every part in here has already passed the zip limits.
 */
function singleSheetPackage(parts: {
  sheet: Uint8Array;
  styles?: Uint8Array;
  sharedStrings?: Uint8Array;
  date1904: boolean;
}): Uint8Array {
  const enc = new TextEncoder();
  return zipSync(
    {
      '[Content_Types].xml': enc.encode(
        contentTypesXml({
          'xl/workbook.xml': CONTENT_TYPE.workbook,
          'xl/worksheets/sheet1.xml': CONTENT_TYPE.worksheet,
          'xl/sharedStrings.xml': CONTENT_TYPE.sharedStrings,
          ...(parts.styles ? { 'xl/styles.xml': CONTENT_TYPE.styles } : {}),
        }),
      ),
      '_rels/.rels': enc.encode(
        relationshipsXml([{ id: 'rId1', type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' }]),
      ),
      'xl/workbook.xml': enc.encode(
        workbookXml({ sheets: [{ name: 'Sheet', relId: 'rId1' }], date1904: parts.date1904 }),
      ),
      'xl/_rels/workbook.xml.rels': enc.encode(
        relationshipsXml([
          { id: 'rId1', type: REL_TYPE.worksheet, target: 'worksheets/sheet1.xml' },
          { id: 'rId2', type: REL_TYPE.sharedStrings, target: 'sharedStrings.xml' },
          ...(parts.styles ? [{ id: 'rId3', type: REL_TYPE.styles, target: 'styles.xml' }] : []),
        ]),
      ),
      'xl/sharedStrings.xml': parts.sharedStrings ?? enc.encode(EMPTY_SHARED_STRINGS_XML),
      ...(parts.styles ? { 'xl/styles.xml': parts.styles } : {}),
      'xl/worksheets/sheet1.xml': parts.sheet,
    },
    { level: 0 },
  );
}

/**
 * Layout 1: a sheet with the columns PERIOD, LAN, KOM, TOTSOK, … somewhere in its first
 * rows. Reads every such sheet into the collector. Sheets that host a pivot table are
 * skipped: they show a filtered, summed view of the pivot cache, not the data.
 */
export async function readSheetLayout(
  pkg: WorkbookPackage,
  collector: AfRowCollector,
  onProgress: (fraction: number) => void,
): Promise<SheetLayoutResult> {
  const { zip, info, rels } = pkg;
  const sheets = info.sheets
    .map((s) => ({ ...s, rel: rels.get(s.relId) }))
    .filter((s) => s.rel && isRelType(s.rel.type, 'worksheet') && !s.rel.external && zip.find(s.rel.target))
    .map((s) => ({ name: s.name, path: zip.find(s.rel!.target)! }));
  const sheetRels = await readRelationshipsOf(
    zip,
    sheets.map((s) => s.path),
  );
  const candidates = sheets.filter(
    (s) => !sheetRels.get(s.path)!.some((r) => isRelType(r.type, 'pivotTable')),
  );

  const shared = [...rels.values()].find((r) => isRelType(r.type, 'sharedStrings') && !r.external);
  const styles = [...rels.values()].find((r) => isRelType(r.type, 'styles') && !r.external);
  const common = await zip.read(
    [shared, styles].map((r) => (r ? zip.find(r.target) : undefined)).filter((n): n is string => !!n),
  );
  const partOf = (r: typeof shared) =>
    r && zip.find(r.target) ? common.get(zip.find(r.target)!) : undefined;

  const result: SheetLayoutResult = { tables: [] };
  for (const [index, sheet] of candidates.entries()) {
    const bytes = (await zip.read([sheet.path])).get(sheet.path)!;
    const single = singleSheetPackage({
      sheet: bytes,
      styles: partOf(styles),
      sharedStrings: partOf(shared),
      date1904: info.date1904,
    });
    const total = declaredRows(bytes) ?? 0;
    try {
      await readOneSheet(single, sheet.name, collector, result, (row) => {
        if (total) onProgress((index + Math.min(row / total, 1)) / candidates.length);
      });
    } catch (error) {
      if (error instanceof WorkbookFileError) throw error;
      throw new WorkbookFileError(
        `the workbook is damaged: sheet "${sheet.name}" could not be read (${(error as Error).message})`,
      );
    }
  }
  return result;
}

/**
 * Streams one sheet through exceljs's reader: rows are looked at once and dropped, so a
 * national table costs the observations, not a model of every cell.
 */
async function readOneSheet(
  single: Uint8Array,
  name: string,
  collector: AfRowCollector,
  result: SheetLayoutResult,
  onRow: (row: number) => void,
): Promise<void> {
  // Fed in small chunks: exceljs parses each chunk it receives into one array of events,
  // so one large chunk would hold events for every cell of the sheet at once.
  const chunks = function* () {
    for (let offset = 0; offset < single.length; offset += 64 * 1024) {
      yield Buffer.from(
        single.buffer,
        single.byteOffset + offset,
        Math.min(64 * 1024, single.length - offset),
      );
    }
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers (a PERIOD Excel turned into a date).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const above: ExcelJS.Row[] = [];
  let header: Header | undefined;
  let values: RawCell[] = [];
  let used: number[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (!header) {
        header = headerOf(row);
        if (!header) {
          if (row.number > HEADER_SCAN_ROWS) break;
          above.push(row);
          continue;
        }
        if (result.title === undefined) result.title = firstText(above);
        result.tables.push(name);
        const locations = sheetLocations(name, header.names);
        collector.useLayout(header.columns, locations);
        for (const duplicate of header.duplicates) {
          collector.problem(
            locations.row(header.row),
            `${locations.describeRow(header.row)} has the column ${duplicate} twice`,
          );
        }
        const { period, county, municipality, measures } = header.columns;
        used = [period, county, municipality, ...measures.map((m) => m.column)].filter((c) => c > 0);
        values = new Array(Math.max(...used) + 1).fill(null);
        continue;
      }
      for (const column of used) values[column] = toRawCell(row.findCell(column)?.value);
      collector.addRow(row.number, values);
      onRow(row.number);
    }
    break;
  }
  if (!header && result.title === undefined) result.title = firstText(above);
}
