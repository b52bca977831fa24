import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationKind } from '@kraftsamling/api/core/database';

export const OrganizationKindEnum = Object.fromEntries(
  Object.values(OrganizationKind).map((kind) => [kind, kind]),
) as {
  [K in OrganizationKind]: K;
};
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });

@ObjectType('County')
export class CountyModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Municipality', {
  description: 'A Swedish municipality, identified by its 4-digit SCB code (public reference data).',
})
export class MunicipalityModel {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'The short name ("Helsingborg"), for where space is short.' }) name!: string;
  @Field(() => String, {
    description: 'The name the municipality calls itself by ("Bjuvs kommun", "Helsingborgs stad").',
  })
  properName!: string;
  @Field(() => CountyModel) county!: CountyModel;
}

@ObjectType('Organization', {
  description: 'A member of a collaboration: a municipality, the employment agency or another partner.',
})
export class OrganizationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => OrganizationKindEnum) kind!: OrganizationKind;
  @Field(() => String) name!: string;
  @Field(() => String, {
    description:
      'The whole name to show: a municipality’s proper name ("Helsingborgs stad"), else the organisation’s name.',
  })
  properName!: string;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
  @Field(() => MunicipalityModel, { nullable: true }) municipality!: MunicipalityModel | null;
  @Field(() => Int) version!: number;
}
