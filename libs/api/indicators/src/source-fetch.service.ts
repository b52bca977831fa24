import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { NO_DB_CONTEXT, runWithDbContext } from '@kraftsamling/api/core/database';
import { IndicatorImporter, type ImportReport } from './indicator-importer';
import type { ScbSourceKey } from './catalogue';
import {
  DEFAULT_KOLADA_API_URL,
  FetchError,
  fetchPages,
  getJson,
  koladaDataUrl,
  pagesAsFile,
  yearsFrom,
  type FetchOptions,
} from './kolada-fetch';
import {
  chunkByPeriods,
  fetchScbData,
  fetchScbMetadata,
  joinByPeriods,
  scbApiUrl,
  scbSelections,
  scbTableId,
} from './scb-fetch';

export type FetchTrigger = 'SCHEDULE' | 'MANUAL';
export type FetchStatus = 'RUNNING' | 'IMPORTED' | 'NOTHING_NEW' | 'FAILED';

export interface SourceFetchRow {
  id: string;
  source: 'KOLADA' | 'SCB' | 'AF';
  subject: string;
  trigger: FetchTrigger;
  status: FetchStatus;
  startedAt: Date;
  finishedAt: Date | null;
  batchId: string | null;
  inserted: number;
  changed: number;
  message: string | null;
  /** what the fetch needs besides its subject: the first year, AF's series */
  parameters?: FetchParameters;
}

export interface FetchParameters {
  from?: number | null;
  afSeries?: 'REG' | 'BAS' | null;
}

/** One fetch asked for: a Kolada key figure, an SCB table, or an AF workbook's address. */
export interface FetchRequest extends FetchParameters {
  source: SourceFetchRow['source'];
  subject: string;
}

/** Hosts whose workbooks may be fetched by address (`AF_URL_HOSTS`, comma-separated; subdomains included). */
export const DEFAULT_AF_URL_HOSTS = 'arbetsformedlingen.se';

/** The first year a fetch reads when none is given: ten years back, as the CLI's default. */
export const defaultFromYear = () => new Date().getUTCFullYear() - 10;

/**
 * An AF workbook's address, checked: http(s) only, and only on the hosts configured, so a
 * steward's address cannot make the API read its own network.
 */
export function afWorkbookUrl(
  text: string,
  hosts = process.env['AF_URL_HOSTS'] || DEFAULT_AF_URL_HOSTS,
): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError(
      `${text} is not an address (e.g. https://arbetsformedlingen.se/…/arbetssokande.xlsx)`,
    );
  }
  const allowed = hosts
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    !allowed.some((a) => host === a || host.endsWith(`.${a}`))
  )
    throw new FetchError(
      `${url.origin} is not a host workbooks are fetched from (${allowed.join(', ')}; the operator sets AF_URL_HOSTS)`,
    );
  return url;
}

/** Who a fetch acts as: a steward asking, or the schedule (no person). */
export interface FetchActor {
  userId: string | null;
  subject: string;
}

/** How many years back a scheduled fetch reads: late corrections to recent years arrive this way. */
export const SCHEDULED_YEARS_BACK = 3;

/**
 * Fetches official data from the sources' APIs and imports it through the one import path
 * (dry-run checks, one transaction, nothing written when nothing is new), recording each
 * fetch for the stewards' status page. Runs as a statistics steward in the database: it
 * writes official statistics, which nothing else may.
 */
@Injectable()
export class SourceFetchService {
  private readonly logger = new Logger(SourceFetchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: IndicatorImporter,
  ) {}

  /**
   * A steward's fetch is audited once: one that imported by its batch's event (written with
   * the batch), one that wrote no values by this event, so each fetch asked for leaves one.
   */
  async audited(fetch: Promise<SourceFetchRow>, actor: FetchActor): Promise<SourceFetchRow> {
    const result = await fetch;
    if (!result.batchId)
      await asSteward(() =>
        this.dataSource.transaction((manager) =>
          new AuditWriter().record(manager, {
            collaborationId: null,
            actor,
            action: 'source.fetched',
            entityType: 'source_fetch',
            entityId: result.id,
            before: null,
            after: {
              source: result.source,
              subject: result.subject,
              status: result.status,
              message: result.message,
            },
          }),
        ),
      );
    return result;
  }

