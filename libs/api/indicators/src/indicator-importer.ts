import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { DomainError, ErrorCode, badInput, notFound } from '@kraftsamling/api/core/errors';
import {
  runParseJob,
  koladaKpiListIn,
  type KoladaKpi,
  type ParsedFile,
  type ParseJob,
  type ParseProblem,
  type SeriesKey,
  type SourceObservation,
} from '@kraftsamling/api/statistics-formats';
import { comparePeriods, periodOfDate, tryParsePeriod } from '@kraftsamling/shared/periods';
import {
  scbTableKeyId,
  seriesKeyId,
  summedSeriesKeyIds,
  type AfSeries,
  type IndicatorSourceKey,
  type Periodicity,
} from './catalogue';
import { STATISTICS_FILE_PARSER, type StatisticsFileParser } from './file-parser';
import { loadKoladaCatalogue, type CatalogueLoad } from './kolada-catalogue';
import { addToSum, completedSum, newPartialSum, type PartialSum } from './summed-series';

export type ImportSource = 'AF' | 'SCB' | 'KOLADA' | 'TEMPLATE';
export const IMPORT_SOURCES: readonly ImportSource[] = ['AF', 'SCB', 'KOLADA', 'TEMPLATE'];
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  source: ImportSource;
  /** which of Arbetsförmedlingen's two series an AF workbook holds; by default from the file name */
  /** the user says the file is part of a larger answer (e.g. one Kolada page): not refused as incomplete */
  partial?: boolean;
  afSeries?: AfSeries;
  dryRun: boolean;
  actor: { userId: string | null; subject: string | null };
  /**
   * Where the values go. A collaboration: a template for its local indicators, written only
   * for its member municipalities. None (null): official statistics, platform data that
   * only a statistics steward (or the operator's CLI) imports.
   */
  collaborationId?: string | null;
  /**
   * The dry run's `confirmationToken`: the user saw the values entered by hand that the
   * import changes and confirmed overwriting exactly those.
   */
  confirmationToken?: string | null;
  /** when the source published the file (YYYY-MM-DD) */
  publishedAt?: string | null;
  maxBytes?: number;
  /** skip a file whose exact bytes a committed batch already imported (the demo start-up) */
  skipIfImported?: boolean;
  onProgress?: (stage: 'parsing' | 'checking' | 'writing', fraction: number) => void;
}

/** What a batch records about where its values came from. */
export interface BatchMeta {
  source: ImportSource | 'LOCAL';
  format: string;
  fileName: string | null;
  fileSha256: string | null;
  fileSize: number | null;
  publishedAt: string | null;
  collaborationId: string | null;
  actor: ImportRequest['actor'];
  dryRun: boolean;
  onProgress?: ImportRequest['onProgress'];
  /**
   * Set for imports: values someone entered by hand are changed only with the confirmation
   * of a dry run that showed them (manual entry checks versions instead).
   */
  manualValues?: { confirmationToken: string | null };
}

/** A value someone entered by hand that an import would change. */
export interface ManualOverwrite {
  indicatorCode: string;
  /** the indicator's and the area's names, so a person reads what would change without codes */
  indicatorNameSv: string;
  indicatorNameEn: string;
  areaCode: string;
  areaName: string;
  period: string;
  value: number | null;
  newValue: number | null;
  /** who entered it (a member of the same collaboration) */
  enteredBy: string | null;
  enteredAt: string;
}

export interface ImportReport {
  format: ParsedFile['format'] | 'MANUAL' | null;
  dryRun: boolean;
  /** the batch written; null for a dry run, a refused file or a file that changes nothing */
  batchId: string | null;
  inserted: number;
  changed: number;
  unchanged: number;
  /** every problem; when there is any, nothing was written */
  problems: ParseProblem[];
  /** series in the file that no indicator reads, with how many values each has */
  unmappedSeries: { series: string; values: number }[];
  /** values entered by hand that the import changes: shown in the dry run, changed only when confirmed */
  manualOverwrites?: ManualOverwrite[];
  /** what the import must send back to confirm the manualOverwrites; null when there are none */
  confirmationToken?: string | null;
  /** set when skipIfImported found the same file in a committed batch */
  alreadyImportedAs?: string;
  /**
   * Set when the file holds values but none of its series is an indicator of the catalogue:
   * nothing is written, and that is said first, never reported as "nothing new".
   */
  nothingMatched?: NothingMatched | null;
  /** a Kolada key-figure list (the /kpi answer) loads the catalogue instead of values */
  catalogue?: CatalogueLoad | null;
}

