import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The error codes the API puts in `extensions.code`, plus what can go wrong before it answers. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid input field, as the API reports it for BAD_USER_INPUT. */
export interface FieldError {
  /** The input field's name (`email`, `organizationId`, …), without any `input.` prefix. */
  field: string;
  message: string;
}

/** An error as the UI shows it: a translation key telling the user what to do, and field errors. */
export interface AppError {
  code: ErrorCode;
  messageKey: string;
  fields: FieldError[];
  /**
   * For CONFLICT, when the API sends it: the record as it now is (someone else's newer
   * version), so the form can show what changed instead of only refusing.
   */
  current?: unknown;
}

/** Translation keys of the message shown for each code: say what happened and what to do. */
export const ERROR_MESSAGE_KEYS: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  BAD_USER_INPUT: 'errors.badUserInput',
  CONFLICT: 'errors.conflict',
  TOO_MANY_REQUESTS: 'errors.tooManyRequests',
  INTERNAL_SERVER_ERROR: 'errors.internal',
  UNKNOWN: 'errors.unknown',
};

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fieldErrors(errors: readonly GraphQLFormattedError[]): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const reported = error.extensions?.['fields'];
    if (!Array.isArray(reported)) continue;
    for (const entry of reported as unknown[]) {
      const { field, message } = (entry ?? {}) as { field?: unknown; message?: unknown };
      if (typeof field !== 'string') continue;
      fields.push({
        field: field.replace(/^input\./, ''),
        message: typeof message === 'string' ? message : '',
      });
    }
  }
  return fields;
}

function fromGraphQLErrors(
  errors: readonly GraphQLFormattedError[],
): { code: ErrorCode; fields: FieldError[]; current?: unknown } | null {
  // The first error with a known code decides; field errors are collected from all of them.
  const code = errors.map((error) => error.extensions?.['code']).find(isErrorCode);
  if (!code) return null;
  const current = errors.find((error) => error.extensions?.['current'] !== undefined)?.extensions?.[
    'current'
  ];
  return {
    code,
    fields: code === 'BAD_USER_INPUT' ? fieldErrors(errors) : [],
    ...(code === 'CONFLICT' && current !== undefined ? { current } : {}),
  };
}

function parseBodyErrors(bodyText: string): readonly GraphQLFormattedError[] {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body?.errors) ? (body.errors as GraphQLFormattedError[]) : [];
  } catch {
    return [];
  }
}

/**
 * Turns whatever an Apollo operation failed with into an AppError. `overrides` lets a
 * caller give a code a more specific message (e.g. CONFLICT on "add member" means the
 * person is already a member).
 */
export function toAppError(error: unknown, overrides: Partial<Record<ErrorCode, string>> = {}): AppError {
  let result: { code: ErrorCode; fields: FieldError[]; current?: unknown } | null = null;
  if (CombinedGraphQLErrors.is(error)) {
    result = fromGraphQLErrors(error.errors);
  } else if (ServerError.is(error)) {
    result = fromGraphQLErrors(parseBodyErrors(error.bodyText)) ?? {
      code: STATUS_CODES[error.statusCode] ?? (error.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN'),
      fields: [],
    };
  } else if (isAppError(error)) {
    result = error;
  }
  const code = result?.code ?? 'UNKNOWN';
  return {
    code,
    fields: result?.fields ?? [],
    messageKey: overrides[code] ?? ERROR_MESSAGE_KEYS[code],
    ...(result?.current !== undefined ? { current: result.current } : {}),
  };
}

export function isAppError(value: unknown): value is AppError {
  const candidate = value as Partial<AppError> | null;
  return (
    !!candidate &&
    isErrorCode(candidate.code) &&
    typeof candidate.messageKey === 'string' &&
    Array.isArray(candidate.fields)
  );
}

/**
 * Whether trying the same request again can help (a network hiccup, a server error, a
 * stale version). Not for "not found" or "forbidden": those need another address or a role.
 */
export function isRetryable(error: AppError): boolean {
  return (
    error.code === 'UNKNOWN' ||
    error.code === 'INTERNAL_SERVER_ERROR' ||
    error.code === 'CONFLICT' ||
    error.code === 'TOO_MANY_REQUESTS'
  );
}

/** The API's message for one field, if it reported one. */
export function fieldError(error: AppError | null | undefined, field: string): FieldError | undefined {
  return error?.fields.find((entry) => entry.field === field);
}
