import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import { RequestAuthenticator, type AuthenticatedRequest } from '@kraftsamling/api/core/auth';
import { DataChangeFeed } from '@kraftsamling/api/core/database';

/**
 * Root query fields whose whole answer derives from tables the data-change feed covers
 * (values, indicators, organisations, memberships, goals and their check-ins, baseline
 * changes and decisions). Only operations made of these alone are cached.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'goals',
  'goal',
  'decisions',
  'regionSeries',
]);

const MAX_ENTRIES = 2000;

interface Entry {
  generation: number;
  result: Record<string, unknown>;
}

function cacheableRootFields(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      !selection.directives?.length &&
      CACHEABLE_ROOT_FIELDS.has(selection.name.value),
  );
}

/**
 * Caches whole answers of the steering group's reads (goal progress, decisions, region
 * series), which change only when data does. Security invariants:
 * - the key includes the signed-in user, so an answer is only ever replayed to the user it
 *   was computed for, and the token is verified on every request before a replay;
 * - memberships are covered by the change feed, so a changed role drops every entry;
 * - nothing is cached while the feed is down, and an answer computed while a change
 *   arrived is not kept (the generation must be the same before and after).
 */
@Plugin()
export class CachedReadsPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly changes: DataChangeFeed,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    let key: string | null = null;
    let generation: number | null = null;
    return {
      responseForOperation: async (requestContext) => {
        generation = this.changes.generation;
        if (generation === null || !cacheableRootFields(requestContext.operation)) return null;
        const request = (requestContext.contextValue as { req?: AuthenticatedRequest }).req;
        if (!request) return null;
        // Anyone not signed in goes the normal way and gets the normal error.
        const principal = await this.authenticator.authenticate(request).catch(() => null);
        if (!principal) return null;
        key = createHash('sha256')
          .update(principal.userId)
          .update('\0')
          .update(requestContext.source)
          .update('\0')
          .update(JSON.stringify(requestContext.request.variables ?? {}))
          .update('\0')
          .update(requestContext.operationName ?? '')
          .digest('base64');
        const entry = this.entries.get(key);
        if (!entry || entry.generation !== generation) return null;
        // Says so, for the operator and the tests; it reveals nothing the answer does not.
        requestContext.response.http.headers.set('x-kraftsamling-cache', 'hit');
        return { http: requestContext.response.http, body: { kind: 'single', singleResult: entry.result } };
      },
      willSendResponse: async (requestContext) => {
        if (key === null || generation === null || this.changes.generation !== generation) return;
        const body = requestContext.response.body;
        if (body.kind !== 'single' || body.singleResult.errors?.length) return;
        if (this.entries.get(key)?.generation === generation) return;
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.entries.set(key, { generation, result: body.singleResult as Record<string, unknown> });
      },
    };
  }
}
