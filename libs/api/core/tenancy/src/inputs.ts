import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsUUID, Min } from 'class-validator';

/** Surrounding white space is never meant: "  Arbetsmarknad " is "Arbetsmarknad". */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * The version of an editable row the client loaded. The write checks it, so an edit made
 * by someone else in the meantime is never silently overwritten.
 */
export const ExpectedVersion = () =>
  applyDecorators(
    Field(() => Int, {
      description: 'The version you loaded; a newer edit by someone else is never overwritten.',
    }),
    IsInt(),
    Min(1),
  );

/** Every mutation input names its collaboration: the tenant the access guard checks. */
@InputType({ isAbstract: true })
export abstract class TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;
}
