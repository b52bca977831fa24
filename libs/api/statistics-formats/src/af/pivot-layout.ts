import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceLocation } from '../model';
import { AF_COUNTY_FIELD, AF_MUNICIPALITY_FIELD, AF_PERIOD_FIELD, canonicalAfField } from './af-fields';
import type { AfColumnMap, AfLocations, AfRowCollector, RawCell } from './af-rows';
import { WorkbookFileError } from '../zip';
import { isRelType, plainAttribute, relAttribute, walkXml } from './ooxml';
import { parsePart, readRelationshipsOf, readXmlParts, type WorkbookPackage } from './workbook-package';

export interface PivotCacheField {
  name: string;
  /** calculated (a `formula`) or grouped fields: they have no values in the records */
  calculated: boolean;
  /** the field's `sharedItems`, which `<x v="i"/>` in a record indexes */
  items: RawCell[];
}

export interface PivotCacheDefinition {
  fields: PivotCacheField[];
  /** r:id of the records part in the definition's relationships */
  recordsRelId?: string;
  recordCount?: number;
  /** when the cache was last refreshed, as an ISO date-time, if the file says */
  refreshed?: string;
}

export interface PivotLayoutResult {
  /** the records part that was read, if a cache had the AF fields */
  recordsPath?: string;
  refreshed?: string;
  /** for the "no table found" problem: each cache and its fields */
  cachesSeen: string[];
}

