import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IndicatorModel } from '@kraftsamling/api/indicators';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NormalisationEnum = enumOf([
  'AS_PUBLISHED',
  'PER_THOUSAND',
  'SHARE_OF',
  'INDEX',
  'CHANGE',
  'CHANGE_PERCENT',
] as const);
export const PeerKindEnum = enumOf(['MEMBERS', 'COUNTY', 'ALL', 'PEER_SET', 'AREAS'] as const);
export const UnrankedEnum = enumOf(['MISSING', 'BOUNDED'] as const);
export const PeerSetSourceEnum = enumOf(['CUSTOM', 'KOLADA'] as const);
registerEnumType(NormalisationEnum, {
  name: 'ComparisonNormalisation',
  description:
    'AS_PUBLISHED; PER_THOUSAND (1 000 · count ÷ population of the latest year at or before the period); SHARE_OF (100 · count ÷ another count, same area and period); INDEX (100 · v ÷ v at the base period); CHANGE and CHANGE_PERCENT since the base period.',
});
registerEnumType(PeerKindEnum, { name: 'PeerKind' });
registerEnumType(UnrankedEnum, { name: 'Unranked', description: 'Why an area has no rank.' });
registerEnumType(PeerSetSourceEnum, { name: 'PeerSetSource' });

@ObjectType('ValueBound', {
  description: 'A value known only as a range (e.g. AF’s "<5"), at a position of the periods.',
})
export class ValueBoundModel {
  @Field(() => Int) index!: number;
  @Field(() => Float) low!: number;
  @Field(() => Float, { nullable: true, description: 'null when only a low end is known ("at least N").' })
  high!: number | null;
}

@ObjectType('ComparedArea', {
  description: 'One area: a value per period (null where missing or only a range: see bounds), and its rank.',
})
export class ComparedAreaModel {
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => [Float], {
    nullable: 'items',
    description:
      'The exact figure per period; null where missing or only a range (ADR 9: never the "<5"’s stored 1).',
  })
  values!: (number | null)[];
  @Field(() => [ValueBoundModel], { description: 'The ranges, by position in values.' })
  bounds!: ValueBoundModel[];
  @Field(() => Int, {
    nullable: true,
    description: '1 = best in the indicator’s direction; ties share a rank',
  })
  rank!: number | null;
  @Field(() => Int, { nullable: true }) quartile!: number | null;
  @Field(() => UnrankedEnum, { nullable: true }) unranked!: keyof typeof UnrankedEnum | null;
}

@ObjectType('ComparisonTotal', {
  description:
    'The set’s own figure per period from summed counts (a ratio of sums, never a mean of ratios), with how many areas it covers.',
})
export class ComparisonTotalModel {
  @Field(() => [Float], {
    nullable: 'items',
    description: 'The exact total per period; null where none or where a part was only a range (see bounds).',
  })
  values!: (number | null)[];
  @Field(() => [ValueBoundModel], {
    description: 'Totals that include a range are ranges: Σ low ends … Σ high ends.',
  })
  bounds!: ValueBoundModel[];
  @Field(() => [Int]) included!: number[];
  @Field(() => Int) inScope!: number;
}

@ObjectType('ComparisonExclusion')
export class ComparisonExclusionModel {
  @Field(() => String) areaCode!: string;
  @Field(() => String, {
    description: 'NOT_A_MEMBER: a collaboration’s own indicator is compared among its members only',
  })
  reason!: string;
}

@ObjectType('Comparison', {
  description:
    'One indicator over a set of areas, compact: the periods once, each area’s values as an array.',
})
export class ComparisonModel {
  @Field(() => IndicatorModel) indicator!: IndicatorModel;
  @Field(() => NormalisationEnum) normalisation!: keyof typeof NormalisationEnum;
  @Field(() => String, {
    nullable: true,
    description: 'The dividing indicator of PER_THOUSAND and SHARE_OF.',
  })
  denominatorCode!: string | null;
  @Field(() => [String]) periods!: string[];
  @Field(() => String, { nullable: true }) basePeriod!: string | null;
  @Field(() => String, { nullable: true, description: 'The period the ranks are of.' }) rankPeriod!:
    string | null;
  @Field(() => [ComparedAreaModel]) areas!: ComparedAreaModel[];
  @Field(() => [Float], { nullable: 'items', description: 'Per period, of exact values only.' })
  median!: (number | null)[];
  @Field(() => ComparisonTotalModel) total!: ComparisonTotalModel;
  @Field(() => ComparedAreaModel, {
    nullable: true,
    description: 'The whole country, where the source has it.',
  })
  country!: ComparedAreaModel | null;
  @Field(() => [Int], {
    nullable: 'itemsAndList',
    description: 'PER_THOUSAND: the population year each period is divided by.',
  })
  populationYears!: (number | null)[] | null;
  @Field(() => [ComparisonExclusionModel]) excluded!: ComparisonExclusionModel[];
}

@ObjectType('SimilarMunicipality')
export class SimilarMunicipalityModel {
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => Float, {
    description: 'Distance on standardised values (0 = alike in every chosen indicator).',
  })
  distance!: number;
  @Field(() => [Float], {
    description:
      'Each indicator’s term of the squared distance (w · Δz² / Σ w): they sum to distance², so term ÷ distance² is its share.',
  })
  contributions!: number[];
  @Field(() => [Float], {
    nullable: 'items',
    description: 'Its value of each chosen indicator; null where missing or only a range.',
  })
  values!: (number | null)[];
}

@ObjectType('SimilarMunicipalities')
export class SimilarMunicipalitiesModel {
  @Field(() => String) areaCode!: string;
  @Field(() => [String]) indicatorCodes!: string[];
  @Field(() => [String], { description: 'The period read for each indicator.' }) periods!: string[];
  @Field(() => [Float], { description: 'The weight of each indicator, as used.' }) weights!: number[];
  @Field(() => [Float], {
    nullable: 'items',
    description: 'The area’s own value of each indicator; null where missing or only a range.',
  })
  values!: (number | null)[];
  @Field(() => [SimilarMunicipalityModel]) similar!: SimilarMunicipalityModel[];
}

@ObjectType('PeerSet', { description: 'A named set of municipalities to compare with.' })
export class PeerSetModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => PeerSetSourceEnum) source!: keyof typeof PeerSetSourceEnum;
  @Field(() => String, { nullable: true, description: 'The publisher’s id of a published group.' })
  sourceId!: string | null;
  @Field(() => Boolean, {
    description: 'Seen by everyone in the collaboration (published groups: by everyone).',
  })
  shared!: boolean;
  @Field(() => Boolean, { description: 'Saved by the reader.' }) mine!: boolean;
  @Field(() => [String]) areaCodes!: string[];
  @Field(() => Int) version!: number;
}
