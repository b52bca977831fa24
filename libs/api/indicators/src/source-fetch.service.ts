import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NO_DB_CONTEXT, runWithDbContext } from '@kraftsamling/api/core/database';
import { IndicatorImporter, type ImportReport } from './indicator-importer';
import {
  DEFAULT_KOLADA_API_URL,
  fetchPages,
  koladaDataUrl,
  pagesAsFile,
  yearsFrom,
  type FetchOptions,
} from './kolada-fetch';

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
      const id = await this.started('KOLADA', kpi, trigger);
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

  /** Every catalogued Kolada key figure, one after the other (the API's rate limit is per client). */
  async fetchCatalogued(trigger: FetchTrigger, actor: FetchActor, options: FetchOptions = {}) {
    const from = new Date().getUTCFullYear() - SCHEDULED_YEARS_BACK;
    const results: SourceFetchRow[] = [];
    for (const kpi of await this.cataloguedKoladaKpis()) {
      const result = await this.fetchKolada(kpi, from, trigger, actor, options);
      if (result.status === 'FAILED') this.logger.warn(`Kolada ${kpi}: ${result.message}`);
      results.push(result);
    }
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

  private async started(source: SourceFetchRow['source'], subject: string, trigger: FetchTrigger) {
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO source_fetch (source, subject, trigger, status) VALUES ($1, $2, $3, 'RUNNING') RETURNING id`,
      [source, subject, trigger],
    );
    return id as string;
  }

  private async finished(id: string, report: ImportReport): Promise<SourceFetchRow> {
    const problems = report.problems.map((p) => p.message);
    const status: FetchStatus = problems.length ? 'FAILED' : report.batchId ? 'IMPORTED' : 'NOTHING_NEW';
    const message = problems.length
      ? `${problems.length} problem(s), nothing written: ${problems.slice(0, 3).join('; ')}`
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
  batch_id AS "batchId", inserted, changed, message`;

/** Official statistics are written only by a steward: the fetch acts as one in the database. */
function asSteward<T>(work: () => Promise<T>): Promise<T> {
  return runWithDbContext({ ...NO_DB_CONTEXT, statisticsSteward: true }, work);
}