/** A value element of a record or of sharedItems → the reader's cell kinds. */
export function pivotValue(kind: string, v: string | undefined): RawCell | undefined {
  switch (kind) {
    case 'n': {
      if (v === undefined) return null;
      const n = Number(v);
      // Kept as text when it does not parse, so that it is reported as not a number.
      return v.trim() !== '' && Number.isFinite(n) ? n : v;
    }
    case 's':
      return v ?? '';
    case 'm':
      return null;
    case 'b':
      return { kind: 'boolean', value: v === '1' || v === 'true' };
    case 'e':
      return { kind: 'error', value: v ?? '#N/A' };
    case 'd':
      // Cache dates are written without a zone; they are calendar values, read as UTC.
      return v === undefined
        ? null
        : { kind: 'date', date: new Date(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`) };
    default:
      return undefined;
  }
}

function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial <= 0) return undefined;
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString();
}

/** Reads `pivotCacheDefinitionN.xml`: fields, their shared items and the records link. */
export function parsePivotCacheDefinition(xml: string): PivotCacheDefinition {
  const definition: PivotCacheDefinition = { fields: [] };
  let field: PivotCacheField | undefined;
  let depth = 0;
  let sharedItemsDepth = -1;
  walkXml(
    xml,
    (tag: SaxesTagNS) => {
      depth++;
      if (sharedItemsDepth > 0 && depth === sharedItemsDepth + 1 && field) {
        const value = pivotValue(tag.local, plainAttribute(tag, 'v'));
        if (value !== undefined) field.items.push(value);
        return;
      }
      switch (tag.local) {
        case 'pivotCacheDefinition': {
          definition.recordsRelId = relAttribute(tag);
          const count = Number(plainAttribute(tag, 'recordCount'));
          if (Number.isInteger(count) && count >= 0) definition.recordCount = count;
          definition.refreshed = excelSerialToIso(Number(plainAttribute(tag, 'refreshedDate')));
          break;
        }
        case 'cacheField': {
          const databaseField = plainAttribute(tag, 'databaseField');
          field = {
            name: plainAttribute(tag, 'name') ?? '',
            calculated:
              plainAttribute(tag, 'formula') !== undefined ||
              databaseField === '0' ||
              databaseField === 'false',
            items: [],
          };
          definition.fields.push(field);
          break;
        }
        case 'sharedItems':
          sharedItemsDepth = depth;
          break;
      }
    },
    (tag) => {
      if (tag.local === 'sharedItems') sharedItemsDepth = -1;
      else if (tag.local === 'cacheField') field = undefined;
      depth--;
    },
  );
  return definition;
}

interface Candidate {
  definitionPath: string;
  definition: PivotCacheDefinition;
  databaseFields: PivotCacheField[];
  columns: AfColumnMap;
}

function columnsOf(fields: PivotCacheField[]): AfColumnMap | undefined {
  const byField = new Map<string, number>();
  fields.forEach((f, i) => {
    const canonical = canonicalAfField(f.name);
    if (canonical && !byField.has(canonical)) byField.set(canonical, i);
  });
  const fixed = [AF_PERIOD_FIELD, AF_COUNTY_FIELD, AF_MUNICIPALITY_FIELD];
  const measures = [...byField]
    .filter(([f]) => !fixed.includes(f))
    .map(([field, column]) => ({ field, column }));
  if (
    !byField.has(AF_PERIOD_FIELD) ||
    !byField.has(AF_MUNICIPALITY_FIELD) ||
    !measures.some((m) => m.field.endsWith('SOK'))
  ) {
    return undefined;
  }
  return {
    period: byField.get(AF_PERIOD_FIELD)!,
    county: byField.get(AF_COUNTY_FIELD) ?? -1,
    municipality: byField.get(AF_MUNICIPALITY_FIELD)!,
    measures,
  };
}

/** Finds the pivot caches through workbook.xml → its rels → the definitions. */
async function findCaches(pkg: WorkbookPackage): Promise<{ candidate?: Candidate; seen: string[] }> {
  const { zip, info, rels } = pkg;
  const paths = info.pivotCaches
    .map((c) => rels.get(c.relId))
    .filter((r) => r && !r.external && isRelType(r.type, 'pivotCacheDefinition') && zip.find(r.target))
    .map((r) => zip.find(r!.target)!);
  const texts = await readXmlParts(zip, paths);
  const seen: string[] = [];
  for (const definitionPath of paths) {
    const definition = parsePart(definitionPath, () => parsePivotCacheDefinition(texts.get(definitionPath)!));
    const databaseFields = definition.fields.filter((f) => !f.calculated);
    seen.push(`${definitionPath} (fields ${databaseFields.map((f) => f.name).join(', ') || 'none'})`);
    const columns = columnsOf(databaseFields);
    if (columns) return { candidate: { definitionPath, definition, databaseFields, columns }, seen };
  }
  return { seen };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Layout 2, the published workbooks: the rows exist only in the pivot cache. Streams the
 * records part through saxes, one record at a time; no part of it is held as a document.
 */
export async function readPivotLayout(
  pkg: WorkbookPackage,
  collector: AfRowCollector,
  onProgress: (fraction: number) => void,
): Promise<PivotLayoutResult> {
  const { zip } = pkg;
  const { candidate, seen } = await findCaches(pkg);
  if (!candidate) return { cachesSeen: seen };
  const { definitionPath, definition, databaseFields, columns } = candidate;

  const definitionRels = (await readRelationshipsOf(zip, [definitionPath])).get(definitionPath)!;
  const recordsRel =
    definitionRels.find((r) => r.id === definition.recordsRelId && !r.external) ??
    definitionRels.find((r) => isRelType(r.type, 'pivotCacheRecords') && !r.external);
  const recordsPath = recordsRel && zip.find(recordsRel.target);
  if (!recordsPath) {
    throw new WorkbookFileError(
      `the pivot cache ${definitionPath} was saved without its records, so the workbook holds no data rows; save it in Excel with "Save source data with file" on`,
    );
  }

  const fieldCount = databaseFields.length;
  const used = new Uint8Array(fieldCount);
  for (const c of [
    columns.period,
    columns.county,
    columns.municipality,
    ...columns.measures.map((m) => m.column),
  ]) {
    if (c >= 0) used[c] = 1;
  }
  const names = databaseFields.map((f) => f.name);
  let sharedRow = -1;
  let sharedLocation: SourceLocation = {};
  const locations: AfLocations = {
    // One location object per record, shared by its observations: the series names the field.
    observation: (row) => {
      if (row !== sharedRow) {
        sharedRow = row;
        sharedLocation = { path: recordsPath, row, index: row - 1 };
      }
      return sharedLocation;
    },
    cell: (row, column) => ({ path: recordsPath, row, index: row - 1, column: names[column] }),
    row: (row) => ({ path: recordsPath, row, index: row - 1 }),
    describeRow: (row) => `record ${row} of ${recordsPath}`,
    describeCell: (row, column) => `record ${row}, field ${names[column]}, of ${recordsPath}`,
  };
  collector.useLayout(columns, locations);

  const values: RawCell[] = new Array(fieldCount).fill(null);
  let depth = 0;
  let recordDepth = 0;
  let column = 0;
  let recordNumber = 0;
  let recordBroken = false;
  let expected = definition.recordCount;
  const declaredBytes = zip.declaredSize(recordsPath);
  let bytesRead = 0;
  let nextReport = 0;

  const parser = new SaxesParser<{ xmlns: false; position: boolean; fileName: string }>({
    xmlns: false,
    position: false,
    fileName: recordsPath,
  });
  parser.on('opentag', (tag) => {
    depth++;
    const local = localName(tag.name);
    if (recordDepth === 0) {
      if (local === 'r') {
        recordDepth = depth;
        column = 0;
        recordBroken = false;
      } else if (local === 'pivotCacheRecords' && expected === undefined) {
        const count = Number(tag.attributes['count']);
        if (Number.isInteger(count) && count > 0) expected = count;
      }
      return;
    }
    if (depth !== recordDepth + 1) return;
    if (column < fieldCount && used[column]) {
      const v = tag.attributes['v'];
      let value: RawCell | undefined;
      if (local === 'x') {
        const items = databaseFields[column].items;
        const i = Number(v);
        value = Number.isInteger(i) && i >= 0 && i < items.length ? items[i] : undefined;
        if (value === undefined) {
          recordBroken = true;
          collector.problem(
            locations.cell(recordNumber + 1, column),
            `${locations.describeCell(recordNumber + 1, column)}: refers to shared item ${v}, but the field has ${items.length} shared items; the pivot cache is damaged`,
          );
        }
      } else {
        value = pivotValue(local, v);
      }
      values[column] = value ?? null;
    }
    column++;
  });
  parser.on('closetag', () => {
    if (depth === recordDepth) {
      recordDepth = 0;
      recordNumber++;
      if (column !== fieldCount) {
        recordBroken = true;
        collector.problem(
          locations.row(recordNumber),
          `${locations.describeRow(recordNumber)} has ${column} values, but the cache defines ${fieldCount} fields; the pivot cache is damaged`,
        );
      }
      if (!recordBroken) collector.addRow(recordNumber, values);
      values.fill(null);
      const fraction = expected ? recordNumber / expected : declaredBytes ? bytesRead / declaredBytes : 0;
      if (fraction >= nextReport) {
        onProgress(Math.min(fraction, 0.999));
        nextReport = fraction + 0.01;
      }
    }
    depth--;
  });

  const decoder = new TextDecoder('utf-8');
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      throw new WorkbookFileError(
        `the workbook is damaged: ${recordsPath} is not well-formed XML (${(error as Error).message})`,
      );
    }
  };
  await zip.stream(recordsPath, (chunk) => {
    bytesRead += chunk.length;
    write(decoder.decode(chunk, { stream: true }));
  });
  write(decoder.decode());
  try {
    parser.close();
  } catch (error) {
    throw new WorkbookFileError(
      `the workbook is damaged: ${recordsPath} ends too early (${(error as Error).message})`,
    );
  }
  return { recordsPath, refreshed: definition.refreshed, cachesSeen: seen };
}
