import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/** Whether a document asks for the schema (`__schema`, `__type`; `__typename` is not introspection). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export interface IntrospectionAccess<Context> {
  /** In development signed-in users may introspect (tools, codegen); in production nobody. */
  allowSignedIn: boolean;
  /** Rejects when the request carries no valid access token. */
  authenticate: (context: Context) => Promise<unknown>;
}

/**
 * Security invariant: the schema is not shown to anonymous callers (nor, in production, to
 * anyone), so an outsider cannot list every operation to attack. Checked after validation,
 * before execution; the web app needs no introspection (its types come from schema.gql).
 */
export function introspectionAccess<Context extends object>(
  access: IntrospectionAccess<Context>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksForSchema(document)) return;
          if (!access.allowSignedIn)
            throw new GraphQLError('Introspection is turned off on this server.', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          try {
            await access.authenticate(contextValue);
          } catch {
            throw new GraphQLError('Introspection is available only to signed-in users.', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}
