import { Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditLogService } from './audit-log.service';

/** Reading the audit log: the coordinator's page and its CSV/XLSX export. */
@Module({
  providers: [AuditLogService, AuditLogResolver],
  controllers: [AuditExportController],
})
export class AuditLogModule {}
