import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';

const logger = new Logger('Errors');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
};

/** Turns anything a resolver throws into a GraphQL error a client may see. */
export function toGraphQLError(exception: unknown): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof DomainError) {
    return new GraphQLError(exception.message, {
      extensions: {
        code: exception.code,
        ...(exception.fields.length ? { fields: exception.fields } : {}),
        ...(exception.current !== undefined ? { current: exception.current } : {}),
      },
    });
  }
  if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
    return new GraphQLError(exception.message, {
      extensions: { code: HTTP_STATUS_CODES[exception.getStatus()] },
    });
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return new GraphQLError('Internal server error. Try again; if it persists, contact support.', {
    extensions: { code: ErrorCode.Internal },
  });
}

/** Statuses only plain HTTP routes answer (uploads), with the code their JSON body carries. */
const HTTP_ONLY_CODES: Record<number, string> = {
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): unknown;
  headersSent?: boolean;
}

/**
 * One filter for both kinds of request: GraphQL errors for resolvers, and for plain HTTP
 * routes (health, uploads) the status with a JSON body `{ code, message }`, the same
 * codes and the same rule that internal messages never reach the client.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception);
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (response.headersSent) return undefined;
    if (exception instanceof DomainError) {
      return response
        .status(HTTP_STATUS_OF[exception.code])
        .json({ code: exception.code, message: exception.message, fields: exception.fields });
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const code =
        HTTP_STATUS_CODES[exception.getStatus()] ?? HTTP_ONLY_CODES[exception.getStatus()] ?? 'HTTP_ERROR';
      return response
        .status(exception.getStatus())
        .json(
          typeof body === 'object' && body !== null && !('message' in body && 'statusCode' in body)
            ? body
            : { code, message: exception.message },
        );
    }
    const error = toGraphQLError(exception);
    return response.status(500).json({ code: ErrorCode.Internal, message: error.message });
  }
}

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's last word on every error: keep messages of known codes, replace anything else
 * (errors from outside the resolvers included) by a generic one, and never send stacks.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.['code'] ?? ErrorCode.Internal);
  if (!CLIENT_CODES.has(code) || code === ErrorCode.Internal) {
    return {
      message: 'Internal server error. Try again; if it persists, contact support.',
      path: formatted.path,
      extensions: { code: ErrorCode.Internal },
    };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
