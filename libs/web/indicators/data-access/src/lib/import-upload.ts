import { Injectable, InjectionToken, inject } from '@angular/core';
import { AuthSession } from '@kraftsamling/web/shared/auth';
import { ERROR_MESSAGE_KEYS, FieldError } from '@kraftsamling/web/shared/graphql';
import { Observable } from 'rxjs';
import { ByteReader, NdjsonError, readNdjson } from './ndjson';

/** Where the API takes uploads (same origin; the dev server proxies it). */
export const IMPORT_UPLOAD_URL = '/api/imports';

/**
 * The upload address: a collaboration's local figures, or (null) official statistics, which
 * only a statistics steward imports. The id goes in the query string because the server
 * checks the permission before it reads the multipart body.
 */
export function importUploadUrl(collaborationId: string | null): string {
  return collaborationId === null
    ? `${IMPORT_UPLOAD_URL}/official`
    : `${IMPORT_UPLOAD_URL}?collaborationId=${encodeURIComponent(collaborationId)}`;
}

/** `fetch`, replaceable in tests. */
export const IMPORT_FETCH = new InjectionToken<typeof fetch>('IMPORT_FETCH', {
  providedIn: 'root',
  factory: () => (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
});

export const IMPORT_FILE_SOURCES = ['af', 'scb', 'kolada', 'template'] as const;
export type ImportFileSource = (typeof IMPORT_FILE_SOURCES)[number];
export type AfSeriesChoice = 'reg' | 'bas';

export interface ImportRequest {
  /** the collaboration whose local figures the file holds; null: official statistics */
  collaborationId: string | null;
  source: ImportFileSource;
  /** Arbetsförmedlingen's register-based or BAS series; without it the API reads it from the file name. */
  afSeries?: AfSeriesChoice | null;
  /** the file is knowingly part of a larger answer (e.g. one Kolada page): not refused as incomplete */
  partial?: boolean;
  dryRun: boolean;
  /** YYYY-MM-DD */
  publishedAt?: string | null;
  /** the dry run's token: the user confirmed overwriting the values entered by hand it listed */
  confirmationToken?: string | null;
  file: File;
}

export type ImportStage = 'parsing' | 'checking' | 'writing';

/** Where in the file a problem is; every part is optional (an empty location is the whole file). */
export interface ProblemLocation {
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  cell?: string | null;
  index?: number | null;
  path?: string | null;
}

export interface ImportProblem {
  location: ProblemLocation;
  /** the API's own words, in English: shown when the code is absent or unknown here */
  message: string;
  /** what kind of problem it is, to say it in the user's language with `params` (imports.problems.<code>) */
  code?: string | null;
  params?: Record<string, string | number>;
}

/** A value someone entered by hand that the import would change. */
export interface ManualOverwrite {
  indicatorCode: string;
  indicatorNameSv: string;
  indicatorNameEn: string;
  areaCode: string;
  areaName: string;
  period: string;
  value: number | null;
  newValue: number | null;
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface UnmappedSeries {
  series: string;
  values: number;
}

/** The importer's report: counts, and every problem (when there is one, nothing was written). */
export interface ImportReport {
  format: string | null;
  dryRun: boolean;
  batchId: string | null;
  inserted: number;
  changed: number;
  unchanged: number;
  problems: ImportProblem[];
  unmappedSeries: UnmappedSeries[];
  /** values entered by hand the import would change: the import needs the user's confirmation */
  manualOverwrites: ManualOverwrite[];
  /** sent back with the import to confirm manualOverwrites; null when there are none */
  confirmationToken: string | null;
  /** set when no series of the file is an indicator of the catalogue: nothing was written */
  nothingMatched?: { series: number; examples: string[]; message: string } | null;
  /** a Kolada key-figure list loads the catalogue: what it added, updated and kept */
  catalogue?: { added: number; updated: number; unchanged: number; curated: number } | null;
}

/** What an upload reports while it runs: sent, then progress per stage, then the report. */
export type ImportEvent =
  | { type: 'uploading' }
  | { type: 'progress'; stage: ImportStage; fraction: number }
  | { type: 'report'; report: ImportReport };

/** Why an upload failed, with the message key that tells the user what to do. */
export interface ImportFailure {
  /** the HTTP status; null when no answer came (network) or the stream broke */
  status: number | null;
  code: string | null;
  /** the API's own message (English), shown next to the translated one */
  message: string | null;
  messageKey: string;
  fields: FieldError[];
}

const STAGES: readonly string[] = ['parsing', 'checking', 'writing'];

function asNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function asNumberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function asManualOverwrite(entry: unknown): ManualOverwrite {
  const value = (entry ?? {}) as Record<string, unknown>;
  return {
    indicatorCode: asText(value['indicatorCode']) ?? '',
    // An API without names: the codes stand in for them.
    indicatorNameSv: asText(value['indicatorNameSv']) ?? asText(value['indicatorCode']) ?? '',
    indicatorNameEn: asText(value['indicatorNameEn']) ?? asText(value['indicatorCode']) ?? '',
    areaCode: asText(value['areaCode']) ?? '',
    areaName: asText(value['areaName']) ?? asText(value['areaCode']) ?? '',
    period: asText(value['period']) ?? '',
    value: asNumberOrNull(value['value']),
    newValue: asNumberOrNull(value['newValue']),
    enteredBy: asText(value['enteredBy']),
    enteredAt: asText(value['enteredAt']),
  };
}

function asReport(value: unknown): ImportReport | null {
  if (!value || typeof value !== 'object') return null;
  const report = value as Record<string, unknown>;
  const problems = Array.isArray(report['problems']) ? (report['problems'] as unknown[]) : [];
  const unmapped = Array.isArray(report['unmappedSeries']) ? (report['unmappedSeries'] as unknown[]) : [];
  const overwrites = Array.isArray(report['manualOverwrites'])
    ? (report['manualOverwrites'] as unknown[])
    : [];
  return {
    format: asText(report['format']),
    dryRun: report['dryRun'] !== false,
    batchId: asText(report['batchId']),
    inserted: asNumber(report['inserted']),
    changed: asNumber(report['changed']),
    unchanged: asNumber(report['unchanged']),
    problems: problems.map((entry) => {
      const problem = (entry ?? {}) as {
        location?: unknown;
        message?: unknown;
        code?: unknown;
        params?: unknown;
      };
      const location = (
        problem.location && typeof problem.location === 'object' ? problem.location : {}
      ) as ProblemLocation;
      const params = Object.fromEntries(
        Object.entries(problem.params && typeof problem.params === 'object' ? problem.params : {}).filter(
          (pair): pair is [string, string | number] =>
            typeof pair[1] === 'string' || typeof pair[1] === 'number',
        ),
      );
      return { location, message: asText(problem.message) ?? '', code: asText(problem.code), params };
    }),
    unmappedSeries: unmapped.map((entry) => {
      const series = (entry ?? {}) as { series?: unknown; values?: unknown };
      return { series: asText(series.series) ?? '', values: asNumber(series.values) };
    }),
    manualOverwrites: overwrites.map(asManualOverwrite),
    confirmationToken: asText(report['confirmationToken']),
    nothingMatched: asNothingMatched(report['nothingMatched']),
    catalogue: asCatalogueLoad(report['catalogue']),
  };
}

/** What the API says of a file none of whose series the catalogue reads (the page says it first). */
function asNothingMatched(value: unknown): ImportReport['nothingMatched'] {
  if (!value || typeof value !== 'object') return null;
  const said = value as Record<string, unknown>;
  const examples = Array.isArray(said['examples']) ? said['examples'] : [];
  return {
    series: asNumber(said['series']),
    examples: examples.map((example) => asText(example) ?? ''),
    message: asText(said['message']) ?? '',
  };
}

/** What a Kolada key-figure list did to the catalogue. */
function asCatalogueLoad(value: unknown): ImportReport['catalogue'] {
  if (!value || typeof value !== 'object') return null;
  const load = value as Record<string, unknown>;
  return {
    added: asNumber(load['added']),
    updated: asNumber(load['updated']),
    unchanged: asNumber(load['unchanged']),
    curated: asNumber(load['curated']),
  };
}

/** One NDJSON line as an event; lines of other types (added by a later API) are skipped. */
export function toImportEvent(line: unknown): ImportEvent | null {
  if (!line || typeof line !== 'object') return null;
  const event = line as Record<string, unknown>;
  if (event['type'] === 'progress' && typeof event['stage'] === 'string' && STAGES.includes(event['stage'])) {
    const fraction = Math.min(1, Math.max(0, asNumber(event['fraction'])));
    return { type: 'progress', stage: event['stage'] as ImportStage, fraction };
  }
  if (event['type'] === 'report') {
    const report = asReport(event['report']);
    return report ? { type: 'report', report } : null;
  }
  return null;
}

const STATUS_MESSAGE_KEYS: Readonly<Record<number, string>> = {
  400: 'imports.errors.badRequest',
  401: ERROR_MESSAGE_KEYS.UNAUTHENTICATED,
  403: 'imports.errors.forbidden',
  404: ERROR_MESSAGE_KEYS.NOT_FOUND,
  413: 'imports.errors.tooLarge',
  429: ERROR_MESSAGE_KEYS.TOO_MANY_REQUESTS,
};

function fieldsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const { field, message } = (entry ?? {}) as { field?: unknown; message?: unknown };
    return typeof field === 'string'
      ? [{ field: field.replace(/^input\./, ''), message: typeof message === 'string' ? message : '' }]
      : [];
  });
}

