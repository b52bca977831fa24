import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  badInput,
  forbidden,
  type FieldProblem,
} from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { Role } from '@kraftsamling/shared/permissions';
import { tryParsePeriod } from '@kraftsamling/shared/periods';
import type { IndicatorUnit, Periodicity } from './catalogue';
import { IndicatorImporter, type ImportReport, type IncomingValue } from './indicator-importer';
import type { EnterValuesInput, EnterValuesResultModel } from './models';
import { valueOutOfBounds } from './value-bounds';

/** What a cell holds now, as a CONFLICT reports it (value and version null: no value yet). */
interface StoredValue {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number | null;
  version: number | null;
}

/**
 * Local figures entered by hand (participants in job tracks, outcomes…). They go
 * through the same write path as imports: a batch, history, undo.
 */
@Injectable()
export class ManualEntryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: IndicatorImporter,
  ) {}

  async enter(tenant: TenantScope, input: EnterValuesInput): Promise<EnterValuesResultModel> {
    await this.checkArea(tenant, input.areaCode);
    const codes = [...new Set(input.values.map((v) => v.indicatorCode))];
    const indicators = new Map<string, { id: string; periodicity: Periodicity; unit: IndicatorUnit }>(
      (
        await this.dataSource.query(
          `SELECT id, code, periodicity, unit FROM indicator
            WHERE collaboration_id = $1 AND source = 'LOCAL' AND kind = 'MEASURED' AND code = ANY($2)`,
          [tenant.collaborationId, codes],
        )
      ).map((row: { id: string; code: string; periodicity: Periodicity; unit: IndicatorUnit }) => [
        row.code,
        row,
      ]),
    );
    const problems: FieldProblem[] = [];
    const rows: IncomingValue[] = [];
    const seen = new Set<string>();
    input.values.forEach((entry, i) => {
      const field = `input.values.${i}`;
      const indicator = indicators.get(entry.indicatorCode);
      if (!indicator) {
        problems.push({
          field: `${field}.indicatorCode`,
          message: `${entry.indicatorCode} is not a local indicator of this collaboration`,
        });
        return;
      }
      const period = tryParsePeriod(entry.period, indicator.periodicity);
      if (!period.ok) problems.push({ field: `${field}.period`, message: period.error });
      const outOfBounds = entry.value == null ? null : valueOutOfBounds(indicator.unit, entry.value);
      if (outOfBounds) problems.push({ field: `${field}.value`, message: outOfBounds });
      const key = `${indicator.id}|${entry.period}`;
      if (seen.has(key))
        problems.push({
          field: `${field}.period`,
          message: `${entry.indicatorCode} ${entry.period} is given twice`,
        });
      seen.add(key);
      rows.push({
        indicatorId: indicator.id,
        area: input.areaCode,
        period: entry.period,
        value: entry.value ?? null,
        lowerBound: false,
        upperBound: null,
        status: null,
        preliminary: false,
      });
    });
    if (problems.length) throw badInput(problems);

    const report: ImportReport = {
      format: 'MANUAL',
      dryRun: false,
      batchId: null,
      inserted: 0,
      changed: 0,
      unchanged: 0,
      problems: [],
      unmappedSeries: [],
    };
    await this.importer.write(
      rows,
      {
        source: 'LOCAL',
        format: 'MANUAL',
        fileName: null,
        fileSha256: null,
        fileSize: null,
        publishedAt: null,
        collaborationId: tenant.collaborationId,
        actor: tenant.actor,
        dryRun: false,
      },
      report,
      async (manager) => {
        // A value someone else changed since it was loaded is never overwritten silently,
        // nor is a first value someone else entered meanwhile: the cell locks make a
        // concurrent entry of the same cell wait here until this one has committed.
        await this.importer.lockCells(manager, rows);
        const stale: StoredValue[] = [];
        for (const [i, entry] of input.values.entries()) {
          const [current] = await manager.query(
            `SELECT value::float8 AS value, version FROM indicator_value WHERE indicator_id = $1 AND area_code = $2 AND period = $3`,
            [rows[i]!.indicatorId, input.areaCode, entry.period],
          );
          if ((current?.version ?? null) !== (entry.expectedVersion ?? null))
            stale.push({
              indicatorCode: entry.indicatorCode,
              areaCode: input.areaCode,
              period: entry.period,
              value: current?.value ?? null,
              version: current?.version ?? null,
            });
        }
        if (stale.length) {
          throw new DomainError(
            ErrorCode.Conflict,
            `Someone else changed ${stale.map((cell) => `${cell.indicatorCode} ${cell.period}`).join(', ')} since you loaded them. Reload the grid and enter your changes again.`,
            [],
            stale,
          );
        }
      },
    );
    return {
      batchId: report.batchId,
      inserted: report.inserted,
      changed: report.changed,
      unchanged: report.unchanged,
    };
  }

  /** A coordinator (or platform admin) enters for any member municipality; an editor only for their own. */
  private async checkArea(tenant: TenantScope, areaCode: string): Promise<void> {
    const members: string[] = (
      await this.dataSource.query(
        `SELECT o.id, o.municipality_code AS code FROM organization o WHERE o.collaboration_id = $1 AND o.kind = 'MUNICIPALITY'`,
        [tenant.collaborationId],
      )
    )
      .filter((row: { code: string }) => row.code === areaCode)
      .map((row: { id: string }) => row.id);
    if (!members.length)
      throw badInput([
        {
          field: 'input.areaCode',
          message: `${areaCode} is not a member municipality of this collaboration`,
        },
      ]);
    const principal = tenant.principal;
    if (principal.isPlatformAdmin || principal.rolesIn(tenant.collaborationId).includes(Role.Coordinator))
      return;
    // Security invariant: an editor's right is bound to the organisation of their membership.
    const own = principal.memberships.some(
      (m) =>
        m.collaborationId === tenant.collaborationId &&
        m.role === Role.MunicipalEditor &&
        members.includes(m.organizationId ?? ''),
    );
    if (!own) throw forbidden('You may enter figures only for your own municipality.');
  }
}
