import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Access,
  COLLABORATION_ID_OR_SLUG_ARG,
  Tenant,
  byCollaborationIdOrSlug,
  type TenantScope,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { comparisonCost } from './comparison-cost';
import { ComparisonService } from './comparison.service';
import { ComparisonInput, DeletePeerSetInput, SavePeerSetInput, SimilarMunicipalitiesInput } from './inputs';
import { ComparisonModel, PeerSetModel, SimilarMunicipalitiesModel } from './models';
import { PeerSetService } from './peer-set.service';

const byInput = { arg: 'input.collaborationId' } as const;

@Resolver(() => ComparisonModel)
export class ComparisonsResolver {
  constructor(
    private readonly comparisons: ComparisonService,
    private readonly peerSetService: PeerSetService,
  ) {}

  @Query(() => ComparisonModel, {
    description:
      'One indicator over a set of municipalities: normalised, ranked, with the set’s total and the country.',
    complexity: comparisonCost,
  })
  @Access.inCollaboration(Permission.IndicatorRead, byInput)
  comparison(@Args('input') input: ComparisonInput, @Tenant() tenant: TenantScope) {
    return this.comparisons.comparison(tenant, input);
  }

  @Query(() => SimilarMunicipalitiesModel, {
    description: 'The municipalities nearest to one on standardised values of the chosen indicators.',
  })
  @Access.inCollaboration(Permission.IndicatorRead, byInput)
  similarMunicipalities(@Args('input') input: SimilarMunicipalitiesInput, @Tenant() tenant: TenantScope) {
    return this.comparisons.similar(tenant, input);
  }

  @Query(() => [PeerSetModel], {
    description:
      'Sets to compare with: the collaboration’s shared sets, the reader’s own, and published groups.',
  })
  @Access.inCollaboration(Permission.IndicatorRead, byCollaborationIdOrSlug)
  peerSets(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
  ) {
    return this.peerSetService.list(tenant);
  }

  @Mutation(() => PeerSetModel, {
    description: 'Saves a set of municipalities (new, or one you saved before).',
  })
  @Access.inCollaboration(Permission.IndicatorRead, byInput)
  savePeerSet(@Args('input') input: SavePeerSetInput, @Tenant() tenant: TenantScope) {
    return this.peerSetService.save(tenant, input);
  }

  @Mutation(() => ID, { description: 'Removes a saved set; returns its id.' })
  @Access.inCollaboration(Permission.IndicatorRead, byInput)
  deletePeerSet(@Args('input') input: DeletePeerSetInput, @Tenant() tenant: TenantScope) {
    return this.peerSetService.delete(tenant, input);
  }
}
