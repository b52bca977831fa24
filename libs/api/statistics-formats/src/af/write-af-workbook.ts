import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { AF_COUNTY_FIELD, AF_MEASURE_FIELDS, AF_MUNICIPALITY_FIELD, AF_PERIOD_FIELD } from './af-fields';
import {
  CONTENT_TYPE,
  MINIMAL_STYLES_XML,
  NS_MAIN,
  NS_REL,
  REL_TYPE,
  XML_DECL,
  contentTypesXml,
  relationshipsXml,
  workbookXml,
  xmlEscape,
} from './package-parts';

/** The label every synthetic workbook carries in cell A1 and in its document title. */
export const SYNTHETIC_LABEL = 'Syntetiska testdata – inte officiell statistik';

/** A count or denominator as Arbetsförmedlingen publishes it: a number, `<5` or nothing. */
export type AfCellValue = number | '<5' | null;

export interface AfWorkbookRow {
  /** `YYYY-MM` */
  period: string;
  /** county name as in LAN, e.g. "Skåne län" */
  county: string;
  /** municipality name as in KOM, e.g. "Helsingborg" */
  municipality: string;
  /** field (TOTSOK, TOTAK, …) → value; a field missing here is an empty cell */
  values: Record<string, AfCellValue>;
}

export interface WriteAfWorkbookOptions {
  /**
   * `sheet`: one worksheet with a title block and the table under it.
   * `pivot-cache`: like the published files, the rows only in the pivot cache and a
   * visible sheet with a notice.
   */
  layout: 'sheet' | 'pivot-cache';
  /** shown under the synthetic-data label */
  title: string;
  /** `sheet` layout: the row the header is on (default 5); rows above hold the title block */
  headerRow?: number;
  /** worksheet name (default "Data" for `sheet`, "Information" for `pivot-cache`) */
  sheetName?: string;
  /**
   * `pivot-cache` layout: how measures are stored in the records.
   * `inline` (default): `<n v="…"/>`, `<s v="&lt;5"/>`, `<m/>` in each record, as Excel writes
   * fields that are only summed. `shared`: every distinct value becomes a shared item of
   * its field and records hold `<x v="i"/>`, as Excel writes fields used as row labels.
   */
  measureEncoding?: 'inline' | 'shared';
  /** `pivot-cache` layout: add a calculated field (default true), which a reader must skip */
  calculatedField?: boolean;
}

// Fixed timestamps, so that the same rows always give the same bytes (an import of the
// same demo file twice is then recognisably the same file).
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** The measure fields the rows use, in the order Arbetsförmedlingen lists them. */
function measureFieldsOf(rows: readonly AfWorkbookRow[]): string[] {
  const present = new Set<string>();
  for (const row of rows) for (const field of Object.keys(row.values)) present.add(field);
  const known = AF_MEASURE_FIELDS.filter((f) => present.has(f));
  const other = [...present].filter((f) => !AF_MEASURE_FIELDS.includes(f));
  return [...known, ...other];
}

/**
 * Writes a synthetic workbook in Arbetsförmedlingen's layout, for demo data and tests.
 * Every file is labelled as synthetic in cell A1 and in its document properties.
 */
export async function writeAfWorkbook(
  rows: readonly AfWorkbookRow[],
  options: WriteAfWorkbookOptions,
): Promise<Uint8Array> {
  return options.layout === 'sheet' ? writeSheetLayout(rows, options) : writePivotCacheLayout(rows, options);
}