/** The failure for an HTTP error answer, from its status and its JSON body `{ code, message, fields }`. */
export function httpFailure(status: number, body: unknown): ImportFailure {
  const json = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    status,
    code: asText(json['code']),
    message: asText(json['message']),
    messageKey:
      STATUS_MESSAGE_KEYS[status] ??
      (status >= 500 ? ERROR_MESSAGE_KEYS.INTERNAL_SERVER_ERROR : ERROR_MESSAGE_KEYS.UNKNOWN),
    fields: fieldsOf(json['fields']),
  };
}

export function isImportFailure(value: unknown): value is ImportFailure {
  const candidate = value as Partial<ImportFailure> | null;
  return !!candidate && typeof candidate.messageKey === 'string' && Array.isArray(candidate.fields);
}

/** Any error of an upload as an ImportFailure: a broken stream, a network failure, or one already mapped. */
export function toImportFailure(error: unknown): ImportFailure {
  if (isImportFailure(error)) return error;
  if (error instanceof NdjsonError) {
    return { status: null, code: null, message: null, messageKey: 'imports.errors.incomplete', fields: [] };
  }
  return { status: null, code: null, message: null, messageKey: ERROR_MESSAGE_KEYS.UNKNOWN, fields: [] };
}

const INCOMPLETE: ImportFailure = {
  status: null,
  code: null,
  message: null,
  messageKey: 'imports.errors.incomplete',
  fields: [],
};

