import { Args, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '@kraftsamling/api/core/errors';
import {
  Access,
  Tenant,
  type TenantScope,
  COLLABORATION_ID_OR_SLUG_ARG,
  byCollaborationIdOrSlug,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { IndicatorQueryService } from './indicator-query.service';
import { RegionSeriesModel, toRegionSeriesModel } from './region-series.models';
import { RegionSeriesService } from './region-series.service';

@Resolver(() => RegionSeriesModel)
export class RegionSeriesResolver {
  constructor(
    private readonly regions: RegionSeriesService,
    private readonly indicators: IndicatorQueryService,
  ) {}

  @Query(() => RegionSeriesModel, {
    description:
      'One indicator for a set of areas taken together: the listed areas, a county, or (by default) the member municipalities.',
  })
  @Access.inCollaboration(Permission.IndicatorRead, byCollaborationIdOrSlug)
  async regionSeries(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('code', { type: () => String }) code: string,
    @Tenant() tenant: TenantScope,
    @Args('areaCodes', { type: () => [String], nullable: true }) areaCodes?: string[],
    @Args('countyCode', { type: () => String, nullable: true }) countyCode?: string,
    @Args('from', { type: () => String, nullable: true }) from?: string,
    @Args('to', { type: () => String, nullable: true }) to?: string,
  ) {
    if (areaCodes?.length && countyCode)
      throw badInput([{ field: 'countyCode', message: 'name either areaCodes or a countyCode, not both' }]);
    const areas = areaCodes?.length
      ? [...new Set(areaCodes)]
      : countyCode
        ? await this.regions.countyMunicipalities(countyCode)
        : await this.indicators.memberMunicipalities(tenant);
    if (areas.length > 312) throw badInput([{ field: 'areaCodes', message: 'at most 312 areas at a time' }]);
    return toRegionSeriesModel(await this.regions.series(tenant, code, areas, { from, to }));
  }
}
