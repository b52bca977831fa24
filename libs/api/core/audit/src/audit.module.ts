import { Global, Module } from '@nestjs/common';
import { AuditLogReader } from './audit-log-reader';
import { AuditWriter } from './audit-writer';

@Global()
@Module({ providers: [AuditWriter, AuditLogReader], exports: [AuditWriter, AuditLogReader] })
export class AuditModule {}
