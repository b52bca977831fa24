import { PeriodError, fromKoladaPeriod } from '@kraftsamling/shared/periods';
import { ParsedFile, ParseProblem, SourceLocation, SourceObservation, normaliseAreaCode } from '../model';
import { JsonInput, isRecord, jsonPath, quoteJson, readJson } from '../jsonstat/json-input';

/*
 * Kolada data responses (api.kolada.se v2 and v3):
 *   { values: [{ kpi, municipality, period, values: [{ gender, value|null, count, status, is_deleted? }] }],
 *     count, next_page|previous_page (v2) or next_url|previous_url (v3) }
 * A result larger than one page comes as several pages; they can be given together.
 */

export type KoladaGender = 'T' | 'K' | 'M';
export const KOLADA_GENDERS: readonly KoladaGender[] = ['T', 'K', 'M'];

/** One page, or several pages given together (as separate inputs, or as one JSON array of pages). */
export type KoladaInput = JsonInput | readonly (string | Uint8Array | Record<string, unknown>)[];

export interface KoladaParseOptions {
  /**
   * Default true: when every page given links to a next page, the last page is missing,
   * and when every page links to a previous one, the first is: either is a problem
   * (importing part of a result would look complete) unless the user says it is partial.
   */
  requireComplete?: boolean;
}

interface Page {
  doc: unknown;
  /** 'pages[2]' when several pages were given, '' for a single page */
  prefix: string;
}

const PREVIOUS = ['previous_url', 'previous_page'];

const isBytesOrText = (value: unknown): value is string | Uint8Array =>
  typeof value === 'string' || value instanceof Uint8Array;
const isDataRow = (value: unknown) => isRecord(value) && 'kpi' in value;

function nextLink(page: Record<string, unknown>, keys = ['next_url', 'next_page']): string | null {
  for (const key of keys) {
    const link = page[key];
    if (typeof link === 'string' && link.trim() !== '') return link;
  }
  return null;
}

/** Turns the accepted input shapes into a list of page documents. */
function pagesOf(input: KoladaInput, problems: ParseProblem[]): Page[] {
  let doc: unknown;
  if (Array.isArray(input)) {
    if (input.length > 0 && input.every(isBytesOrText)) {
      return input.map((page, i) => ({
        doc: readJson(page, problems, { path: `pages[${i}]` }),
        prefix: `pages[${i}]`,
      }));
    }
    if (input.some(isBytesOrText)) {
      problems.push({
        location: {},
        message: 'pages must all be given the same way: all as text or bytes, or all as parsed JSON',
      });
      return [];
    }
    doc = input;
  } else {
    doc = readJson(input as JsonInput, problems);
    if (doc === undefined) return [];
  }
  // A bare array is either a list of pages or a list of data rows without their envelope.
  if (Array.isArray(doc)) {
    if (
      doc.length > 0 &&
      doc.every((page) => isRecord(page) && Array.isArray(page['values']) && !('kpi' in page))
    ) {
      return doc.map((page, i) => ({ doc: page, prefix: `pages[${i}]` }));
    }
    return [{ doc: { values: doc }, prefix: '' }];
  }
  return [{ doc, prefix: '' }];
}

