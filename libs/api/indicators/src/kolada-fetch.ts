/** Kolada's public API (v3); `KOLADA_API_URL` points elsewhere, e.g. at a replay server in tests. */
export const DEFAULT_KOLADA_API_URL = 'https://api.kolada.se/v3';

/** Pages asked for at a time: Kolada allows up to 5 000 rows per page. */
const PER_PAGE = 5000;
/** A result this long is a mistake (a loop of next links), not data. */
const MAX_PAGES = 200;

export interface FetchOptions {
  /** the API's base address, without a trailing slash */
  baseUrl?: string;
  /** how often to try a page that fails with 429 or 5xx or a network error */
  attempts?: number;
  /** the first wait before retrying; doubled each time, or Retry-After when the server says */
  backoffMs?: number;
  /** for tests and for callers that rate-limit several fetches together */
  fetch?: typeof fetch;
  onPage?: (page: number, url: string) => void;
}

export class FetchError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an API says about a refused request (SCB explains a bad selection), briefly. */
async function errorText(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  return text ? `: ${text.slice(0, 300)}` : '';
}

/**
 * GETs one page of JSON, retrying what may pass (429, 5xx, a dropped connection) with
 * exponential back-off, and honouring Retry-After. Anything else fails at once, saying
 * what the server answered.
 */
export async function getJson(
  url: string,
  options: FetchOptions,
  init: { method?: 'GET' | 'POST'; body?: unknown; beforeEach?: () => Promise<void>; bytes?: boolean } = {},
): Promise<unknown> {
  const attempts = options.attempts ?? 4;
  let wait = options.backoffMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    let retryAfter: number | null = null;
    let why: string;
    try {
      await init.beforeEach?.();
      const response = await (options.fetch ?? fetch)(url, {
        method: init.method ?? 'GET',
        headers: {
          accept: init.bytes ? '*/*' : 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      if (response.ok)
        return init.bytes ? new Uint8Array(await response.arrayBuffer()) : await response.json();
      why = `${response.status} ${response.statusText}`.trim();
      if (response.status !== 429 && response.status < 500)
        throw new FetchError(`${url} answered ${why}${await errorText(response)}`);
      const header = Number(response.headers.get('retry-after'));
      if (Number.isFinite(header) && header > 0) retryAfter = header * 1000;
      await response.body?.cancel();
    } catch (error) {
      if (error instanceof FetchError) throw error;
      why = (error as Error).message;
    }
    if (attempt >= attempts) throw new FetchError(`${url} failed ${attempts} times; last: ${why}`);
    await sleep(retryAfter ?? wait);
    wait *= 2;
  }
}

/** Follows a paged answer's next links from `first`; returns every page as the API sent it. */
export async function fetchPages(first: string, options: FetchOptions = {}): Promise<unknown[]> {
  const pages: unknown[] = [];
  const seen = new Set<string>();
  let url: string | null = first;
  while (url) {
    if (seen.has(url) || pages.length >= MAX_PAGES)
      throw new FetchError(`${first}: the pages do not end (${pages.length} read); nothing imported`);
    seen.add(url);
    options.onPage?.(pages.length + 1, url);
    const page = await getJson(url, options);
    pages.push(page);
    const next =
      (page as Record<string, unknown>)?.['next_url'] ?? (page as Record<string, unknown>)?.['next_page'];
    url = typeof next === 'string' && next.trim() !== '' ? next : null;
  }
  return pages;
}

/** The years from `from` to this year, as Kolada's `year/…` path wants them. */
export function yearsFrom(from: number, now = new Date()): string {
  const years: number[] = [];
  for (let year = from; year <= now.getUTCFullYear(); year++) years.push(year);
  return years.join(',');
}

/** The address of a key figure's values for some years, all municipalities. */
export function koladaDataUrl(baseUrl: string, kpi: string, years: string): string {
  if (!/^[A-Z][0-9]{5}$/.test(kpi))
    throw new FetchError(`${kpi} is not a Kolada key-figure id (e.g. N00955)`);
  return `${baseUrl}/data/kpi/${kpi}/year/${years}?per_page=${PER_PAGE}`;
}

/** The address of the key-figure list. */
export const koladaKpiListUrl = (baseUrl: string) => `${baseUrl}/kpi?per_page=${PER_PAGE}`;

/**
 * Joins fetched pages into one file for the import path: data pages as a JSON array of
 * pages (which the Kolada reader takes as one answer), a key-figure list as one list.
 */
export function pagesAsFile(pages: readonly unknown[], kind: 'data' | 'kpis'): Uint8Array {
  const body =
    kind === 'data'
      ? pages
      : { values: pages.flatMap((page) => ((page as Record<string, unknown>)['values'] as unknown[]) ?? []) };
  return new TextEncoder().encode(JSON.stringify(body));
}