export interface NothingMatched {
  /** how many series the file holds */
  series: number;
  /** a few of them, as the report's unmappedSeries names them */
  examples: string[];
  message: string;
  /**
   * For an SCB file: what a statistics steward defines an indicator from (the table, when
   * the file names it, and the contents codes and dimensions its series have).
   */
  scb?: { table: string | null; contentsCodes: string[]; dimensions: string[] } | null;
}

/** The message for a file none of whose series the catalogue reads. */
export function nothingMatched(
  unmapped: readonly { series: string }[],
  scb?: NothingMatched['scb'],
): NothingMatched {
  const examples = unmapped.slice(0, 3).map((entry) => entry.series);
  const how = scb
    ? ` — no indicator reads them: a statistics steward defines one from the table's metadata in the catalogue ("Define from an SCB table": ${scb.table ?? 'the table id the file came from'}, then contents ${scb.contentsCodes.join(', ')}${scb.dimensions.length ? ` and a class of ${scb.dimensions.join(', ')}` : ''}), or with the GraphQL mutation defineScbIndicator; then import the file again`
    : ' — no indicator reads them: check the source and the series chosen, or ask a statistics steward to define an indicator for them';
  return {
    series: unmapped.length,
    examples,
    message: `nothing in this file matches the catalogue: ${unmapped.length} series, e.g. ${examples.join('; ')}${how}`,
    ...(scb ? { scb } : {}),
  };
}

/** What an SCB file's series are made of, to define an indicator from; null for other sources. */
function scbShapeOf(parsed: ParsedFile): NothingMatched['scb'] {
  const contentsCodes = new Set<string>();
  const dimensions = new Set<string>();
  let table: string | null = null;
  for (const observation of parsed.observations) {
    const series = observation.series;
    if (series.source !== 'SCB') return null;
    table ??= series.table;
    contentsCodes.add(series.contentsCode);
    for (const dimension of Object.keys(series.dimensions)) dimensions.add(dimension);
  }
  return contentsCodes.size
    ? { table, contentsCodes: [...contentsCodes], dimensions: [...dimensions] }
    : null;
}

/** Sizes are said in MiB (2²⁰ bytes), as they are counted, to three significant digits. */
const mib = (bytes: number) => Number((bytes / (1024 * 1024)).toPrecision(3));

/** Arbetsförmedlingen's register-based series ends here; later figures are the BAS series'. */
export const AF_REGISTER_SERIES_LAST_PERIOD = '2023-12';

interface IndicatorRow {
  id: string;
  code: string;
  unit: string;
  periodicity: Periodicity;
  sourceKey: IndicatorSourceKey | null;
  collaborationId: string | null;
}

/** One checked value, ready to write. */
export interface IncomingValue {
  indicatorId: string;
  area: string;
  period: string;
  value: number | null;
  lowerBound: boolean;
  upperBound: number | null;
  status: string | null;
  preliminary: boolean;
}

const where = (observation: SourceObservation) => {
  const l = observation.location;
  return l.cell
    ? `cell ${l.cell}${l.sheet ? ` of sheet "${l.sheet}"` : ''}`
    : l.row
      ? `row ${l.row}`
      : l.path
        ? l.path
        : `value ${l.index ?? '?'}`;
};

/** AF names its two series in the file name: "…andel-av-reg…" and "…andel-av-bas…". */
export function afSeriesFromFileName(fileName: string): AfSeries | null {
  const name = fileName.toLowerCase();
  if (/(^|[^a-z])bas([^a-z]|$)/.test(name)) return 'BAS';
  if (/(^|[^a-z])reg([^a-z]|$)/.test(name)) return 'REG';
  return null;
}

const CHUNK = 20_000;
const YIELD_EVERY = 10_000;

/**
 * Imports a statistics file: parse and check everything first, then write every value in
 * one transaction, or nothing (docs/adr/0004-indicator-values-and-imports.md).
 */
