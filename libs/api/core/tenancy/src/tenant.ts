import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@kraftsamling/api/core/auth';
import type { Permission } from '@kraftsamling/shared/permissions';
import { accessRuleOf, tenantIdFromContext } from './access.guard';
import { operationContext } from './request-context';

/**
 * The tenant context of one operation: which collaboration it is about and who acts.
 * Every service method that touches tenant-owned rows takes one, and filters reads AND
 * writes by its collaborationId.
 */
export interface TenantScope {
  collaborationId: string;
  principal: Principal;
  permissions: readonly Permission[];
  actor: { userId: string; subject: string };
}

const reflector = new Reflector();

function principalOf(context: ExecutionContext): Principal {
  const principal = operationContext(context).request.principal;
  // The guard authenticated the request before any parameter is built.
  if (!principal) throw new Error('no authenticated principal on the request');
  return principal;
}

/** Injects the TenantScope resolved by the AccessGuard for this operation. */
export const Tenant = createParamDecorator((_: unknown, context: ExecutionContext): TenantScope => {
  const rule = accessRuleOf(reflector, context);
  if (rule?.kind !== 'collaboration') throw new Error('@Tenant() needs an Access.inCollaboration rule');
  const collaborationId = tenantIdFromContext(operationContext(context), rule.tenant);
  if (!collaborationId) throw new Error('collaboration not resolved by the guard');
  const principal = principalOf(context);
  return {
    collaborationId,
    principal,
    permissions: principal.permissionsIn(collaborationId),
    actor: { userId: principal.userId, subject: principal.subject },
  };
});

/** Injects the signed-in user (for operations not about one collaboration). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context),
);