function join(prefix: string, ...parts: (string | number)[]): string {
  const rest = jsonPath(...parts);
  return prefix === '' ? rest : rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

interface Seen {
  value: number | null;
  status: string | undefined;
  path: string;
}

/** Reads Kolada data pages into observations (series: KPI + gender; area: municipality; period: year). */
export function parseKolada(input: KoladaInput, options: KoladaParseOptions = {}): ParsedFile {
  const problems: ParseProblem[] = [];
  const observations: SourceObservation[] = [];
  const result: ParsedFile = { format: 'KOLADA', observations, problems, meta: { source: 'Kolada' } };
  const pages = pagesOf(input, problems);
  const seen = new Map<string, Seen>();
  const dataPages: Page[] = [];
  const unlinked: Page[] = [];
  /** pages that link to no previous page: a whole answer has one */
  const firstPages: Page[] = [];

  for (const page of pages) {
    if (page.doc === undefined) continue;
    const here = (...parts: (string | number)[]): SourceLocation => {
      const path = join(page.prefix, ...parts);
      return path === '' ? {} : { path };
    };
    if (!isRecord(page.doc) || !Array.isArray(page.doc['values'])) {
      problems.push({
        location: here(),
        message: 'the page has no values array: is this a Kolada data response?',
      });
      continue;
    }
    const rows = page.doc['values'];
    if (
      rows.length > 0 &&
      rows.every((row) => isRecord(row) && 'title' in row && 'id' in row && !isDataRow(row))
    ) {
      problems.push({
        location: here('values'),
        message: 'this is a Kolada KPI list (the /kpi endpoint), not data values: read it as a KPI list',
      });
      continue;
    }
    dataPages.push(page);
    if (nextLink(page.doc) === null) unlinked.push(page);
    if (nextLink(page.doc, PREVIOUS) === null) firstPages.push(page);

    rows.forEach((row, r) => {
      if (!isRecord(row)) {
        problems.push({
          location: { ...here('values', r), index: r },
          message: 'a data row must be an object with kpi, municipality, period and values',
        });
        return;
      }
      const rowLocation = (...parts: (string | number)[]): SourceLocation => ({
        ...here('values', r, ...parts),
        index: r,
      });
      if (row['is_deleted'] === true) return;
      const kpi = row['kpi'];
      const municipality = row['municipality'];
      let bad = false;
      if (typeof kpi !== 'string' || kpi.trim() === '') {
        problems.push({
          location: rowLocation('kpi'),
          message: `kpi ${quoteJson(kpi)} is not a KPI id`,
        });
        bad = true;
      }
      let area: string | null = null;
      if (municipality === undefined && 'ou' in row) {
        problems.push({
          location: rowLocation('ou'),
          message: 'organisational-unit (ou) data is not supported: import municipality data',
        });
        bad = true;
      } else {
        area = typeof municipality === 'string' ? normaliseAreaCode(municipality) : null;
        if (area === null) {
          problems.push({
            location: rowLocation('municipality'),
            message: `municipality ${quoteJson(municipality)} is not a municipality, county or country code (municipality groups are not imported)`,
          });
          bad = true;
        }
      }
      let period: string | null = null;
      try {
        period = fromKoladaPeriod(row['period'] as string | number);
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        problems.push({ location: rowLocation('period'), message: error.message });
        bad = true;
      }
      const values = row['values'];
      if (!Array.isArray(values)) {
        problems.push({ location: rowLocation('values'), message: 'the row has no values array' });
        return;
      }
      values.forEach((entry, v) => {
        const location = rowLocation('values', v);
        if (!isRecord(entry)) {
          problems.push({ location, message: 'a value must be an object with gender, value and status' });
          return;
        }
        // Rows deleted since `from_date` carry is_deleted; they are not values any more.
        if (entry['is_deleted'] === true || entry['isdeleted'] === true) return;
        const gender = entry['gender'];
        if (!KOLADA_GENDERS.includes(gender as KoladaGender)) {
          problems.push({
            location: rowLocation('values', v, 'gender'),
            message: `gender ${quoteJson(gender)} is not T, K or M`,
          });
          return;
        }
        const raw = entry['value'];
        if (!(raw === null || (typeof raw === 'number' && Number.isFinite(raw)))) {
          problems.push({
            location: rowLocation('values', v, 'value'),
            message: `value ${quoteJson(raw)} is not a number or null`,
          });
          return;
        }
        const rawStatus = entry['status'];
        if (rawStatus !== undefined && rawStatus !== null && typeof rawStatus !== 'string') {
          problems.push({
            location: rowLocation('values', v, 'status'),
            message: `status ${quoteJson(rawStatus)} is not text`,
          });
          return;
        }
        const status = typeof rawStatus === 'string' && rawStatus.trim() !== '' ? rawStatus : undefined;
        if (bad) return;
        const key = [kpi, area, period, gender].join('|');
        const earlier = seen.get(key);
        if (earlier) {
          // The same row on two pages (e.g. overlapping downloads) is harmless; a different value is not.
          if (earlier.value !== raw || earlier.status !== status) {
            problems.push({
              location,
              message: `${kpi}, ${municipality}, ${period}, ${gender} appears twice with different values: ${earlier.value ?? 'null'}${earlier.status ? ` (${earlier.status})` : ''} at ${earlier.path} and ${raw ?? 'null'}${status ? ` (${status})` : ''} here`,
            });
          }
          return;
        }
        seen.set(key, { value: raw, status, path: location.path as string });
        const observation: SourceObservation = {
          series: { source: 'KOLADA', kpi: kpi as string, gender: gender as KoladaGender },
          area: area as string,
          period: period as string,
          value: raw,
          location,
        };
        if (status !== undefined) observation.status = status;
        observations.push(observation);
      });
    });
  }

  if (options.requireComplete !== false && dataPages.length > 0 && unlinked.length === 0) {
    const last = dataPages[dataPages.length - 1];
    problems.push({
      location: last.prefix ? { path: last.prefix } : {},
      message: `the result is incomplete: every page given links to a next page (${nextLink(last.doc as Record<string, unknown>)}); add the remaining pages`,
    });
  }
  if (options.requireComplete !== false && dataPages.length > 0 && firstPages.length === 0) {
    const first = dataPages[0]!;
    problems.push({
      location: first.prefix ? { path: first.prefix } : {},
      message: `the result is incomplete: every page given links to a previous page (${nextLink(first.doc as Record<string, unknown>, PREVIOUS)}); add the earlier pages, or say the file is partial if that is meant`,
    });
  }
  return result;
}