async function writeSheetLayout(
  rows: readonly AfWorkbookRow[],
  options: WriteAfWorkbookOptions,
): Promise<Uint8Array> {
  const headerRow = options.headerRow ?? 5;
  if (headerRow < 3) throw new Error('headerRow must leave room for the title block (3 or more)');
  const fields = measureFieldsOf(rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = SYNTHETIC_LABEL;
  workbook.title = SYNTHETIC_LABEL;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Data');
  sheet.getCell('A1').value = SYNTHETIC_LABEL;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = options.title;

  const header = [AF_PERIOD_FIELD, AF_COUNTY_FIELD, AF_MUNICIPALITY_FIELD, ...fields];
  sheet.getRow(headerRow).values = header;
  sheet.getRow(headerRow).font = { bold: true };
  let r = headerRow + 1;
  for (const row of rows) {
    const cells: (string | number | null)[] = [row.period, row.county, row.municipality];
    for (const field of fields) cells.push(row.values[field] ?? null);
    sheet.getRow(r++).values = cells;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** Distinct values in first-seen order with their index, for shared items. */
class SharedItems<T> {
  readonly items: T[] = [];
  private readonly index = new Map<T, number>();
  indexOf(value: T): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

function itemXml(value: AfCellValue | string): string {
  if (value === null) return '<m/>';
  if (typeof value === 'number') return `<n v="${value}"/>`;
  return `<s v="${xmlEscape(value)}"/>`;
}

/** The `sharedItems` attributes Excel writes to describe a field's values. */
function describeValues(values: Iterable<AfCellValue>): string {
  let numbers = 0;
  let strings = 0;
  let blanks = 0;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) blanks++;
    else if (typeof v === 'number') {
      numbers++;
      if (!Number.isInteger(v)) integers = false;
      if (v < min) min = v;
      if (v > max) max = v;
    } else strings++;
  }
  const attrs: string[] = [];
  if (strings && numbers) attrs.push('containsMixedTypes="1"');
  else if (!strings) attrs.push('containsSemiMixedTypes="0"', 'containsString="0"');
  if (numbers) {
    attrs.push('containsNumber="1"');
    if (integers) attrs.push('containsInteger="1"');
    attrs.push(`minValue="${min}"`, `maxValue="${max}"`);
  }
  if (blanks) attrs.push('containsBlank="1"');
  return attrs.join(' ');
}

function writePivotCacheLayout(rows: readonly AfWorkbookRow[], options: WriteAfWorkbookOptions): Uint8Array {
  const fields = measureFieldsOf(rows);
  const shared = options.measureEncoding === 'shared';
  const periods = new SharedItems<string>();
  const counties = new SharedItems<string>();
  const municipalities = new SharedItems<string>();
  const measureItems = fields.map(() => new SharedItems<AfCellValue>());

  // Records first: they decide the shared items' order, as they do when Excel builds a cache.
  const records: string[] = [];
  for (const row of rows) {
    let record = `<r><x v="${periods.indexOf(row.period)}"/><x v="${counties.indexOf(row.county)}"/><x v="${municipalities.indexOf(row.municipality)}"/>`;
    fields.forEach((field, i) => {
      const value = row.values[field] ?? null;
      const index = measureItems[i].indexOf(value);
      record += shared ? `<x v="${index}"/>` : itemXml(value);
    });
    records.push(`${record}</r>`);
  }

  const textField = (name: string, items: SharedItems<string>) =>
    `<cacheField name="${name}" numFmtId="0"><sharedItems count="${items.items.length}">${items.items.map(itemXml).join('')}</sharedItems></cacheField>`;
  const measureField = (name: string, items: SharedItems<AfCellValue>) =>
    shared
      ? `<cacheField name="${name}" numFmtId="0"><sharedItems ${describeValues(items.items)} count="${items.items.length}">${items.items.map(itemXml).join('')}</sharedItems></cacheField>`
      : `<cacheField name="${name}" numFmtId="0"><sharedItems ${describeValues(items.items)}/></cacheField>`;
  const calculated =
    options.calculatedField !== false && fields.includes('TOTSOK') && fields.includes('TOTAK');
  const cacheFields = [
    textField(AF_PERIOD_FIELD, periods),
    textField(AF_COUNTY_FIELD, counties),
    textField(AF_MUNICIPALITY_FIELD, municipalities),
    ...fields.map((f, i) => measureField(f, measureItems[i])),
    // Calculated fields have no values in the records; the reader must not count them.
    ...(calculated
      ? ['<cacheField name="ANDEL" numFmtId="0" formula="TOTSOK/TOTAK" databaseField="0"/>']
      : []),
  ];
  const lastColumn = columnName(3 + fields.length);
  const definition =
    `${XML_DECL}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" r:id="rId1" refreshOnLoad="0" ` +
    `createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A1:${lastColumn}${rows.length + 1}" sheet="Data"/></cacheSource>` +
    `<cacheFields count="${cacheFields.length}">${cacheFields.join('')}</cacheFields></pivotCacheDefinition>`;
  const recordsXml = `${XML_DECL}<pivotCacheRecords xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" count="${rows.length}">${records.join('')}</pivotCacheRecords>`;

  const sheetName = options.sheetName ?? 'Information';
  const textCell = (ref: string, text: string, style = 0) =>
    `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t>${xmlEscape(text)}</t></is></c>`;
  const sheet =
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>` +
    `<row r="1">${textCell('A1', SYNTHETIC_LABEL, 1)}</row>` +
    `<row r="2">${textCell('A2', options.title)}</row>` +
    `<row r="4">${textCell('A4', 'Uppgifterna finns i pivottabellens datakälla (pivotcachen) i den här filen.')}</row>` +
    `</sheetData></worksheet>`;
  const core =
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlEscape(SYNTHETIC_LABEL)}</dc:title>` +
    `<dc:description>${xmlEscape(options.title)}</dc:description></cp:coreProperties>`;

  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        contentTypesXml({
          'xl/workbook.xml': CONTENT_TYPE.workbook,
          'xl/worksheets/sheet1.xml': CONTENT_TYPE.worksheet,
          'xl/styles.xml': CONTENT_TYPE.styles,
          'xl/pivotCache/pivotCacheDefinition1.xml': CONTENT_TYPE.pivotCacheDefinition,
          'xl/pivotCache/pivotCacheRecords1.xml': CONTENT_TYPE.pivotCacheRecords,
          'docProps/core.xml': CONTENT_TYPE.coreProperties,
        }),
      ),
      '_rels/.rels': strToU8(
        relationshipsXml([
          { id: 'rId1', type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' },
          {
            id: 'rId2',
            type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
            target: 'docProps/core.xml',
          },
        ]),
      ),
      'docProps/core.xml': strToU8(core),
      'xl/workbook.xml': strToU8(
        workbookXml({
          sheets: [{ name: sheetName, relId: 'rId1' }],
          pivotCaches: [{ cacheId: 1, relId: 'rId3' }],
        }),
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        relationshipsXml([
          { id: 'rId1', type: REL_TYPE.worksheet, target: 'worksheets/sheet1.xml' },
          { id: 'rId2', type: REL_TYPE.styles, target: 'styles.xml' },
          { id: 'rId3', type: REL_TYPE.pivotCacheDefinition, target: 'pivotCache/pivotCacheDefinition1.xml' },
        ]),
      ),
      'xl/styles.xml': strToU8(MINIMAL_STYLES_XML),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/pivotCache/pivotCacheDefinition1.xml': strToU8(definition),
      'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': strToU8(
        relationshipsXml([
          { id: 'rId1', type: REL_TYPE.pivotCacheRecords, target: 'pivotCacheRecords1.xml' },
        ]),
      ),
      'xl/pivotCache/pivotCacheRecords1.xml': strToU8(recordsXml),
    },
    { level: 6, mtime: FIXED_DATE },
  );
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
