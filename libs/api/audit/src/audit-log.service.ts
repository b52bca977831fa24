import { Injectable } from '@nestjs/common';
import { AuditLogReader, type AuditLogEntry, type AuditLogFilter } from '@kraftsamling/api/core/audit';
import { badInput, type FieldProblem } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import type { ExportTable } from '@kraftsamling/shared/exports';
import type { AuditEventModel, AuditEventPageModel } from './models';

export const MAX_PAGE_SIZE = 200;
/** An export larger than this is refused: the filter should narrow it first. */
export const MAX_EXPORT_ROWS = 50_000;

const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

const toModel = (entry: AuditLogEntry): AuditEventModel => ({
  ...entry,
  before: json(entry.before),
  after: json(entry.after),
});

const HEADERS = {
  sv: ['Tidpunkt (UTC)', 'Händelse', 'Typ', 'Id', 'Person', 'E-post', 'Före', 'Efter'],
  en: ['Time (UTC)', 'Event', 'Type', 'Id', 'Person', 'E-mail', 'Before', 'After'],
} as const;
export type ExportLanguage = keyof typeof HEADERS;

/** The coordinator's view of one collaboration's audit log: pages and exports. */
@Injectable()
export class AuditLogService {
  constructor(private readonly reader: AuditLogReader) {}

  async page(
    tenant: TenantScope,
    filter: AuditLogFilter,
    offset: number,
    limit: number,
    fieldPrefix = 'filter',
  ): Promise<AuditEventPageModel> {
    const problems = [
      ...checkPeriod(filter, fieldPrefix),
      ...(Number.isInteger(offset) && offset >= 0 ? [] : [{ field: 'offset', message: 'must be 0 or more' }]),
      ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE
        ? []
        : [{ field: 'limit', message: `must be 1 to ${MAX_PAGE_SIZE}` }]),
    ];
    if (problems.length) throw badInput(problems);
    const page = await this.reader.read(tenant.collaborationId, filter, { offset, limit });
    return { totalCount: page.totalCount, items: page.items.map(toModel) };
  }

  /** The whole filtered log as a table for the shared CSV/XLSX export. */
  async exportTable(
    tenant: TenantScope,
    filter: AuditLogFilter,
    language: ExportLanguage,
  ): Promise<ExportTable> {
    const problems = checkPeriod(filter, '');
    if (problems.length) throw badInput(problems);
    const page = await this.reader.read(tenant.collaborationId, filter, {
      offset: 0,
      limit: MAX_EXPORT_ROWS + 1,
    });
    if (page.totalCount > MAX_EXPORT_ROWS)
      throw badInput([
        {
          field: 'from',
          message: `the filter matches ${page.totalCount} events, more than ${MAX_EXPORT_ROWS}: choose a shorter period`,
        },
      ]);
    return {
      sheetName: language === 'sv' ? 'Händelselogg' : 'Audit log',
      columns: HEADERS[language].map((header, index) => ({
        header,
        width: [22, 24, 16, 38, 24, 30, 50, 50][index],
      })),
      rows: page.items.map((entry) => [
        entry.occurredAt,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.actorName,
        entry.actorEmail,
        json(entry.before),
        json(entry.after),
      ]),
    };
  }
}

function checkPeriod(filter: AuditLogFilter, prefix: string): FieldProblem[] {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (filter.from && filter.to && filter.from > filter.to)
    return [{ field: field('to'), message: 'must not be before the first day' }];
  return [];
}
