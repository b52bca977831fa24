import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kraftsamling/api/core/auth';
import { Access, CurrentPrincipal } from '@kraftsamling/api/core/tenancy';
import { PlatformPermission } from '@kraftsamling/shared/permissions';
import { IndicatorQueryService, OFFICIAL_CATALOGUE } from './indicator-query.service';
import { IndicatorModel, SourceFetchModel } from './models';
import { ScbDefinitionService } from './scb-definition.service';
import { scbTableUrl } from './scb-fetch';
import { DefineScbIndicatorInput, FetchSourceInput, ScbTableModel } from './scb.models';
import { SourceFetchService } from './source-fetch.service';

@Resolver(() => SourceFetchModel)
export class SourceFetchResolver {
  constructor(
    private readonly fetches: SourceFetchService,
    private readonly scb: ScbDefinitionService,
    private readonly indicators: IndicatorQueryService,
  ) {}

  @Query(() => [SourceFetchModel], {
    description:
      'The fetches of official data from the sources’ APIs, newest first, for statistics stewards.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  sourceFetches(@Args('limit', { type: () => Int, nullable: true }) limit?: number) {
    return this.fetches.list(limit ?? 100);
  }

  @Mutation(() => SourceFetchModel, {
    description:
      'Fetches a Kolada key figure, an SCB table (the indicators the catalogue reads from it) or an AF workbook by address, and imports what is new through the import path; a failure is answered as the fetch’s status and message.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  fetchSource(@Args('input') input: FetchSourceInput, @CurrentPrincipal() principal: Principal) {
    const actor = { userId: principal.userId, subject: principal.subject };
    return this.fetches.audited(this.fetches.fetch(input, 'MANUAL', actor), actor);
  }

  @Query(() => ScbTableModel, {
    description:
      'An SCB table’s dimensions and classes from its metadata (SCB_API_URL), to define indicators from.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  async scbTable(@Args('id') id: string): Promise<ScbTableModel> {
    const metadata = await this.scb.metadata(id);
    const defined: { code: string }[] = await this.indicators.officialCodesReading('SCB', metadata.id);
    return {
      ...metadata,
      url: scbTableUrl(metadata.id),
      dimensions: metadata.dimensions.map((d) => ({
        ...d,
        classes: d.classes.map((c) => ({ code: c.code, label: c.label, unit: c.unit ?? null })),
      })),
      definedCodes: defined.map((row) => row.code),
    };
  }

  @Mutation(() => IndicatorModel, {
    description:
      'Defines an official indicator from an SCB table’s metadata: one contents code and a class (or a sum of classes) of each other dimension. Its answers then import without code.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  async defineScbIndicator(
    @Args('input') input: DefineScbIndicatorInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = await this.scb.define(input, { userId: principal.userId, subject: principal.subject });
    return this.indicators.byCode(OFFICIAL_CATALOGUE, code);
  }
}
