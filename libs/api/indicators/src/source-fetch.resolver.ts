import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@kraftsamling/api/core/tenancy';
import { PlatformPermission } from '@kraftsamling/shared/permissions';
import { SourceFetchModel } from './models';
import { SourceFetchService } from './source-fetch.service';

@Resolver(() => SourceFetchModel)
export class SourceFetchResolver {
  constructor(private readonly fetches: SourceFetchService) {}

  @Query(() => [SourceFetchModel], {
    description:
      'The fetches of official data from the sources’ APIs, newest first, for statistics stewards.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  sourceFetches(@Args('limit', { type: () => Int, nullable: true }) limit?: number) {
    return this.fetches.list(limit ?? 100);
  }
}