/**
 * Uploads a statistics file to the API's import endpoint and follows its NDJSON answer.
 * An HTTP upload rather than GraphQL: the files are large and the answer streams progress.
 */
@Injectable({ providedIn: 'root' })
export class ImportUploadService {
  private readonly auth = inject(AuthSession);
  private readonly fetchFn = inject(IMPORT_FETCH);

  /**
   * Emits `uploading`, then each progress line, then the report, and completes. Fails with
   * an ImportFailure. Unsubscribing aborts the request.
   */
  upload(request: ImportRequest): Observable<ImportEvent> {
    return new Observable<ImportEvent>((subscriber) => {
      const controller = new AbortController();
      const run = async () => {
        const token = await this.auth.accessToken();
        const form = new FormData();
        form.append('source', request.source);
        if (request.source === 'af' && request.afSeries) form.append('afSeries', request.afSeries);
        if (request.partial) form.append('partial', 'true');
        form.append('dryRun', request.dryRun ? 'true' : 'false');
        if (request.publishedAt) form.append('publishedAt', request.publishedAt);
        if (request.confirmationToken) form.append('confirmationToken', request.confirmationToken);
        form.append('file', request.file, request.file.name);
        subscriber.next({ type: 'uploading' });
        const response = await this.fetchFn(importUploadUrl(request.collaborationId), {
          method: 'POST',
          // No Content-Type: the browser sets multipart/form-data with its boundary.
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/x-ndjson, application/json' },
          body: form,
          signal: controller.signal,
        });
        if (!response.ok) {
          const body = await response.json().catch(() => null);
          throw httpFailure(response.status, body);
        }
        if (!response.body) throw INCOMPLETE;
        let reported = false;
        for await (const line of readNdjson(response.body.getReader() as ByteReader)) {
          const event = toImportEvent(line);
          if (!event) continue;
          if (event.type === 'report') reported = true;
          subscriber.next(event);
        }
        // The server writes the report last; a stream that ends before it was cut off.
        if (!reported) throw INCOMPLETE;
        subscriber.complete();
      };
      run().catch((error: unknown) => {
        if (!controller.signal.aborted) subscriber.error(toImportFailure(error));
      });
      return () => controller.abort();
    });
  }

  /**
   * The collaboration's empty import template (the workbook lists its indicator and area
   * codes). An HTTP download rather than a link: the request must carry the access token.
   */
  async template(collaborationId: string, format: 'xlsx' | 'csv', language: 'sv' | 'en'): Promise<Blob> {
    const token = await this.auth.accessToken();
    const params = new URLSearchParams({ collaborationId, format, lang: language });
    const response = await this.fetchFn(`${IMPORT_UPLOAD_URL}/template?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`template download failed: HTTP ${response.status}`);
    return response.blob();
  }
}
