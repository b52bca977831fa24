import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * What one GraphQL document may ask for. Each is stricter than graphql-armor's default
 * (or equal, for tokens) and leaves room above the deepest and largest document the web
 * app sends (`apps/api/src/graphql-documents.spec.ts` checks every one of them).
 */
export const GRAPHQL_LIMITS = {
  /** Nested selections, fragment spreads counted as a level. */
  maxDepth: 8,
  /** Aliased fields: what turned one request into a hundred series reads. */
  maxAliases: 5,
  /** Lexical tokens of the document, checked while parsing, before anything else. */
  maxTokens: 1000,
  maxDirectives: 10,
  /** graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level, fragments counted per use). */
  maxStructuralCost: 3000,
  /**
   * The cost of what the document asks the database for, with its variables: a series
   * costs its areas × months (see `seriesCost` in api/indicators). 10 000 lets one area's
   * whole history, a collaboration's municipalities over 20 years, or all 290 municipalities
   * over a year through, and not all of them over ten years.
   */
  maxQueryCost: 10_000,
} as const;

/** How every limit answers: the validation failure code, HTTP 400, and the limit by name. */
const refusal = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });

/**
 * graphql-armor's checks on the document alone (no variables): they run while parsing and
 * validating, so a refused document never reaches a resolver. Field suggestions ("Did you
 * mean …") are masked so the schema cannot be mapped by misspelling.
 */
export function documentLimits(): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] } {
  // graphql-armor prefixes its messages with "Syntax Error: "; the document is well formed,
  // it asks for too much, so the message says only which limit and by how much.
  const limitMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');
  const report = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(refusal(limitMessage(error))),
    ],
  };
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: false, ...report },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...report },
    // Counted while parsing, where there is no validation context to report to: thrown.
    maxTokens: {
      n: GRAPHQL_LIMITS.maxTokens,
      onReject: [
        (_context: ValidationContext | null, error: GraphQLError) => {
          throw refusal(limitMessage(error));
        },
      ],
    },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...report },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxStructuralCost, ...report },
    blockFieldSuggestion: { mask: '' },
  }).protect();
  return {
    validationRules: protection.validationRules as ValidationRule[],
    plugins: protection.plugins as ApolloServerPlugin[],
  };
}

/**
 * The cost of an operation from the `complexity` its fields declare (`@Query(…, {
 * complexity })`), evaluated with the request's variables; fields that declare none cost
 * nothing here (their shape is bounded by `documentLimits`).
 */
export function queryCost(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables: variables ?? {},
    operationName,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 0 })],
  });
}

/**
 * The refusal of an operation whose cost (see `queryCost`) is over the limit, or null: what
 * `queryCostLimit` answers over HTTP and the websocket transport answers for a subscription.
 * Variables that do not fit their types are refused by execution (BAD_USER_INPUT, before any
 * resolver runs); there is no cost to weigh.
 */
export function queryCostProblem(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName?: string,
  maxCost: number = GRAPHQL_LIMITS.maxQueryCost,
): GraphQLError | null {
  const operation = getOperationAST(document, operationName);
  const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const cost = queryCost(schema, document, variables, operationName);
  return cost > maxCost
    ? refusal(
        `Query cost limit of ${maxCost} exceeded, found ${cost}: a series costs its areas × months. Ask for fewer areas or a shorter period at a time.`,
      )
    : null;
}

/**
 * Refuses an operation whose cost is over the limit (`queryCostProblem`), after the document
 * is validated and before anything executes: the answer to 100 aliased series over 290
 * areas, which a static per-field cost cannot see.
 */
export function queryCostLimit(
  maxCost: number = GRAPHQL_LIMITS.maxQueryCost,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const problem = queryCostProblem(
            schema,
            document,
            request.variables,
            request.operationName ?? undefined,
            maxCost,
          );
          if (problem) throw problem;
        },
      };
    },
  };
}
