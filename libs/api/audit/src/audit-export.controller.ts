import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { badInput } from '@kraftsamling/api/core/errors';
import { Access, Tenant, type TenantScope } from '@kraftsamling/api/core/tenancy';
import { exportTable, type ExportFormat } from '@kraftsamling/shared/exports';
import { Permission } from '@kraftsamling/shared/permissions';
import { AuditLogService, type ExportLanguage } from './audit-log.service';
import { AuditEventFilterInput } from './models';

/**
 * `GET /api/audit-events/export?collaborationId=…&format=csv|xlsx&lang=sv|en` plus the
 * filter of the audit log page (person, entityType, entityId, from, to): the whole
 * filtered log as a file. Text cells pass through the shared formula-injection guard.
 */
@Controller('api/audit-events')
export class AuditExportController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get('export')
  @Access.inCollaboration(Permission.AuditRead, { arg: 'collaborationId' })
  async export(
    @Query() query: Record<string, string | undefined>,
    @Tenant() tenant: TenantScope,
    @Res() response: Response,
  ) {
    const format = query['format'] ?? 'csv';
    const language = query['lang'] ?? 'sv';
    const filter = plainToInstance(AuditEventFilterInput, {
      person: query['person'] || undefined,
      entityType: query['entityType'] || undefined,
      entityId: query['entityId'] || undefined,
      from: query['from'] || undefined,
      to: query['to'] || undefined,
    });
    const problems = [
      ...(format === 'csv' || format === 'xlsx' ? [] : [{ field: 'format', message: 'must be csv or xlsx' }]),
      ...(language === 'sv' || language === 'en' ? [] : [{ field: 'lang', message: 'must be sv or en' }]),
      ...validateSync(filter).map((error) => ({
        field: error.property,
        message: Object.values(error.constraints ?? {})[0] ?? 'is not valid',
      })),
    ];
    if (problems.length) throw badInput(problems);
    const table = await this.auditLog.exportTable(tenant, filter, language as ExportLanguage);
    const file = await exportTable(table, format as ExportFormat);
    const day = new Date().toISOString().slice(0, 10);
    response
      .status(200)
      .type(file.contentType)
      .setHeader('content-disposition', `attachment; filename="audit-log-${day}.${format}"`)
      .setHeader('cache-control', 'no-store')
      .end(Buffer.from(file.bytes));
  }
}