  /** The Kolada key figures the catalogue holds: what a scheduled fetch reads. */
  async cataloguedKoladaKpis(): Promise<string[]> {
    const rows: { kpi: string }[] = await this.dataSource.query(
      `SELECT DISTINCT source_key->>'kpi' AS kpi FROM indicator
        WHERE collaboration_id IS NULL AND source = 'KOLADA' AND source_key->>'kpi' IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.kpi);
  }

  /** One key figure's values from `from` on; never throws: a failure is recorded and returned. */
  fetchKolada(
    kpi: string,
    from: number,
    trigger: FetchTrigger,
    actor: FetchActor,
    options: FetchOptions = {},
  ): Promise<SourceFetchRow> {
    return asSteward(async () => {
      const id = await this.started('KOLADA', kpi, trigger, { from });
      try {
        const baseUrl = (
          options.baseUrl ??
          (process.env['KOLADA_API_URL'] || DEFAULT_KOLADA_API_URL)
        ).replace(/\/+$/, '');
        const url = koladaDataUrl(baseUrl, kpi, yearsFrom(from));
        const pages = await fetchPages(url, options);
        // Kolada answers a key figure without values in those years with an empty page.
        if (pages.every((page) => !(page as { values?: unknown[] })?.values?.length))
          return await this.record(
            id,
            'NOTHING_NEW',
            null,
            0,
            0,
            'the answer held no values for these years',
          );
        const report = await this.importer.import({
          bytes: pagesAsFile(pages, 'data'),
          fileName: url,
          source: 'KOLADA',
          dryRun: false,
          actor,
        });
        return await this.finished(id, report);
      } catch (error) {
        return this.failed(id, (error as Error).message);
      }
    });
  }

  /** One fetch of any source; never throws: a failure is recorded and returned. */
  fetch(request: FetchRequest, trigger: FetchTrigger, actor: FetchActor, options: FetchOptions = {}) {
    const from = request.from ?? defaultFromYear();
    switch (request.source) {
      case 'KOLADA':
        return this.fetchKolada(request.subject.trim().toUpperCase(), from, trigger, actor, options);
      case 'SCB':
        return this.fetchScb(request.subject, from, trigger, actor, options);
      case 'AF':
        return this.fetchAf(request.subject, request.afSeries ?? null, trigger, actor, options);
    }
  }

  /** The SCB tables the catalogue reads (hand-written or defined by a steward). */
  async cataloguedScbTables(): Promise<string[]> {
    const rows: { table: string }[] = await this.dataSource.query(
      `SELECT DISTINCT upper(source_key->>'table') AS table FROM indicator
        WHERE collaboration_id IS NULL AND source = 'SCB' AND source_key->>'table' IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.table);
  }

  /** The AF workbooks a steward has fetched by address (and that worked): the schedule fetches them again. */
  async cataloguedAfWorkbooks(): Promise<{ url: string; afSeries: 'REG' | 'BAS' | null }[]> {
    return asSteward(async () => {
      const rows: { url: string; afSeries: 'REG' | 'BAS' | null }[] = await this.dataSource.query(
        `SELECT DISTINCT ON (subject) subject AS url, parameters->>'afSeries' AS "afSeries" FROM source_fetch
          WHERE source = 'AF' AND status IN ('IMPORTED', 'NOTHING_NEW')
          ORDER BY subject, started_at DESC`,
      );
      return rows;
    });
  }

  /**
   * The values of every indicator the catalogue reads from an SCB table, from `from` on:
   * the table's metadata first (its municipalities and periods), then one query per
   * set of chosen dimensions, split by periods under SCB's cell limit and joined again,
   * so each imports as one file in one transaction.
   */
  fetchScb(
    table: string,
    from: number,
    trigger: FetchTrigger,
    actor: FetchActor,
    options: FetchOptions = {},
  ): Promise<SourceFetchRow> {
    return asSteward(async () => {
      const id = await this.started('SCB', table.trim().toUpperCase().slice(0, 200) || '?', trigger, {
        from,
      });
      try {
        const tableId = scbTableId(table);
        const keys = (
          (await this.dataSource.query(
            `SELECT source_key AS "sourceKey" FROM indicator
              WHERE collaboration_id IS NULL AND source = 'SCB' AND kind = 'MEASURED' AND upper(source_key->>'table') = $1`,
            [tableId],
          )) as { sourceKey: ScbSourceKey }[]
        ).map((row) => row.sourceKey);
        if (!keys.length)
          return await this.failed(
            id,
            `no indicator of the catalogue reads ${tableId}: define one from the table's metadata first (the catalogue's "Define from an SCB table")`,
          );
        const metadata = await fetchScbMetadata(tableId, options);
        const time = metadata.dimensions.find((d) => d.role === 'TIME')!.code;
        const queries = scbSelections(metadata, keys, from);
        if (!queries.length)
          return await this.record(id, 'NOTHING_NEW', null, 0, 0, `the table has no periods from ${from} on`);
        const total = { inserted: 0, changed: 0, batchId: null as string | null, messages: [] as string[] };
        for (const query of queries) {
          const answers: unknown[] = [];
          for (const chunk of chunkByPeriods(query, time)) answers.push(await fetchScbData(chunk, options));
          const report = await this.importer.import({
            bytes: new TextEncoder().encode(JSON.stringify(joinByPeriods(answers, time))),
            fileName: `${scbApiUrl(options.baseUrl)}/tables/${tableId}/data`,
            source: 'SCB',
            dryRun: false,
            actor,
          });
          if (report.problems.length) {
            const written = total.batchId
              ? ` (an earlier query of the table wrote batch ${total.batchId})`
              : '';
            return await this.finished(id, report, written);
          }
          total.inserted += report.inserted;
          total.changed += report.changed;
          total.batchId = report.batchId ?? total.batchId;
          if (report.nothingMatched) total.messages.push(report.nothingMatched.message);
        }
        return await this.record(
          id,
          total.batchId ? 'IMPORTED' : 'NOTHING_NEW',
          total.batchId,
          total.inserted,
          total.changed,
          total.messages[0] ?? null,
        );
      } catch (error) {
        return this.failed(id, (error as Error).message);
      }
    });
  }