@Injectable()
export class IndicatorImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    @Optional()
    @Inject(STATISTICS_FILE_PARSER)
    private readonly parseFile: StatisticsFileParser = runParseJob,
  ) {}

  async import(request: ImportRequest): Promise<ImportReport> {
    const report: ImportReport = {
      format: null,
      dryRun: request.dryRun,
      batchId: null,
      inserted: 0,
      changed: 0,
      unchanged: 0,
      problems: [],
      unmappedSeries: [],
      manualOverwrites: [],
      confirmationToken: null,
      nothingMatched: null,
    };
    const refuse = (message: string) => ({ ...report, problems: [{ location: {}, message }] });
    const maxBytes = request.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
    if (request.bytes.length > maxBytes) {
      return refuse(`the file is ${mib(request.bytes.length)} MiB; the limit is ${mib(maxBytes)} MiB`);
    }
    if (request.bytes.length === 0) return refuse('the file is empty');
    const collaborationId = request.collaborationId ?? null;
    // Security invariant: inside a collaboration an import reaches only its local indicators;
    // the official sources' files hold official statistics, which are platform data.
    if (collaborationId && request.source !== 'TEMPLATE') {
      return refuse(
        `a ${request.source} file holds official statistics: only a statistics steward imports it, as an official import (not into a collaboration)`,
      );
    }
    let afSeries: AfSeries | null = null;
    if (request.source === 'AF') {
      afSeries = request.afSeries ?? afSeriesFromFileName(request.fileName);
      if (!afSeries) {
        return refuse(
          'say which Arbetsförmedlingen series the workbook holds (--af-series reg|bas, or the series in the web import): the register-based one (to 2023) or the BAS-based one (from 2023); the file name names neither',
        );
      }
    }

    if (request.source === 'KOLADA') {
      const list = koladaKpiListIn(request.bytes);
      if (list) return this.loadCatalogue(list, request, report);
    }

    const fileSha256 = createHash('sha256').update(request.bytes).digest('hex');
    if (request.skipIfImported) {
      const [done] = await this.dataSource.query(
        `SELECT id FROM import_batch WHERE file_sha256 = $1 AND status = 'COMMITTED' ORDER BY imported_at DESC LIMIT 1`,
        [fileSha256],
      );
      if (done) return { ...report, alreadyImportedAs: done.id };
    }

    request.onProgress?.('parsing', 0);
    const parsed = await this.parse(request);
    report.format = parsed.format;
    report.problems.push(...parsed.problems);

    request.onProgress?.('checking', 0);
    const incoming = await this.map(parsed, afSeries, collaborationId, report);
    if (report.problems.length) return report;
    if (!incoming.length && report.unmappedSeries.length) {
      report.nothingMatched = nothingMatched(report.unmappedSeries, scbShapeOf(parsed));
      return report;
    }

    return this.write(
      incoming,
      {
        source: request.source,
        format: parsed.format,
        fileName: request.fileName,
        fileSha256,
        fileSize: request.bytes.length,
        publishedAt: request.publishedAt ?? null,
        // A batch of official figures is everyone's (platform data); a collaboration's import holds
        // only its local figures (map() refuses anything else), so the batch is the collaboration's.
        collaborationId,
        actor: request.actor,
        dryRun: request.dryRun,
        onProgress: request.onProgress,
        manualValues: { confirmationToken: request.confirmationToken ?? null },
      },
      report,
    );
  }

  /**
   * Loads a Kolada key-figure list into the official catalogue (one transaction, audited):
   * its key figures become indicators whose values then import like any other.
   */
  private async loadCatalogue(
    list: { kpis: KoladaKpi[]; problems: ParseProblem[] },
    request: ImportRequest,
    report: ImportReport,
  ): Promise<ImportReport> {
    report.format = 'KOLADA';
    report.problems.push(...list.problems);
    if (report.problems.length) return report;
    report.catalogue = await this.dataSource.transaction(async (manager) => {
      const load = await loadKoladaCatalogue(manager, list.kpis, { dryRun: request.dryRun });
      if (!request.dryRun && (load.added || load.updated))
        await this.audit.record(manager, {
          collaborationId: null,
          actor: request.actor,
          action: 'indicator.catalogue-loaded',
          entityType: 'indicator',
          entityId: null,
          before: null,
          after: { source: 'KOLADA', fileName: request.fileName, ...load },
        });
      return load;
    });
    return report;
  }

  /**
   * Writes checked rows in one transaction: counts first, then (unless a dry run or
   * nothing is new) the batch, the history of replaced values and the values themselves.
   * `beforeWrite` runs inside the transaction, e.g. to check the versions a manual edit
   * was based on.
   */
  async write(
    incoming: IncomingValue[],
    meta: BatchMeta,
    report: ImportReport,
    beforeWrite?: (manager: EntityManager) => Promise<void>,
  ): Promise<ImportReport> {
    return this.dataSource.transaction(async (manager) => {
      await this.load(manager, incoming, meta.onProgress);
      if (!meta.dryRun) await this.takeTurn(manager, incoming, meta.format === 'MANUAL');
      await beforeWrite?.(manager);
      const [counts] = await manager.query(
        `SELECT count(*) FILTER (WHERE v.indicator_id IS NULL)::int AS inserted,
                count(*) FILTER (WHERE v.indicator_id IS NOT NULL AND ${DIFFERS})::int AS changed,
                count(*) FILTER (WHERE v.indicator_id IS NOT NULL AND NOT ${DIFFERS})::int AS unchanged
           FROM incoming i LEFT JOIN indicator_value v USING (indicator_id, area_code, period)`,
      );
      Object.assign(report, counts);
      if (meta.manualValues && !(await this.checkManualValues(manager, meta, report))) {
        await manager.query(`DROP TABLE incoming`);
        return report;
      }
      if (meta.dryRun || report.inserted + report.changed === 0) {
        // A dry run, or the same file again: nothing to write.
        await manager.query(`DROP TABLE incoming`);
        return report;
      }
      const [{ id }] = await manager.query(
        `INSERT INTO import_batch (collaboration_id, source, format, file_name, file_sha256, file_size, published_at,
                                   inserted, changed, unchanged, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          meta.collaborationId,
          meta.source,
          meta.format,
          meta.fileName,
          meta.fileSha256,
          meta.fileSize,
          meta.publishedAt,
          report.inserted,
          report.changed,
          report.unchanged,
          meta.actor.userId,
        ],
      );
      report.batchId = id;
      // The values a batch replaces go to the history first, so undo can restore them.
      if (report.changed > 0)
        await manager.query(
          `INSERT INTO indicator_value_history (indicator_id, area_code, period, value, lower_bound, upper_bound, status,
                                              preliminary, batch_id, published_at, replaced_by_batch_id)
         SELECT v.indicator_id, v.area_code, v.period, v.value, v.lower_bound, v.upper_bound, v.status, v.preliminary,
                v.batch_id, v.published_at, $1
           FROM incoming i JOIN indicator_value v USING (indicator_id, area_code, period)
          WHERE ${DIFFERS}`,
          [id],
        );
      // A batch of only new values (a first import) needs neither the join nor the conflict check.
      const onlyNew = report.changed === 0 && report.unchanged === 0;
      await manager.query(
        onlyNew
          ? `INSERT INTO indicator_value (indicator_id, area_code, period, value, lower_bound, upper_bound, status,
                                          preliminary, batch_id, published_at, collaboration_id)
             SELECT i.indicator_id, i.area_code, i.period, i.value, i.lower_bound, i.upper_bound, i.status, i.preliminary,
                    $1, $2, ind.collaboration_id
               FROM incoming i JOIN indicator ind ON ind.id = i.indicator_id`
          : `INSERT INTO indicator_value (indicator_id, area_code, period, value, lower_bound, upper_bound, status,
                                      preliminary, batch_id, published_at, collaboration_id)
         SELECT i.indicator_id, i.area_code, i.period, i.value, i.lower_bound, i.upper_bound, i.status, i.preliminary,
                $1, $2, ind.collaboration_id
           FROM incoming i JOIN indicator ind ON ind.id = i.indicator_id
           LEFT JOIN indicator_value v USING (indicator_id, area_code, period)
          WHERE v.indicator_id IS NULL OR ${DIFFERS}
         ON CONFLICT (indicator_id, area_code, period) DO UPDATE SET
           value = EXCLUDED.value, lower_bound = EXCLUDED.lower_bound, upper_bound = EXCLUDED.upper_bound,
           status = EXCLUDED.status, preliminary = EXCLUDED.preliminary, batch_id = EXCLUDED.batch_id,
           published_at = EXCLUDED.published_at, version = indicator_value.version + 1, updated_at = now()`,
        [id, meta.publishedAt],
      );
      await manager.query(`DROP TABLE incoming`);
      await this.audit.record(manager, {
        collaborationId: meta.collaborationId,
        actor: meta.actor,
        action: 'import.committed',
        entityType: 'import_batch',
        entityId: id,
        before: null,
        after: {
          fileName: meta.fileName,
          source: meta.source,
          format: meta.format,
          inserted: report.inserted,
          changed: report.changed,
          unchanged: report.unchanged,
        },
      });
      meta.onProgress?.('writing', 1);
      return report;
    });
  }

  /**
   * Lists the values entered by hand that the incoming rows change (locking them until the
   * transaction ends, so none changes between this check and the write) and decides whether
   * the import may go on: a dry run always may; an import only with the token of a dry run
   * that showed exactly these values, versions and new values. False: refused, see problems.
   */
  private async checkManualValues(manager: EntityManager, meta: BatchMeta, report: ImportReport) {
    const rows = (await manager.query(
      `SELECT ind.code AS "indicatorCode", ind.name_sv AS "indicatorNameSv", ind.name_en AS "indicatorNameEn",
              v.area_code AS "areaCode", coalesce(m.name, v.area_code) AS "areaName", v.period, v.value::float8 AS value,
              i.value::float8 AS "newValue", u.name AS "enteredBy", b.imported_at AS "enteredAt",
              v.indicator_id AS "indicatorId", v.version
         FROM incoming i
         JOIN indicator_value v USING (indicator_id, area_code, period)
         JOIN import_batch b ON b.id = v.batch_id AND b.format = 'MANUAL'
         JOIN indicator ind ON ind.id = v.indicator_id
         LEFT JOIN municipality m ON m.code = v.area_code
         LEFT JOIN app_user u ON u.id = b.imported_by
        WHERE ${DIFFERS}
        ORDER BY ind.code, v.area_code, v.period
          FOR UPDATE OF v`,
    )) as (ManualOverwrite & { indicatorId: string; version: number; enteredAt: Date | string })[];
    report.manualOverwrites = rows.map(({ indicatorId: _i, version: _v, enteredAt, ...row }) => ({
      ...row,
      enteredAt: new Date(enteredAt).toISOString(),
    }));
    report.confirmationToken = rows.length
      ? createHash('sha256')
          .update(
            rows
              .map((r) => `${r.indicatorId}|${r.areaCode}|${r.period}|${r.version}|${r.newValue}`)
              .join('\n'),
          )
          .digest('hex')
      : null;
    const given = meta.manualValues?.confirmationToken ?? null;
    if (meta.dryRun || report.confirmationToken === null || given === report.confirmationToken) return true;
    const count = rows.length === 1 ? '1 value' : `${rows.length} values`;
    report.problems.push({
      location: {},
      message: given
        ? `the values entered by hand that this import would change have changed since your dry run; run the dry run again and confirm what it shows`
        : `${count} entered by hand would change (${rows
            .slice(0, 3)
            .map((r) => `${r.indicatorCode} ${r.areaCode} ${r.period}`)
            .join(
              ', ',
            )}${rows.length > 3 ? ', …' : ''}); look at them in a dry run and confirm that the import may overwrite them`,
    });
    return false;
  }

  /**
   * Undoes a batch: the values it replaced come back from the history, the values it
   * added go. A batch whose values a later batch changed again must wait until that later
   * batch is undone, or the later values would be lost.
   */
  async undo(batchId: string, actor: ImportRequest['actor']): Promise<{ restored: number; removed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [batch] = await manager.query(
        `SELECT id, status, collaboration_id, format FROM import_batch WHERE id = $1 FOR UPDATE`,
        [batchId],
      );
      if (!batch) throw notFound('Import batch', batchId);
      // Figures summed from actions' outcomes follow the outcomes (libs/api/actions): undoing
      // them would leave the figures and the outcomes telling different stories.
      if (batch.format === 'ACTIONS')
        throw badInput([
          {
            field: 'batchId',
            message: `import batch ${batchId} holds figures summed from actions' outcomes: change the outcomes instead`,
          },
        ]);
      if (batch.status !== 'COMMITTED') {
        throw badInput([{ field: 'batchId', message: `import batch ${batchId} is already undone` }]);
      }
      const [later] = await manager.query(
        `SELECT h.replaced_by_batch_id AS id FROM indicator_value_history h
           JOIN import_batch b ON b.id = h.replaced_by_batch_id AND b.status = 'COMMITTED'
          WHERE h.batch_id = $1 LIMIT 1`,
        [batchId],
      );
      if (later) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Import batch ${later.id} changed values of this batch afterwards; undo batch ${later.id} first.`,
        );
      }
      const [restored] = (await manager.query(
        `UPDATE indicator_value v SET value = h.value, lower_bound = h.lower_bound, upper_bound = h.upper_bound,
                status = h.status, preliminary = h.preliminary, batch_id = h.batch_id, published_at = h.published_at,
                version = v.version + 1, updated_at = now()
           FROM indicator_value_history h
          WHERE h.replaced_by_batch_id = $1 AND v.batch_id = $1
            AND (v.indicator_id, v.area_code, v.period) = (h.indicator_id, h.area_code, h.period)
         RETURNING v.indicator_id`,
        [batchId],
      )) as [unknown[], number];
      // What still carries the batch's id after the restore is what it added.
      const [removed] = (await manager.query(
        `DELETE FROM indicator_value WHERE batch_id = $1 RETURNING indicator_id`,
        [batchId],
      )) as [unknown[], number];
      await manager.query(`DELETE FROM indicator_value_history WHERE replaced_by_batch_id = $1`, [batchId]);
      await manager.query(
        `UPDATE import_batch SET status = 'UNDONE', undone_at = now(), undone_by = $2 WHERE id = $1`,
        [batchId, actor.userId],
      );
      const result = { restored: restored.length, removed: removed.length };
      await this.audit.record(manager, {
        collaborationId: batch.collaboration_id,
        actor,
        action: 'import.undone',
        entityType: 'import_batch',
        entityId: batchId,
        before: { status: 'COMMITTED' },
        after: { status: 'UNDONE', ...result },
      });
      return result;
    });
  }

  private async parse(request: ImportRequest): Promise<ParsedFile> {
    const job: ParseJob = { source: request.source, bytes: request.bytes, partial: request.partial ?? false };
    if (request.source === 'AF') {
      job.places = {
        municipalities: await this.dataSource.query(
          `SELECT code, name, county_code AS "countyCode" FROM municipality`,
        ),
        counties: await this.dataSource.query(`SELECT code, name, short_name AS "shortName" FROM county`),
      };
    }
    return this.parseFile(job, (fraction) => request.onProgress?.('parsing', fraction));
  }

  /** Maps every observation to an indicator and checks area, period and duplicates. */
  private async map(
    parsed: ParsedFile,
    afSeries: AfSeries | null,
    collaborationId: string | null,
    report: ImportReport,
  ): Promise<IncomingValue[]> {
    const indicators = (await this.dataSource.query(
      `SELECT id, code, unit, periodicity, source_key AS "sourceKey", collaboration_id AS "collaborationId"
         FROM indicator WHERE kind = 'MEASURED' AND (collaboration_id IS NULL OR collaboration_id = $1)`,
      [collaborationId],
    )) as IndicatorRow[];
    // Which indicators read a series: directly, or as one class of a sum (see ScbSourceKey).
    const bySeries = new Map<string, IndicatorRow>();
    const sumsBySeries = new Map<string, IndicatorRow[]>();
    for (const indicator of indicators) {
      if (!indicator.sourceKey) continue;
      const summed = summedSeriesKeyIds(indicator.sourceKey);
      if (!summed.length) bySeries.set(seriesKeyId(indicator.sourceKey), indicator);
      for (const key of summed) sumsBySeries.set(key, [...(sumsBySeries.get(key) ?? []), indicator]);
    }
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    // Local figures are kept only for the collaboration's member municipalities.
    const members = new Set<string>(
      collaborationId
        ? (
            (await this.dataSource.query(
              `SELECT municipality_code AS code FROM organization
                WHERE collaboration_id = $1 AND kind = 'MUNICIPALITY' AND municipality_code IS NOT NULL`,
              [collaborationId],
            )) as { code: string }[]
          ).map((row) => row.code)
        : [],
    );
    const areas = new Set<string>(
      (
        (await this.dataSource.query(
          `SELECT code FROM municipality UNION ALL SELECT '00' || code FROM county UNION ALL SELECT '0000'`,
        )) as { code: string }[]
      ).map((row) => row.code),
    );
    const lookUp = (series: SeriesKey): { direct?: IndicatorRow; sums: IndicatorRow[] } => {
      if (series.source === 'TEMPLATE') return { direct: byCode.get(series.indicatorCode), sums: [] };
      const key = seriesKeyId(series, afSeries ?? undefined);
      const byTable = scbTableKeyId(series);
      return {
        direct: bySeries.get(key) ?? (byTable === null ? undefined : bySeries.get(byTable)),
        sums: [
          ...(sumsBySeries.get(key) ?? []),
          ...(byTable === null ? [] : (sumsBySeries.get(byTable) ?? [])),
        ],
      };
    };

    const targetsOfSeries = new Map<object, ReturnType<typeof lookUp>>();
    const periodChecks = new Map<string, string | null>();
    const unmapped = new Map<string, number>();
    const seen = new Map<string, IncomingValue>();
    const sums = new Map<string, PartialSum>();
    // Each unknown area once, at its first place in the file (a national file may repeat it thousands of times).
    const badAreas = new Map<
      string,
      { first: string; location: SourceObservation['location']; count: number }
    >();
    const afterRegisterSeries = { first: '', last: '', count: 0 };
    let sinceYield = 0;
    for (const observation of parsed.observations) {
      // A national file holds hundreds of thousands of values: let other requests in meanwhile.
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const series = observation.series;
      // Parsers share one series object among the values of a series: look each up once.
      let targets = targetsOfSeries.get(series);
      if (targets === undefined) {
        targets = lookUp(series);
        targetsOfSeries.set(series, targets);
      }
      if (!targets.direct && !targets.sums.length) {
        if (series.source === 'TEMPLATE') {
          report.problems.push({
            location: observation.location,
            message: `${where(observation)}: indicator "${series.indicatorCode}" does not exist; check the code in the catalogue`,
            code: 'UNKNOWN_INDICATOR',
            params: { indicator: series.indicatorCode },
          });
        } else {
          const name = seriesKeyId(series, afSeries ?? undefined);
          unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
        }
        continue;
      }
      if (collaborationId && targets.direct && targets.direct.collaborationId === null) {
        // Security invariant: official statistics are platform data; no collaboration changes them.
        report.problems.push({
          location: observation.location,
          message: `${where(observation)}: ${targets.direct.code} is an official indicator; official statistics are imported only by a statistics steward (realm role statistics-steward), as an official import outside any collaboration`,
          code: 'OFFICIAL_INDICATOR',
          params: { indicator: targets.direct.code },
        });
        continue;
      }
      if (
        series.source === 'AF' &&
        afSeries === 'REG' &&
        observation.period > AF_REGISTER_SERIES_LAST_PERIOD
      ) {
        const late = afterRegisterSeries;
        if (!late.count || observation.period < late.first) late.first = observation.period;
        if (observation.period > late.last) late.last = observation.period;
        late.count++;
        continue;
      }
      if (!areas.has(observation.area)) {
        const bad = badAreas.get(observation.area) ?? {
          first: where(observation),
          location: observation.location,
          count: 0,
        };
        bad.count++;
        badAreas.set(observation.area, bad);
        continue;
      }
      if (collaborationId && !members.has(observation.area)) {
        report.problems.push({
          location: observation.location,
          message: `${where(observation)}: ${observation.area} is not a member municipality of this collaboration; its local figures are kept only for its members`,
          code: 'NOT_A_MEMBER',
          params: { area: observation.area },
        });
        continue;
      }
      const fitsPeriod = (indicator: IndicatorRow) => {
        const periodKey = `${indicator.periodicity}|${observation.period}`;
        let periodError = periodChecks.get(periodKey);
        if (periodError === undefined) {
          const checked = tryParsePeriod(observation.period, indicator.periodicity);
          periodError = checked.ok ? null : checked.error;
          periodChecks.set(periodKey, periodError);
        }
        if (periodError === null && series.source === 'TEMPLATE') {
          // A figure entered by people is of something that happened: a period that has not
          // begun is a typing mistake (2052 for 2025), which would otherwise sit unseen in a series.
          const current = periodOfDate(new Date(), indicator.periodicity);
          if (comparePeriods(observation.period, current) > 0) {
            report.problems.push({
              location: observation.location,
              message: `${where(observation)}: ${observation.period} has not begun yet (the current period is ${current}); figures can be given only for periods that have begun (indicator ${indicator.code})`,
              code: 'PERIOD_NOT_BEGUN',
              params: { period: observation.period, current, indicator: indicator.code },
            });
            return false;
          }
        }
        if (periodError === null) return true;
        report.problems.push({
          location: observation.location,
          message: `${where(observation)}: ${periodError} (indicator ${indicator.code})`,
          code: 'PERIOD_NOT_OF_INDICATOR',
          params: {
            period: observation.period,
            indicator: indicator.code,
            periodicity: indicator.periodicity,
          },
        });
        return false;
      };
      for (const indicator of targets.sums) {
        if (!fitsPeriod(indicator)) continue;
        const key = `${indicator.id}|${observation.area}|${observation.period}`;
        const partial = sums.get(key) ?? newPartialSum(indicator, observation);
        addToSum(partial, (series as { dimensions: Record<string, string> }).dimensions, observation);
        sums.set(key, partial);
      }
      const indicator = targets.direct;
      if (!indicator || !fitsPeriod(indicator)) continue;
      if (indicator.unit === 'COUNT' && observation.value !== null && observation.value < 0) {
        report.problems.push({
          location: observation.location,
          message: `${where(observation)}: ${observation.value} is negative, but ${indicator.code} is a count`,
          code: 'NEGATIVE_COUNT',
          params: { value: observation.value, indicator: indicator.code },
        });
        continue;
      }
      const sourceKey = indicator.sourceKey;
      const row: IncomingValue = {
        indicatorId: indicator.id,
        area: observation.area,
        period: observation.period,
        value: observation.value,
        lowerBound: observation.lowerBound ?? false,
        upperBound: observation.upperBound ?? null,
        status: observation.status ?? null,
        // Preliminary when the file says so, or when the catalogue knows the table publishes nothing else.
        preliminary:
          (observation.preliminary ?? false) ||
          (sourceKey?.source === 'SCB' && sourceKey.preliminary === true),
      };
      const key = `${row.indicatorId}|${row.area}|${row.period}`;
      const earlier = seen.get(key);
      if (earlier && (earlier.value !== row.value || earlier.lowerBound !== row.lowerBound)) {
        report.problems.push({
          location: observation.location,
          message: `${where(observation)}: ${indicator.code} for area ${row.area} in ${row.period} appears twice with different values (${earlier.value} and ${row.value})`,
          code: 'DIFFERENT_VALUES_TWICE',
          params: { indicator: indicator.code, area: row.area, period: row.period },
        });
      }
      seen.set(key, row);
    }
    for (const partial of sums.values()) {
      const total = completedSum(partial);
      if (total) seen.set(`${total.indicatorId}|${total.area}|${total.period}`, total);
      else {
        const name = `${partial.indicator.code} (${partial.classes.size} of ${partial.expected} ${partial.dimension} classes in the file)`;
        unmapped.set(name, (unmapped.get(name) ?? 0) + partial.classes.size);
      }
    }
    if (afterRegisterSeries.count) {
      const { first, last, count } = afterRegisterSeries;
      report.problems.push({
        location: {},
        message: `the register-based series ends in ${AF_REGISTER_SERIES_LAST_PERIOD}, but the file has ${count} values from ${first} to ${last}: figures after it are the BAS series' — import the file as the BAS series (--af-series bas)`,
      });
    }
    for (const [area, bad] of badAreas) {
      report.problems.push({
        location: bad.location,
        message: `area code ${area} (${bad.first}${bad.count > 1 ? ` and ${bad.count - 1} more` : ''}) is not a Swedish municipality, a county (00NN) or the whole country (0000)`,
        code: 'UNKNOWN_AREA',
        params: { area, more: bad.count - 1 },
      });
    }
    report.unmappedSeries = [...unmapped].map(([series, values]) => ({ series, values }));
    if (!parsed.observations.length && !report.problems.length)
      report.problems.push({ location: {}, message: 'the file holds no values', code: 'NO_VALUES' });
    return [...seen.values()];
  }

  /**
   * Writers of values take turns per scope: the official figures, or one collaboration's
   * local ones. An import compares the whole file with the stored values and then writes,
   * so it holds its scopes alone from that comparison to its commit; otherwise a write
   * committed in between would be counted wrongly and overwritten, and two imports of one
   * file would both insert every value. Manual entries touch a few cells each: they share
   * their scope and lock their cells one by one (`lockCells`). The locks are
   * transaction-level advisory locks, so a crashed writer's go away with its connection.
   */
  private async takeTurn(manager: EntityManager, rows: IncomingValue[], shared: boolean): Promise<void> {
    const indicatorIds = [...new Set(rows.map((row) => row.indicatorId))];
    const scopes = (
      (await manager.query(`SELECT DISTINCT collaboration_id AS scope FROM indicator WHERE id = ANY($1)`, [
        indicatorIds,
      ])) as { scope: string | null }[]
    )
      .map((row) => `indicator-values:${row.scope ?? 'official'}`)
      .sort(); // one order for everyone, so two writers never wait for each other in a circle
    for (const scope of scopes) {
      await manager.query(
        `SELECT ${shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtextextended($1, 0))`,
        [scope],
      );
    }
  }

  /** Locks single cells (indicator, area, period) for the rest of the transaction, even cells without a value yet. */
  async lockCells(manager: EntityManager, rows: readonly IncomingValue[]): Promise<void> {
    const keys = [
      ...new Set(rows.map((row) => `indicator-value:${row.indicatorId}|${row.area}|${row.period}`)),
    ];
    for (const key of keys.sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
    }
  }

  /**
   * Loads the checked rows into a temporary table with `COPY … FROM STDIN`: one stream
   * instead of hundreds of parameter arrays, which is what makes a national file fast.
   */
  private async load(manager: EntityManager, rows: IncomingValue[], onProgress: ImportRequest['onProgress']) {
    await manager.query(
      `CREATE TEMP TABLE incoming (indicator_id uuid, area_code char(4), period text, value numeric, lower_bound boolean,
                                   upper_bound numeric, status text, preliminary boolean) ON COMMIT DROP`,
    );
    const client = (manager.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const copy = client.query(copyFrom('COPY incoming FROM STDIN'));
    const lines = async function* () {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const end = Math.min(rows.length, start + CHUNK);
        let text = '';
        for (let index = start; index < end; index++) text += copyLine(rows[index]);
        yield text;
        onProgress?.('writing', (end / rows.length) * 0.5);
      }
    };
    await pipeline(Readable.from(lines()), copy);
    await manager.query(`CREATE INDEX ON incoming (indicator_id, area_code, period)`);
    await manager.query(`ANALYZE incoming`);
  }
}

/** A field of COPY's text format: `\N` for null, and the format's escapes for the rest. */
function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** One row of the temporary table, in its column order, as a line of COPY's text format. */
export function copyLine(row: IncomingValue): string {
  return `${[
    row.indicatorId,
    row.area,
    row.period,
    row.value,
    row.lowerBound,
    row.upperBound,
    row.status,
    row.preliminary,
  ]
    .map(copyField)
    .join('\t')}\n`;
}

/** Whether the incoming value (i) differs from the stored one (v), provenance flags included. */
const DIFFERS = `(v.value, v.lower_bound, v.upper_bound, v.status, v.preliminary)
  IS DISTINCT FROM (i.value, i.lower_bound, i.upper_bound, i.status, i.preliminary)`;
