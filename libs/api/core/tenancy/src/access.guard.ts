import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestAuthenticator, type Principal } from '@kraftsamling/api/core/auth';
import { runWithDbContext } from '@kraftsamling/api/core/database';
import { badInput, forbidden, notFound } from '@kraftsamling/api/core/errors';
import { ACCESS_RULE, type AccessRule, type TenantSource } from './access';
import { operationContext, valueAt, type OperationContext } from './request-context';
import { dbContextOf } from './db-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
    context.getHandler(),
    context.getClass(),
  ]);
}

/**
 * Resolves the collaboration an operation is about. Slugs are looked up once per
 * request. Returns null when the slug names no collaboration.
 */
export function tenantIdFromContext(
  operation: OperationContext,
  source: TenantSource,
): string | null | undefined {
  if ('parent' in source) return valueAt(operation.parent, source.parent) as string | undefined;
  const value = valueAt(operation.args, source.arg);
  if (namesSlug(source, value)) return operation.request.collaborationIdsBySlug?.get(String(value));
  return value as string | undefined;
}

/** Whether the argument's value is a slug to look up: always for `slug`, for `idOrSlug` unless it is an id. */
function namesSlug(source: { by?: 'id' | 'slug' | 'idOrSlug' }, value: unknown): boolean {
  return (
    source.by === 'slug' || (source.by === 'idOrSlug' && !(typeof value === 'string' && UUID.test(value)))
  );
}

/**
 * The global guard: the server's only enforcement of permissions. It fails closed: an
 * operation that declares no access rule is refused, whoever asks.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = accessRuleOf(this.reflector, context);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw forbidden('This operation is not available.');
    }
    if (rule.kind === 'public') return true;

    const operation = operationContext(context);
    const principal = await this.authenticator.authenticate(operation.request);
    if (rule.kind === 'authenticated') return true;
    if (rule.kind === 'platform') {
      // Security invariant: platform data (official statistics) is changed only with a realm
      // role from the identity provider, whatever roles the user holds in collaborations.
      if (!principal.canOnPlatform(rule.permission))
        throw forbidden(
          `This changes official statistics, which every collaboration reads: it needs "${rule.permission}", given by the realm role statistics-steward.`,
        );
      return true;
    }

    const tenant = rule.tenant;
    if ('arg' in tenant && namesSlug(tenant, valueAt(operation.args, tenant.arg)))
      await this.resolveSlug(operation, tenant.arg, principal);
    const collaborationId = tenantIdFromContext(operation, tenant);
    if (collaborationId === null)
      throw this.unknownCollaboration(
        principal,
        String('arg' in tenant ? valueAt(operation.args, tenant.arg) : ''),
      );
    if (typeof collaborationId !== 'string' || !UUID.test(collaborationId)) {
      const field = 'arg' in tenant ? tenant.arg : tenant.parent;
      throw badInput([{ field, message: 'must be the id (a UUID) of a collaboration' }]);
    }
    // Security invariant: permissions come from this user's memberships in *this*
    // collaboration (or the platform-admin realm role), never from the client.
    if (!principal.can(rule.permission, collaborationId)) {
      throw forbidden(
        principal.isMemberOf(collaborationId)
          ? `Your role in this collaboration does not allow this (it needs "${rule.permission}"). Ask a coordinator if you need it.`
          : 'You are not a member of this collaboration. Ask its coordinator to add you.',
      );
    }
    return true;
  }

  private async resolveSlug(
    operation: OperationContext,
    argPath: string,
    principal: Principal,
  ): Promise<void> {
    const slug = valueAt(operation.args, argPath);
    if (typeof slug !== 'string')
      throw badInput([{ field: argPath, message: 'must be a collaboration slug' }]);
    const cache = (operation.request.collaborationIdsBySlug ??= new Map());
    if (!cache.has(slug)) {
      // Row-level security shows the user only collaborations they belong to (all of
      // them to a platform admin): the same answer as the permission check below.
      const rows = (await runWithDbContext(dbContextOf(principal, null), () =>
        this.dataSource.query(`SELECT id FROM collaboration WHERE slug = $1`, [slug]),
      )) as { id: string }[];
      cache.set(slug, rows[0]?.id ?? null);
    }
  }

  /** Only a platform admin learns that a slug does not exist; others cannot probe for names. */
  private unknownCollaboration(principal: Principal, slug: string) {
    return principal.isPlatformAdmin
      ? notFound('Collaboration', slug)
      : forbidden('You are not a member of this collaboration. Ask its coordinator to add you.');
  }
}