  /** One of Arbetsförmedlingen's published workbooks by its address; the series from `afSeries` or the name. */
  fetchAf(
    address: string,
    afSeries: 'REG' | 'BAS' | null,
    trigger: FetchTrigger,
    actor: FetchActor,
    options: FetchOptions = {},
  ): Promise<SourceFetchRow> {
    return asSteward(async () => {
      const id = await this.started('AF', address.trim().slice(0, 2000) || '?', trigger, { afSeries });
      try {
        const url = afWorkbookUrl(address);
        options.onPage?.(1, url.href);
        const bytes = (await getJson(url.href, options, { bytes: true })) as Uint8Array;
        const fileName = decodeURIComponent(url.pathname.split('/').pop() || url.hostname);
        const report = await this.importer.import({
          bytes,
          fileName,
          source: 'AF',
          ...(afSeries ? { afSeries } : {}),
          dryRun: false,
          actor,
        });
        return await this.finished(id, report);
      } catch (error) {
        return this.failed(id, (error as Error).message);
      }
    });
  }

  /**
   * Every catalogued source, one after the other (the APIs' rate limits are per client):
   * each Kolada key figure, each SCB table the catalogue reads, each AF workbook fetched
   * by address before, the last few years of each.
   */
  async fetchCatalogued(trigger: FetchTrigger, actor: FetchActor, options: FetchOptions = {}) {
    const from = new Date().getUTCFullYear() - SCHEDULED_YEARS_BACK;
    const results: SourceFetchRow[] = [];
    const keep = (result: SourceFetchRow) => {
      if (result.status === 'FAILED')
        this.logger.warn(`${result.source} ${result.subject}: ${result.message}`);
      results.push(result);
    };
    for (const kpi of await this.cataloguedKoladaKpis())
      keep(await this.fetchKolada(kpi, from, trigger, actor, options));
    for (const table of await this.cataloguedScbTables())
      keep(await this.fetchScb(table, from, trigger, actor, options));
    for (const workbook of await this.cataloguedAfWorkbooks())
      keep(await this.fetchAf(workbook.url, workbook.afSeries, trigger, actor, options));
    return results;
  }

  /** The latest fetch of each source's subject, then the earlier ones, newest first. */
  list(limit: number): Promise<SourceFetchRow[]> {
    return asSteward(() =>
      this.dataSource.query(`SELECT ${COLUMNS} FROM source_fetch ORDER BY started_at DESC, id LIMIT $1`, [
        Math.min(Math.max(limit, 1), 500),
      ]),
    );
  }

  private async started(
    source: SourceFetchRow['source'],
    subject: string,
    trigger: FetchTrigger,
    parameters: FetchParameters = {},
  ) {
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO source_fetch (source, subject, trigger, status, parameters)
       VALUES ($1, $2, $3, 'RUNNING', $4::jsonb) RETURNING id`,
      [source, subject, trigger, JSON.stringify(parameters)],
    );
    return id as string;
  }

  private async finished(id: string, report: ImportReport, also = ''): Promise<SourceFetchRow> {
    const problems = report.problems.map((p) => p.message);
    const status: FetchStatus = problems.length ? 'FAILED' : report.batchId ? 'IMPORTED' : 'NOTHING_NEW';
    const message = problems.length
      ? `${problems.length} problem(s), nothing written: ${problems.slice(0, 3).join('; ')}${also}`
      : (report.nothingMatched?.message ?? null);
    return this.record(id, status, report.batchId, report.inserted, report.changed, message);
  }

  private failed(id: string, message: string) {
    return this.record(id, 'FAILED', null, 0, 0, message);
  }

  private async record(
    id: string,
    status: FetchStatus,
    batchId: string | null,
    inserted: number,
    changed: number,
    message: string | null,
  ): Promise<SourceFetchRow> {
    const [rows] = await this.dataSource.query(
      `UPDATE source_fetch SET status = $2, batch_id = $3, inserted = $4, changed = $5, message = $6, finished_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status, batchId, inserted, changed, message],
    );
    return (rows as SourceFetchRow[])[0]!;
  }
}

const COLUMNS = `id, source, subject, trigger, status, started_at AS "startedAt", finished_at AS "finishedAt",
  batch_id AS "batchId", inserted, changed, message, parameters`;

/** Official statistics are written only by a steward: the fetch acts as one in the database. */
function asSteward<T>(work: () => Promise<T>): Promise<T> {
  return runWithDbContext({ ...NO_DB_CONTEXT, statisticsSteward: true }, work);
}
