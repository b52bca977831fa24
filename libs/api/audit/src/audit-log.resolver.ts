import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Access, Tenant, type TenantScope } from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { AuditLogService } from './audit-log.service';
import { AuditEventFilterInput, AuditEventPageModel } from './models';

@Resolver(() => AuditEventPageModel)
export class AuditLogResolver {
  constructor(private readonly auditLog: AuditLogService) {}

  @Query(() => AuditEventPageModel, {
    description: 'The collaboration’s audit log, newest first, one page at a time.',
  })
  @Access.inCollaboration(Permission.AuditRead, { arg: 'collaborationId' })
  auditEvents(
    @Args('collaborationId', { type: () => ID }) _collaborationId: string,
    @Tenant() tenant: TenantScope,
    @Args('filter', { type: () => AuditEventFilterInput, nullable: true }) filter?: AuditEventFilterInput,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.auditLog.page(tenant, filter ?? {}, offset ?? 0, limit ?? 50);
  }
}
