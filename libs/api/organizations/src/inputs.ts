import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrganizationKind } from '@kraftsamling/api/core/database';
import { TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import { OrganizationKindEnum } from './models';

@InputType()
export class AddPartnerOrganizationInput extends TenantInput {
  @Field(() => OrganizationKindEnum)
  @IsIn(Object.values(OrganizationKind), {
    message: `must be one of ${Object.values(OrganizationKind).join(', ')}`,
  })
  kind!: OrganizationKind;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Required for a municipality: its 4-digit SCB code.' })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: 'must be a 4-digit SCB municipality code, e.g. 1283' })
  municipalityCode?: string;
}
