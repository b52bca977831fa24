/**
 * The fixed XML of a minimal SpreadsheetML package (content types, relationships, the
 * workbook part), used to write the synthetic pivot-cache workbook and to hand exceljs a
 * clean package holding only the sheet it should read.
 */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const REL_TYPE = {
  officeDocument: `${NS_REL}/officeDocument`,
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  pivotCacheDefinition: `${NS_REL}/pivotCacheDefinition`,
  pivotCacheRecords: `${NS_REL}/pivotCacheRecords`,
} as const;

export const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  pivotCacheDefinition:
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  pivotCacheRecords: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
} as const;

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function contentTypesXml(overrides: Record<string, string>): string {
  const parts = Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>`)
    .join('');
  return (
    `${XML_DECL}<Types xmlns="${NS_CT}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${parts}</Types>`
  );
}

export function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`)
    .join('');
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${items}</Relationships>`;
}

export function workbookXml(options: {
  sheets: { name: string; relId: string }[];
  pivotCaches?: { cacheId: number; relId: string }[];
  date1904?: boolean;
}): string {
  const sheets = options.sheets
    .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="${s.relId}"/>`)
    .join('');
  const caches = options.pivotCaches?.length
    ? `<pivotCaches>${options.pivotCaches.map((c) => `<pivotCache cacheId="${c.cacheId}" r:id="${c.relId}"/>`).join('')}</pivotCaches>`
    : '';
  return (
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<workbookPr${options.date1904 ? ' date1904="1"' : ''}/>` +
    `<bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${caches}</workbook>`
  );
}

/** One font, fill, border and cell format: the least a styles part may hold. */
export const MINIMAL_STYLES_XML =
  `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export const EMPTY_SHARED_STRINGS_XML = `${XML_DECL}<sst xmlns="${NS_MAIN}" count="0" uniqueCount="0"/>`;

export { XML_DECL };
