import { BadRequestException, Logger } from '@nestjs/common';
import { IsEmail, IsInt, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { badInput, conflict, DomainError, ErrorCode, isUniqueViolation } from './domain-error';
import { formatGraphQLError, toGraphQLError } from './graphql-errors';
import { createValidationPipe } from './validation';

class Inner {
  @IsInt() count!: number;
}
class Outer {
  @IsEmail() email!: string;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

describe('errors as clients see them', () => {
  it('keeps the code, message and fields of a domain error', () => {
    const error = toGraphQLError(badInput([{ field: 'input.email', message: 'must be an e-mail address' }]));
    expect(error.message).toBe('Invalid input: input.email: must be an e-mail address');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.email', message: 'must be an e-mail address' }],
    });
  });

  it('tells the user what to do on a conflict', () => {
    expect(conflict('Group', 'g1').message).toMatch(/Reload it and make your change again/);
  });

  it('carries what is stored now in extensions.current on a conflict, when given', () => {
    expect(toGraphQLError(conflict('Action', 'a1', { id: 'a1', version: 3 })).extensions).toEqual({
      code: 'CONFLICT',
      current: { id: 'a1', version: 3 },
    });
    expect(toGraphQLError(conflict('Group', 'g1')).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('maps HTTP exceptions to their GraphQL codes', () => {
    expect(toGraphQLError(new BadRequestException('nope')).extensions['code']).toBe(ErrorCode.BadUserInput);
  });

  it('never sends an internal message to the client', () => {
    Logger.overrideLogger(false); // the real message is logged server-side; keep test output clean
    const error = toGraphQLError(new Error('relation "secret_table" does not exist'));
    expect(error.message).not.toMatch(/secret_table/);
    expect(error.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
    const formatted = formatGraphQLError({
      message: 'ECONNREFUSED 10.0.0.1:5432',
      extensions: { code: 'SOMETHING', stacktrace: ['at x'] },
    });
    expect(formatted).toEqual({
      message: expect.stringMatching(/^Internal server error/),
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('drops stack traces from errors it lets through', () => {
    const formatted = formatGraphQLError({
      message: 'Forbidden',
      extensions: { code: 'FORBIDDEN', stacktrace: ['at x'] },
    });
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('recognises a unique violation by constraint name', () => {
    const error = { driverError: { code: '23505', constraint: 'group_name_unique' } };
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'group_name_unique')).toBe(true);
    expect(isUniqueViolation(error, 'other')).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
  });
});

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

  it('reports every invalid field with its path, nested ones included', async () => {
    const error = (await validate({ email: 'nope', inner: { count: 'x' } }).catch((e) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields.map((f) => f.field)).toEqual(['input.email', 'input.inner.count']);
  });

  it('refuses fields the input does not declare', async () => {
    const error = (await validate({ email: 'a@b.se', inner: { count: 1 }, role: 'ADMIN' }).catch(
      (e) => e,
    )) as DomainError;
    expect(error.fields).toEqual([{ field: 'input.role', message: 'property role should not exist' }]);
  });

  it('passes valid input through as an instance of the input class', async () => {
    await expect(validate({ email: 'a@b.se', inner: { count: 1 } })).resolves.toBeInstanceOf(Outer);
  });
});
