import { parseScbMetadata, type ScbTableMetadata } from '@kraftsamling/api/statistics-formats';
import type { ScbSourceKey } from './catalogue';
import { FetchError, getJson, type FetchOptions } from './kolada-fetch';

/** SCB's PxWebApi 2 (Statistikdatabasen); `SCB_API_URL` points elsewhere, e.g. at a replay server in tests. */
export const DEFAULT_SCB_API_URL = 'https://statistikdatabasen.scb.se/api/v2';

/** SCB answers at most this many cells per data request (PxWebApi 2's `maxDataCells`). */
export const SCB_MAX_CELLS = 150_000;

/** SCB allows 30 requests per 10 seconds per client (PxWebApi 2's `/config`). */
export const SCB_RATE = { requests: 30, windowMs: 10_000 };

export const scbApiUrl = (override?: string) =>
  (override ?? (process.env['SCB_API_URL'] || DEFAULT_SCB_API_URL)).replace(/\/+$/, '');

/** SCB's table ids: TAB followed by digits. Anything else is refused before it is sent. */
export function scbTableId(id: string): string {
  const table = id.trim().toUpperCase();
  if (!/^TAB[0-9]{1,7}$/.test(table)) throw new FetchError(`${id} is not an SCB table id (e.g. TAB6471)`);
  return table;
}

/**
 * Keeps this process under SCB's limit: a request waits until fewer than 30 were sent in
 * the last 10 seconds. One limiter for the process, as the limit is per client address.
 */
export class RateLimiter {
  private readonly sent: number[] = [];

  constructor(
    private readonly rate = SCB_RATE,
    private readonly now = () => Date.now(),
  ) {}

  async take(): Promise<void> {
    for (;;) {
      const time = this.now();
      while (this.sent.length && this.sent[0]! <= time - this.rate.windowMs) this.sent.shift();
      if (this.sent.length < this.rate.requests) {
        this.sent.push(time);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.sent[0]! + this.rate.windowMs - time + 5));
    }
  }
}

export const scbRateLimiter = new RateLimiter();

/** A table's metadata from `/tables/{id}/metadata`. */
export async function fetchScbMetadata(
  table: string,
  options: FetchOptions = {},
  limiter = scbRateLimiter,
): Promise<ScbTableMetadata> {
  const id = scbTableId(table);
  const url = `${scbApiUrl(options.baseUrl)}/tables/${id}/metadata?lang=sv`;
  options.onPage?.(1, url);
  const json = await getJson(url, options, { beforeEach: () => limiter.take() });
  try {
    return parseScbMetadata(json, id);
  } catch (error) {
    throw new FetchError(`${url}: ${(error as Error).message}`);
  }
}

/** One data query: the classes selected per dimension (a dimension left out is eliminated). */
export interface ScbSelection {
  table: string;
  selection: Record<string, string[]>;
}

/**
 * The queries that fetch what the catalogue reads from one table. Indicators that fix or
 * sum the same dimensions share a query; one that leaves a dimension out (SCB answers its
 * total) needs its own, since the answer's series then lack that dimension. Regions are
 * the table's municipalities; periods those from `fromYear`.
 */
export function scbSelections(
  metadata: ScbTableMetadata,
  keys: readonly ScbSourceKey[],
  fromYear: number,
): ScbSelection[] {
  const region = metadata.dimensions.find((d) => d.role === 'REGION')!;
  const time = metadata.dimensions.find((d) => d.role === 'TIME')!;
  const contents = metadata.dimensions.find((d) => d.role === 'CONTENTS')!;
  const municipalities = region.classes.map((c) => c.code).filter((code) => /^[0-9]{4}$/.test(code));
  const periods = time.classes.map((c) => c.code).filter((code) => Number(code.slice(0, 4)) >= fromYear);
  if (!periods.length) return [];
  const groups = new Map<string, Map<string, Set<string>>>();
  const contentsCodes = new Map<string, Set<string>>();
  for (const key of keys) {
    const chosen: Record<string, string[]> = Object.fromEntries(
      Object.entries(key.dimensions).map(([dimension, code]) => [dimension, [code]]),
    );
    if (key.sum) chosen[key.sum.dimension] = [...key.sum.codes];
    const signature = Object.keys(chosen).sort().join(',');
    const group = groups.get(signature) ?? new Map<string, Set<string>>();
    for (const [dimension, codes] of Object.entries(chosen))
      for (const code of codes) group.set(dimension, (group.get(dimension) ?? new Set()).add(code));
    groups.set(signature, group);
    const contentsOfGroup = contentsCodes.get(signature) ?? new Set<string>();
    for (const code of key.contentsCode === null ? contents.classes.map((c) => c.code) : [key.contentsCode])
      contentsOfGroup.add(code);
    contentsCodes.set(signature, contentsOfGroup);
  }
  return [...groups].map(([signature, dimensions]) => ({
    table: metadata.id,
    selection: {
      [region.code]: municipalities,
      [contents.code]: [...contentsCodes.get(signature)!],
      ...Object.fromEntries([...dimensions].map(([dimension, codes]) => [dimension, [...codes]])),
      [time.code]: periods,
    },
  }));
}

