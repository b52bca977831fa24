import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '@kraftsamling/api/core/tenancy';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType('AuditEventFilter', { description: 'Narrows the audit log; every part is optional.' })
export class AuditEventFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the acting person’s name, e-mail or username.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 200, { message: 'must be at most 200 characters' })
  person?: string;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. membership, group, organization, indicator, import_batch',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 64, { message: 'must be at most 64 characters' })
  entityType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 200, { message: 'must be at most 200 characters' })
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD, Swedish time), inclusive.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date, YYYY-MM-DD' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD, Swedish time), inclusive.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date, YYYY-MM-DD' })
  to?: string;
}

@ObjectType('AuditEvent', { description: 'One recorded change: who, when, what, before and after.' })
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { description: '<entity>.<verb>, e.g. membership.added' }) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'The state before, as JSON.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'The state after, as JSON.' }) after!: string | null;
}

@ObjectType('AuditEventPage')
export class AuditEventPageModel {
  @Field(() => [AuditEventModel]) items!: AuditEventModel[];
  @Field(() => Int, { description: 'How many events match the filter in all.' }) totalCount!: number;
}
