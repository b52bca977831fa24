import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OrganizationKind } from '@kraftsamling/api/core/database';
import { OrganizationKindEnum } from './models';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class AddPartnerOrganizationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a collaboration' })
  collaborationId!: string;

  @Field(() => OrganizationKindEnum)
  @IsIn(Object.values(OrganizationKind), {
    message: `must be one of ${Object.values(OrganizationKind).join(', ')}`,
  })
  kind!: OrganizationKind;

  @Field(() => String)
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Required for a municipality: its 4-digit SCB code.' })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: 'must be a 4-digit SCB municipality code, e.g. 1283' })
  municipalityCode?: string;
}