/** Splits a query by periods so that no request asks for more than SCB's cell limit. */
export function chunkByPeriods(
  query: ScbSelection,
  timeDimension: string,
  maxCells = SCB_MAX_CELLS,
): ScbSelection[] {
  const periods = query.selection[timeDimension] ?? [];
  const perPeriod = Object.entries(query.selection)
    .filter(([dimension]) => dimension !== timeDimension)
    .reduce((cells, [, codes]) => cells * Math.max(codes.length, 1), 1);
  if (perPeriod > maxCells)
    throw new FetchError(
      `table ${query.table}: one period alone is ${perPeriod} cells, above SCB's limit of ${maxCells}; define fewer classes`,
    );
  const size = Math.max(1, Math.floor(maxCells / perPeriod));
  const chunks: ScbSelection[] = [];
  for (let start = 0; start < periods.length; start += size)
    chunks.push({
      ...query,
      selection: { ...query.selection, [timeDimension]: periods.slice(start, start + size) },
    });
  return chunks;
}

/** POSTs one query for JSON-stat 2.0, within SCB's rate limit and with back-off on 429 and 5xx. */
export async function fetchScbData(
  query: ScbSelection,
  options: FetchOptions = {},
  limiter = scbRateLimiter,
): Promise<unknown> {
  const url = `${scbApiUrl(options.baseUrl)}/tables/${scbTableId(query.table)}/data?lang=sv&outputFormat=json-stat2`;
  const body = {
    selection: Object.entries(query.selection).map(([variableCode, valueCodes]) => ({
      variableCode,
      valueCodes,
    })),
  };
  options.onPage?.(1, url);
  return getJson(url, options, { method: 'POST', body, beforeEach: () => limiter.take() });
}

type Dataset = {
  id: string[];
  size: number[];
  dimension: Record<
    string,
    { category: { index: Record<string, number> | string[]; label?: Record<string, string> } }
  >;
  value: (number | null)[] | Record<string, number | null>;
  status?: Record<string, string> | string[] | string;
  [key: string]: unknown;
};

const codesOf = (dataset: Dataset, dimension: string): string[] => {
  const index = dataset.dimension[dimension]!.category.index;
  return Array.isArray(index)
    ? index
    : Object.entries(index)
        .sort((a, b) => a[1] - b[1])
        .map(([code]) => code);
};

/**
 * Joins the answers to the period chunks of one query into one JSON-stat dataset, so that
 * they import as one file in one transaction. Every chunk has the same dimensions and
 * classes but the periods; values and statuses are moved to their place in the whole.
 */
export function joinByPeriods(chunks: readonly unknown[], timeDimension: string): unknown {
  if (chunks.length === 1) return chunks[0];
  const datasets = chunks as Dataset[];
  const first = datasets[0]!;
  const timeAt = first.id.indexOf(timeDimension);
  if (timeAt < 0) throw new FetchError(`the answer has no ${timeDimension} dimension`);
  const periods = datasets.flatMap((d) => codesOf(d, timeDimension));
  const labels = Object.assign({}, ...datasets.map((d) => d.dimension[timeDimension]!.category.label ?? {}));
  const size = first.size.map((n, i) => (i === timeAt ? periods.length : n));
  const total = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array(total).fill(null);
  const status: Record<string, string> = {};
  let offset = 0;
  for (const dataset of datasets) {
    const own = dataset.size;
    const count = own.reduce((a, b) => a * b, 1);
    const values = dataset.value;
    const statuses = dataset.status;
    for (let flat = 0; flat < count; flat++) {
      // The cell's coordinates in the chunk, then its flat index in the whole (last id fastest).
      let rest = flat;
      let target = 0;
      let stride = 1;
      const coordinates: number[] = new Array(own.length);
      for (let d = own.length - 1; d >= 0; d--) {
        coordinates[d] = rest % own[d]!;
        rest = Math.floor(rest / own[d]!);
      }
      for (let d = size.length - 1; d >= 0; d--) {
        target += (d === timeAt ? coordinates[d]! + offset : coordinates[d]!) * stride;
        stride *= size[d]!;
      }
      value[target] = Array.isArray(values) ? (values[flat] ?? null) : (values[String(flat)] ?? null);
      const s = Array.isArray(statuses)
        ? statuses[flat]
        : typeof statuses === 'string'
          ? statuses
          : statuses?.[String(flat)];
      if (s) status[String(target)] = s;
    }
    offset += own[timeAt]!;
  }
  return {
    ...first,
    size,
    dimension: {
      ...first.dimension,
      [timeDimension]: {
        ...first.dimension[timeDimension],
        category: {
          ...first.dimension[timeDimension]!.category,
          index: Object.fromEntries(periods.map((code, i) => [code, i])),
          label: labels,
        },
      },
    },
    value,
    ...(Object.keys(status).length ? { status } : {}),
  };
}

/** The table's page in Statistikdatabasen, where SCB describes it. */
export const scbTableUrl = (table: string) =>
  `https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/-/${encodeURIComponent(table)}/`;
