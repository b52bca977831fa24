import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ERROR_CODES, ERROR_MESSAGE_KEYS, fieldError, isRetryable, toAppError } from './app-error';

function graphqlError(code: string, extensions: Record<string, unknown> = {}) {
  return new CombinedGraphQLErrors({ data: null }, [
    { message: 'failed', extensions: { code, ...extensions } },
  ]);
}

function serverError(status: number, body: unknown = {}) {
  return new ServerError(`Response not successful: Received status code ${status}`, {
    response: { status, statusText: '', ok: false, url: '/graphql', headers: new Headers() } as Response,
    bodyText: JSON.stringify(body),
  });
}

describe('toAppError', () => {
  it.each([
    ['UNAUTHENTICATED', 'errors.unauthenticated'],
    ['FORBIDDEN', 'errors.forbidden'],
    ['NOT_FOUND', 'errors.notFound'],
    ['BAD_USER_INPUT', 'errors.badUserInput'],
    ['CONFLICT', 'errors.conflict'],
    ['INTERNAL_SERVER_ERROR', 'errors.internal'],
  ])('maps the GraphQL error code %s to the message %s', (code, messageKey) => {
    expect(toAppError(graphqlError(code))).toEqual({ code, messageKey, fields: [] });
  });

  it('maps a 429 from the rate limit to TOO_MANY_REQUESTS, which the user may retry after a wait', () => {
    const body = { errors: [{ message: 'Too many requests', extensions: { code: 'TOO_MANY_REQUESTS' } }] };
    const error = toAppError(serverError(429, body));
    expect(error).toEqual({ code: 'TOO_MANY_REQUESTS', messageKey: 'errors.tooManyRequests', fields: [] });
    expect(isRetryable(error)).toBe(true);
    expect(toAppError(serverError(429)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('collects the field errors of BAD_USER_INPUT without the input. prefix', () => {
    const error = toAppError(
      graphqlError('BAD_USER_INPUT', {
        fields: [
          { field: 'email', message: 'must be an e-mail address' },
          { field: 'input.organizationId', message: 'must be a municipality' },
          { nonsense: true },
        ],
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([
      { field: 'email', message: 'must be an e-mail address' },
      { field: 'organizationId', message: 'must be a municipality' },
    ]);
    expect(fieldError(error, 'organizationId')?.message).toBe('must be a municipality');
  });

  it('lets a caller give a code a more specific message', () => {
    expect(toAppError(graphqlError('CONFLICT'), { CONFLICT: 'members.add.errors.conflict' }).messageKey).toBe(
      'members.add.errors.conflict',
    );
  });

  it('keeps the newer record a CONFLICT carries, and nothing for other codes', () => {
    const current = { id: 'a1', title: 'Newer title', version: 4 };
    expect(toAppError(graphqlError('CONFLICT', { current })).current).toEqual(current);
    expect(toAppError(graphqlError('CONFLICT')).current).toBeUndefined();
    expect('current' in toAppError(graphqlError('NOT_FOUND', { current }))).toBe(false);
  });

  it('reads GraphQL errors from a non-2xx HTTP answer, else maps the status', () => {
    expect(
      toAppError(serverError(400, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }))
        .code,
    ).toBe('BAD_USER_INPUT');
    expect(toAppError(serverError(401)).code).toBe('UNAUTHENTICATED');
    expect(toAppError(serverError(403)).code).toBe('FORBIDDEN');
    expect(toAppError(serverError(502)).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('treats anything else (network failure, unknown code) as UNKNOWN with a "check your connection" message', () => {
    expect(toAppError(new Error('Failed to fetch'))).toEqual({
      code: 'UNKNOWN',
      messageKey: 'errors.unknown',
      fields: [],
    });
    expect(toAppError(graphqlError('TEAPOT')).code).toBe('UNKNOWN');
  });

  it('has a message for every code', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGE_KEYS[code]).toMatch(/^errors\./);
  });

  it('offers a retry only where trying again can help', () => {
    expect(isRetryable(toAppError(new Error('offline')))).toBe(true);
    expect(isRetryable(toAppError(graphqlError('INTERNAL_SERVER_ERROR')))).toBe(true);
    expect(isRetryable(toAppError(graphqlError('NOT_FOUND')))).toBe(false);
    expect(isRetryable(toAppError(graphqlError('FORBIDDEN')))).toBe(false);
  });
});
