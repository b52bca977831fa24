import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { upperEnd, type Aggregate } from '@kraftsamling/shared/metrics';
import { IndicatorModel } from './models';
import type { RegionSeries } from './region-series.service';

@ObjectType('RegionSeries', {
  description:
    'One indicator for a set of areas taken together, from summed counts (a ratio is Σ numerators ÷ Σ denominators). Arrays are aligned with periods.',
})
export class RegionSeriesModel {
  @Field(() => IndicatorModel) indicator!: IndicatorModel;
  @Field(() => [String], { description: 'The areas in scope.' }) areaCodes!: string[];
  @Field(() => [String]) periods!: string[];
  @Field(() => [Float], {
    nullable: 'items',
    description: 'The exact figure; null where no area has a value or where the figure is only a range.',
  })
  values!: (number | null)[];
  @Field(() => [Float], {
    nullable: 'items',
    description: 'Where the figure is only a range (a part was "<5"): its low end; else null.',
  })
  lowerBounds!: (number | null)[];
  @Field(() => [Float], {
    nullable: 'items',
    description:
      'Where the figure is only a range: its high end; else null. Also null for a range with no high end (a part was "at least N").',
  })
  upperBounds!: (number | null)[];
  @Field(() => [Int], { description: 'How many areas contributed to each period.' }) included!: number[];
  @Field(() => [Boolean], {
    description: 'true: an area in scope has no value for that period, so the figure covers fewer areas.',
  })
  incomplete!: boolean[];
}

/** The GraphQL shape: an exact value where there is one, a range only where it is a bound. */
export function toRegionSeriesModel(series: RegionSeries): RegionSeriesModel {
  const exact = (a: Aggregate) => (a.value && !a.bounded ? a.value.lo : null);
  return {
    indicator: series.indicator,
    areaCodes: series.areaCodes,
    periods: series.periods,
    values: series.aggregates.map(exact),
    lowerBounds: series.aggregates.map((a) => (a.bounded ? a.value!.lo : null)),
    upperBounds: series.aggregates.map((a) => (a.bounded ? upperEnd(a.value!) : null)),
    included: series.aggregates.map((a) => a.included),
    incomplete: series.aggregates.map((a) => a.incomplete),
  };
}
