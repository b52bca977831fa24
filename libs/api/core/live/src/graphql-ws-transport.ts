import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context as WsContext, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { AccessTokenClaims, AuthenticatedRequest } from '@kraftsamling/api/core/auth';
import { formatGraphQLError, toGraphQLError } from '@kraftsamling/api/core/errors';

/** What graphql-ws's `ws` adapter puts into `ctx.extra`. */
interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
}
type LiveContext = WsContext<Record<string, unknown> | undefined, unknown>;
const extraOf = (ctx: LiveContext) => ctx.extra as WsExtra;

/**
 * The request one websocket operation carries through the guards: the same shape as an HTTP
 * request's (AccessGuard, @Tenant and the tenant interceptor read `req` from the GraphQL
 * context), with the connection's bearer token as its Authorization header. A new one for
 * every subscription, so memberships are read afresh and DataLoaders are never shared.
 */
export interface WebSocketOperationRequest extends AuthenticatedRequest {
  ip: string | undefined;
  transport: 'websocket';
}

export interface GraphqlWsDependencies {
  /** Verifies a bearer token as HTTP requests are verified (RequestAuthenticator.claims). */
  verify(request: AuthenticatedRequest): Promise<AccessTokenClaims>;
  /** Counts a message against the subject's rate limit; seconds to wait when over it. */
  countMessage(subject: string): Promise<number | null>;
  /** The validation rules HTTP documents pass (graphql-armor's limits). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** Refuses a document whose cost is over the limit (as HTTP's queryCostLimit). */
  costProblem(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): GraphQLError | null;
  /** The executable schema (known once the GraphQL module has built it). */
  schema(): GraphQLSchema;
}

interface Connection {
  authorization: string;
  /** `accept-language` of connectionParams: the language names are given in, as over HTTP */
  language: string | undefined;
  subject: string;
  expiry: NodeJS.Timeout | null;
}

const connections = new WeakMap<LiveContext, Connection>();

/** A websocket close reason may hold at most 123 bytes. */
function closeReason(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123
    ? text
    : `${bytes
        .subarray(0, 120)
        .toString()
        .replace(/\uFFFD+$/, '')}...`;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Errors as HTTP clients see them: known codes keep their message, nothing internal leaks. */
function formatted(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) => formatGraphQLError(toGraphQLError(error).toJSON()));
}

/**
 * The GraphQL context of an operation, for both transports: HTTP gives `{ req }`; a websocket
 * operation gets its own request built from the connection (see WebSocketOperationRequest).
 */
export function graphqlContext(input: { req?: unknown } | LiveContext): { req: unknown } {
  if ('req' in input && input.req) return { req: input.req };
  const ctx = input as LiveContext;
  const connection = connections.get(ctx);
  // graphql-ws calls the context only after onConnect acknowledged the connection.
  if (!connection) throw new Error('websocket operation on a connection that was not authenticated');
  const request: WebSocketOperationRequest = {
    headers: {
      authorization: connection.authorization,
      ...(connection.language ? { 'accept-language': connection.language } : {}),
    },
    ip: extraOf(ctx).request.socket.remoteAddress,
    transport: 'websocket',
  };
  return { req: request };
}

/**
 * graphql-ws on /graphql (ADR 8):
 * - connect: `connectionParams.authorization` must carry a valid access token (verified like
 *   HTTP's), else the socket closes with 4401; the connection counts against the user's
 *   rate limit (over it: 1013 "try again later", which clients retry with back-off).
 * - when that token expires the socket closes with 4403, which clients retry: they reconnect
 *   with a fresh token and subscribe again, and the guards check the user's access again.
 * - subscribe: only subscriptions (queries and mutations go over HTTP, through the rate
 *   limiter and the cached reads), with the same document and cost limits as HTTP.
 * - every event's result is formatted like an HTTP answer, and the operation's per-request
 *   DataLoaders are dropped after each event, so no event reads another's cached rows.
 */
