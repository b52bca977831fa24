import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedRequest } from '@kraftsamling/api/core/auth';
import type { LoaderRequest } from './request-loaders';

/** What tenancy caches on the request: slugs already resolved to collaboration ids. */
export interface TenantRequest extends AuthenticatedRequest, LoaderRequest {
  collaborationIdsBySlug?: Map<string, string | null>;
}

export interface OperationContext {
  request: TenantRequest;
  args: Record<string, unknown>;
  parent: Record<string, unknown> | undefined;
}

export function operationContext(context: ExecutionContext): OperationContext {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context);
    return {
      request: gql.getContext<{ req: TenantRequest }>().req,
      args: gql.getArgs(),
      parent: gql.getRoot(),
    };
  }
  const request = context
    .switchToHttp()
    .getRequest<TenantRequest & { params?: Record<string, unknown>; query?: Record<string, unknown> }>();
  // HTTP routes name their collaboration in the path or the query string: the guard runs
  // before any body (an upload) is read.
  return { request, args: { ...(request.query ?? {}), ...(request.params ?? {}) }, parent: undefined };
}

export function valueAt(source: Record<string, unknown> | undefined, dottedPath: string): unknown {
  return dottedPath
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      source,
    );
}
