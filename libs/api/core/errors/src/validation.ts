import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badInput, type FieldProblem } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The global validation pipe: unknown fields are refused, not dropped silently, and
 * every problem is reported with its field so the client can show it where it belongs.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badInput(flatten(errors, 'input')),
  });
}
