import type { ParseProblem } from '../model';
import { JsonInput, isRecord, jsonPath, quoteJson, readJson } from '../jsonstat/json-input';

/** A Kolada key figure's description, from the `/kpi` endpoint (v2 or v3). */
export interface KoladaKpi {
  id: string;
  title: string;
  description?: string;
  /** v2 writes 0/1, v3 a boolean */
  isDividedByGender: boolean;
  /** 'K' municipalities, 'L' regions, 'A' all */
  municipalityType?: string;
  operatingArea?: string;
  /** v2 joins several with commas ("Resurser,Volymer") */
  perspective: string[];
  auspices?: string | null;
  hasOuData?: boolean;
  publicationDate?: string | null;
  prelPublicationDate?: string | null;
  publPeriod?: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Kolada's texts carry HTML entities (`&lt; 30 år`); the product shows plain text. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? match;
  });
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nullableText(value: unknown): string | null | undefined {
  return value === null ? null : optionalText(value);
}

/** Reads a `/kpi` list: an envelope `{values: [...]}` or a bare array of KPI objects. */
export function parseKoladaKpiList(input: JsonInput): { kpis: KoladaKpi[]; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const kpis: KoladaKpi[] = [];
  const doc = readJson(input, problems);
  if (doc === undefined) return { kpis, problems };
  const list = Array.isArray(doc) ? doc : isRecord(doc) ? doc['values'] : undefined;
  const base = Array.isArray(doc) ? '' : 'values';
  if (!Array.isArray(list)) {
    problems.push({
      location: {},
      message: 'expected a list of KPIs (an array, or an object with a values array)',
    });
    return { kpis, problems };
  }
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const path = (...parts: (string | number)[]) =>
      base ? jsonPath(base, i, ...parts) : jsonPath(i, ...parts);
    if (!isRecord(item)) {
      problems.push({ location: { index: i, path: path() }, message: 'a KPI must be an object' });
      return;
    }
    const id = item['id'];
    const title = item['title'];
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push({
        location: { index: i, path: path('id') },
        message: `id ${quoteJson(id)} is not a KPI id`,
      });
      return;
    }
    if ('kpi' in item && 'values' in item) {
      problems.push({
        location: { index: i, path: path() },
        message: 'this is a data row (kpi, municipality, period, values), not a KPI description',
      });
      return;
    }
    if (typeof title !== 'string') {
      problems.push({ location: { index: i, path: path('title') }, message: `KPI ${id} has no title` });
      return;
    }
    const divided = item['is_divided_by_gender'];
    if (!(divided === 0 || divided === 1 || typeof divided === 'boolean')) {
      problems.push({
        location: { index: i, path: path('is_divided_by_gender') },
        message: `KPI ${id}: is_divided_by_gender ${quoteJson(divided)} is not 0, 1, true or false`,
      });
      return;
    }
    if (seen.has(id)) {
      problems.push({ location: { index: i, path: path('id') }, message: `KPI ${id} is listed twice` });
      return;
    }
    seen.add(id);
    const description = optionalText(item['description']);
    const perspective = optionalText(item['perspective']);
    const kpi: KoladaKpi = {
      id,
      title: decodeHtmlEntities(title),
      isDividedByGender: divided === 1 || divided === true,
      perspective: perspective
        ? perspective
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '')
        : [],
    };
    if (description !== undefined) kpi.description = decodeHtmlEntities(description);
    const municipalityType = optionalText(item['municipality_type']);
    if (municipalityType !== undefined) kpi.municipalityType = municipalityType;
    const operatingArea = optionalText(item['operating_area']);
    if (operatingArea !== undefined) kpi.operatingArea = operatingArea;
    if ('auspices' in item) kpi.auspices = nullableText(item['auspices']) ?? null;
    if (typeof item['has_ou_data'] === 'boolean') kpi.hasOuData = item['has_ou_data'];
    if ('publication_date' in item) kpi.publicationDate = nullableText(item['publication_date']) ?? null;
    if ('prel_publication_date' in item)
      kpi.prelPublicationDate = nullableText(item['prel_publication_date']) ?? null;
    if ('publ_period' in item) {
      const period = item['publ_period'];
      kpi.publPeriod = typeof period === 'number' ? String(period) : (nullableText(period) ?? null);
    }
    kpis.push(kpi);
  });
  return { kpis, problems };
}

/**
 * The key-figure list a file holds, when it is one (a `/kpi` answer: every entry has an id,
 * a title and `is_divided_by_gender`, and none is a data row); null for anything else, which
 * is then read as data. Municipality groups (id, title, members) are not key figures.
 */
export function koladaKpiListIn(input: JsonInput): { kpis: KoladaKpi[]; problems: ParseProblem[] } | null {
  const doc = readJson(input, []);
  if (doc === undefined) return null;
  const list = Array.isArray(doc) ? doc : isRecord(doc) ? doc['values'] : undefined;
  if (!Array.isArray(list) || list.length === 0) return null;
  const isKpi = (item: unknown) =>
    isRecord(item) && 'id' in item && 'title' in item && 'is_divided_by_gender' in item && !('kpi' in item);
  return list.every(isKpi) ? parseKoladaKpiList(doc as JsonInput) : null;
}
