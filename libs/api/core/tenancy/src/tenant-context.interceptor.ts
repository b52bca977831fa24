import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable } from 'rxjs';
import { NO_DB_CONTEXT, runWithDbContext } from '@kraftsamling/api/core/database';
import { accessRuleOf, tenantIdFromContext } from './access.guard';
import { dbContextOf } from './db-context';
import { operationContext } from './request-context';

/**
 * Runs each operation (query, mutation, field resolver, HTTP route) inside the database
 * context its access rule resolved: the collaboration the guard checked, or none (official
 * data and the user's own memberships only). Every transaction the operation opens then
 * carries it (tenant-context.ts in the database lib), so the database's row-level security
 * backs the services' own `collaboration_id` filters.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = accessRuleOf(this.reflector, context);
    const operation = operationContext(context);
    // The guard has run: for a collaboration rule it checked the principal's permission
    // in exactly this collaboration (and resolved a slug to it).
    const collaborationId =
      rule?.kind === 'collaboration' ? (tenantIdFromContext(operation, rule.tenant) ?? null) : null;
    const dbContext =
      rule?.kind === 'public' ? NO_DB_CONTEXT : dbContextOf(operation.request.principal, collaborationId);
    return new Observable((subscriber) =>
      runWithDbContext(dbContext, () => next.handle().subscribe(subscriber)),
    );
  }
}
