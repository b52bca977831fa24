import path from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Office Open XML package helpers: relationships, part paths, the workbook part. */

export interface Relationship {
  id: string;
  /** the relationship type URI; compare with {@link isRelType} */
  type: string;
  /** the target part's path inside the package (no leading slash), or the raw target if external */
  target: string;
  external: boolean;
}

export interface WorkbookSheet {
  name: string;
  relId: string;
  state?: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  pivotCaches: { cacheId: string; relId: string }[];
  date1904: boolean;
}

/** Decodes an XML part; Excel writes UTF-8, but UTF-16 with a byte-order mark is legal. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Whether a relationship type is `kind` (e.g. "worksheet", "pivotCacheDefinition"). Compared
 * by the last path segment so that transitional and strict OOXML URIs both match.
 */
export function isRelType(type: string, kind: string): boolean {
  return type.slice(type.lastIndexOf('/') + 1) === kind;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself → `_rels/.rels`. */
export function relsPathOf(partPath: string): string {
  if (!partPath) return '_rels/.rels';
  const dir = path.posix.dirname(partPath);
  const base = path.posix.basename(partPath);
  return dir === '.' ? `_rels/${base}.rels` : `${dir}/_rels/${base}.rels`;
}

/** A relationship target relative to the part that holds it → a package path. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return path.posix.normalize(target).replace(/^\/+/, '');
  const dir = sourcePart ? path.posix.dirname(sourcePart) : '.';
  return path.posix.normalize(path.posix.join(dir, target)).replace(/^(\.\/)+/, '');
}

function parser(): SaxesParser<{ xmlns: true }> {
  // Namespace-aware so that prefixes other than the usual "r:" are understood. saxes
  // expands no entity a document declares itself, so a part can neither blow up in
  // memory (the "billion laughs") nor make the reader open a file or URL.
  return new SaxesParser({ xmlns: true, position: false });
}

/** The value of an attribute in the relationships namespace (r:id, whatever the prefix). */
export function relAttribute(tag: SaxesTagNS, local = 'id'): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === local && /relationships$/i.test(attribute.uri)) return attribute.value;
  }
  return undefined;
}

/** A plain (namespace-less) attribute's value. */
export function plainAttribute(tag: SaxesTagNS, name: string): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === name && !attribute.prefix) return attribute.value;
  }
  return undefined;
}

/** Parses a small part completely, calling `onOpen` for each element. */
export function walkXml(
  xml: string,
  onOpen: (tag: SaxesTagNS) => void,
  onClose?: (tag: SaxesTagNS) => void,
): void {
  const p = parser();
  p.on('opentag', onOpen);
  if (onClose) p.on('closetag', onClose);
  p.write(xml).close();
}

/** Reads a `.rels` part; targets come back resolved against `sourcePart`. */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const rels: Relationship[] = [];
  walkXml(xml, (tag) => {
    if (tag.local !== 'Relationship') return;
    const id = plainAttribute(tag, 'Id');
    const type = plainAttribute(tag, 'Type') ?? '';
    const target = plainAttribute(tag, 'Target');
    if (!id || target === undefined) return;
    const external = plainAttribute(tag, 'TargetMode') === 'External';
    rels.push({ id, type, external, target: external ? target : resolveTarget(sourcePart, target) });
  });
  return rels;
}

/** Reads `xl/workbook.xml`: its sheets, its pivot caches and the date system. */
export function parseWorkbookXml(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], pivotCaches: [], date1904: false };
  walkXml(xml, (tag) => {
    switch (tag.local) {
      case 'sheet': {
        const relId = relAttribute(tag);
        const name = plainAttribute(tag, 'name');
        if (relId && name !== undefined)
          info.sheets.push({ name, relId, state: plainAttribute(tag, 'state') });
        break;
      }
      case 'pivotCache': {
        const relId = relAttribute(tag);
        const cacheId = plainAttribute(tag, 'cacheId');
        if (relId) info.pivotCaches.push({ cacheId: cacheId ?? '', relId });
        break;
      }
      case 'workbookPr': {
        const v = plainAttribute(tag, 'date1904');
        info.date1904 = v === '1' || v === 'true';
        break;
      }
    }
  });
  return info;
}