export function graphqlWsOptions(
  deps: GraphqlWsDependencies,
): Partial<ServerOptions<Record<string, unknown> | undefined, unknown>> {
  return {
    connectionInitWaitTimeout: 5_000,
    onConnect: async (ctx) => {
      const socket = extraOf(ctx).socket;
      const raw = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
      if (typeof raw !== 'string' || !raw.trim()) {
        socket.close(
          CloseCode.Unauthorized,
          closeReason(
            'Unauthorized: connection_init carries no access token (authorization: Bearer <token>)',
          ),
        );
        return false;
      }
      const authorization = /^bearer\s/i.test(raw.trim()) ? raw.trim() : `Bearer ${raw.trim()}`;
      let claims: AccessTokenClaims;
      try {
        claims = await deps.verify({ headers: { authorization } });
      } catch (error) {
        socket.close(CloseCode.Unauthorized, closeReason(`Unauthorized: ${(error as Error).message}`));
        return false;
      }
      const retryAfter = await deps.countMessage(claims.sub);
      if (retryAfter !== null) {
        socket.close(1013, closeReason(`Too many requests: wait ${retryAfter} s and try again.`));
        return false;
      }
      // Security invariant: a connection lives no longer than the token it was opened with.
      const msLeft = (claims.exp ?? 0) * 1000 - Date.now();
      const expiry = setTimeout(
        () =>
          socket.close(
            CloseCode.Forbidden,
            'Forbidden: the access token expired; reconnect with a fresh one',
          ),
        Math.max(0, Math.min(msLeft, 2 ** 31 - 1)),
      );
      expiry.unref();
      const language = ctx.connectionParams?.['accept-language'];
      connections.set(ctx, {
        authorization,
        language: typeof language === 'string' ? language.slice(0, 100) : undefined,
        subject: claims.sub,
        expiry,
      });
      return true;
    },
    onClose: (ctx) => {
      const connection = connections.get(ctx);
      if (connection?.expiry) clearTimeout(connection.expiry);
      connections.delete(ctx);
    },
    onSubscribe: async (ctx, _id, payload) => {
      const connection = connections.get(ctx)!;
      const retryAfter = await deps.countMessage(connection.subject);
      if (retryAfter !== null)
        return [refusal(`Too many requests: wait ${retryAfter} s and try again.`, 'TOO_MANY_REQUESTS')];
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: deps.maxTokens });
      } catch (error) {
        const message = (error as Error).message.replace(/^Syntax Error: /, '');
        // Worded as HTTP's limit (graphql-armor) words it.
        return [
          /more th[ae]t? \d+ tokens/.test(message)
            ? refusal(`Token limit of ${deps.maxTokens} exceeded.`, 'GRAPHQL_VALIDATION_FAILED')
            : refusal(`Syntax error: ${message}`, 'GRAPHQL_PARSE_FAILED'),
        ];
      }
      const schema = deps.schema();
      const problems = validate(schema, document, [...specifiedRules, ...deps.validationRules]);
      if (problems.length)
        return problems.map((problem) => refusal(problem.message, 'GRAPHQL_VALIDATION_FAILED'));
      const operationName = payload.operationName ?? undefined;
      const operation = getOperationAST(document, operationName);
      if (!operation) return [refusal('Name the operation to run (operationName).', 'BAD_REQUEST')];
      if (operation.operation !== 'subscription')
        return [
          refusal(
            `Only subscriptions run over the websocket: send the ${operation.operation} to /graphql over HTTP.`,
            'BAD_REQUEST',
          ),
        ];
      if (!schema.getSubscriptionType())
        return [refusal('This server offers no subscriptions.', 'GRAPHQL_VALIDATION_FAILED')];
      // As Apollo answers over HTTP: variables that do not fit their types are the client's error.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
      if (coerced.errors) return coerced.errors.map((error) => refusal(error.message, 'BAD_USER_INPUT'));
      const costProblem = deps.costProblem(schema, document, payload.variables ?? undefined, operationName);
      if (costProblem) return [costProblem];
      const args: ExecutionArgs = { schema, document, operationName, variableValues: payload.variables };
      return args;
    },
    onNext: (_ctx, _id, _payload, args, result) => {
      // The subscription's DataLoaders belong to one event, like an HTTP request's.
      const request = (args.contextValue as { req?: { loaders?: unknown } } | undefined)?.req;
      if (request) delete request.loaders;
      return result.errors ? { ...result, errors: formatted(result.errors) } : undefined;
    },
    onError: (_ctx, _id, _payload, errors) => formatted(errors),
  };
}
