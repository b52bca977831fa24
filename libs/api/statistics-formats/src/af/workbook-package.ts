import { GuardedZip, WorkbookFileError } from '../zip';
import {
  decodeXml,
  isRelType,
  parseRelationships,
  parseWorkbookXml,
  relsPathOf,
  type Relationship,
  type WorkbookInfo,
} from './ooxml';

/** The workbook part of an opened package and the parts it points to. */
export interface WorkbookPackage {
  zip: GuardedZip;
  workbookPath: string;
  info: WorkbookInfo;
  /** the workbook part's relationships by id */
  rels: Map<string, Relationship>;
}

/** Reads small XML parts into text; a part the archive lacks is left out. */
export async function readXmlParts(zip: GuardedZip, paths: readonly string[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (const p of paths) {
    const name = zip.find(p);
    if (name) stored.set(p, name);
  }
  const bytes = await zip.read([...new Set(stored.values())]);
  const result = new Map<string, string>();
  for (const [p, name] of stored) result.set(p, decodeXml(bytes.get(name)!));
  return result;
}

/** Runs a parse of one part, turning XML syntax errors into a problem that names the part. */
export function parsePart<T>(part: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(
      `the workbook is damaged: ${part} is not well-formed XML (${(error as Error).message})`,
    );
  }
}

/** Reads the relationships of each part that has any: part path → relationships. */
export async function readRelationshipsOf(
  zip: GuardedZip,
  parts: readonly string[],
): Promise<Map<string, Relationship[]>> {
  const texts = await readXmlParts(zip, parts.map(relsPathOf));
  const result = new Map<string, Relationship[]>();
  for (const part of parts) {
    const relsPath = relsPathOf(part);
    const text = texts.get(relsPath);
    result.set(part, text === undefined ? [] : parsePart(relsPath, () => parseRelationships(text, part)));
  }
  return result;
}

/** Finds the workbook part through the package relationships, as Excel does. */
export async function readWorkbookPackage(zip: GuardedZip): Promise<WorkbookPackage> {
  const root = (await readRelationshipsOf(zip, ['']))?.get('') ?? [];
  const office = root.find((r) => isRelType(r.type, 'officeDocument') && !r.external);
  const workbookPath = office && zip.find(office.target) ? office.target : 'xl/workbook.xml';
  if (!zip.find(workbookPath)) {
    throw new WorkbookFileError(
      'not an Excel workbook (.xlsx): the file is a zip archive without a workbook in it',
    );
  }
  const texts = await readXmlParts(zip, [workbookPath]);
  const info = parsePart(workbookPath, () => parseWorkbookXml(texts.get(workbookPath)!));
  const rels = (await readRelationshipsOf(zip, [workbookPath])).get(workbookPath)!;
  return { zip, workbookPath, info, rels: new Map(rels.map((r) => [r.id, r])) };
}
