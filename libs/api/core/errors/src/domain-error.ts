/** The error codes clients see in `extensions.code`; one enum for the whole API. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one input field: where (a dotted path such as `input.email`) and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the client may see as it is. Anything else thrown inside the API is
 * reported as INTERNAL_SERVER_ERROR with a generic message: internal messages (SQL,
 * stack traces) never reach the client.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** For a CONFLICT: what is stored now, so the client can show it without another round trip. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (
  message = 'Sign in to continue: the request carries no valid access token.',
) => new DomainError(ErrorCode.Unauthenticated, message);

export const forbidden = (message: string) => new DomainError(ErrorCode.Forbidden, message);

export const notFound = (entity: string, id: string) =>
  new DomainError(ErrorCode.NotFound, `${entity} ${id} does not exist in this collaboration.`);

/**
 * A write based on a version someone else has replaced. `current`, when given, is what is
 * stored now: it reaches the client in `extensions.current`, so it can show the newer
 * version beside the user's own without another round trip.
 */
export const conflict = (entity: string, id: string, current?: unknown) =>
  new DomainError(
    ErrorCode.Conflict,
    `${entity} ${id} was changed by someone else since you loaded it. Reload it and make your change again.`,
    [],
    current,
  );

export const badInput = (fields: FieldProblem[]) =>
  new DomainError(
    ErrorCode.BadUserInput,
    `Invalid input: ${fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
    fields,
  );

/** True when the named PostgreSQL constraint (a check, or one a trigger raises) refused a write. */
export function isConstraintViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { constraint?: string } })?.driverError ?? (error as { constraint?: string });
  return driverError?.constraint === constraint;
}

/** True when a PostgreSQL unique constraint (optionally a named one) refused a write. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ??
    (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}
