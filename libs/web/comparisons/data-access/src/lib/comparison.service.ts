import { Injectable, inject } from '@angular/core';
import {
  ComparisonInput,
  DeletePeerSetInput,
  SavePeerSetInput,
  SimilarMunicipalitiesInput,
} from '@kraftsamling/web/shared/graphql';
import {
  ComparisonContextGQL,
  ComparisonGQL,
  DeletePeerSetGQL,
  PeerSetsGQL,
  SavePeerSetGQL,
  SimilarMunicipalitiesGQL,
} from '@kraftsamling/web/shared/graphql/comparisons';
import { Observable, map } from 'rxjs';
import { Comparison, ComparisonContext, PeerSet, SimilarMunicipalities, toContext } from './models';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

/** Comparisons with peers, similar municipalities and saved peer sets. Errors are Apollo errors (toAppError). */
@Injectable({ providedIn: 'root' })
export class ComparisonService {
  private readonly contextQuery = inject(ComparisonContextGQL);
  private readonly comparisonQuery = inject(ComparisonGQL);
  private readonly similarQuery = inject(SimilarMunicipalitiesGQL);
  private readonly peerSetsQuery = inject(PeerSetsGQL);
  private readonly saveMutation = inject(SavePeerSetGQL);
  private readonly deleteMutation = inject(DeletePeerSetGQL);

  /** The catalogue, the municipalities, the members, the peer sets and the user's own municipality. */
  context(slug: string, collaborationId: string): Observable<ComparisonContext> {
    return this.contextQuery
      .fetch({ variables: { slug, collaborationId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => toContext(required(result.data))));
  }

  comparison(input: ComparisonInput): Observable<Comparison> {
    // no-cache: a 290 × 120 answer normalised into Apollo's cache would cost more than it saves.
    return this.comparisonQuery
      .fetch({ variables: { input }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.comparison)));
  }

  similar(input: SimilarMunicipalitiesInput): Observable<SimilarMunicipalities> {
    return this.similarQuery
      .fetch({ variables: { input }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.similarMunicipalities)));
  }

  peerSets(collaborationId: string): Observable<PeerSet[]> {
    return this.peerSetsQuery
      .fetch({ variables: { collaborationId }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => [...required(result.data?.peerSets)]));
  }

  savePeerSet(input: SavePeerSetInput): Observable<PeerSet> {
    return this.saveMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.savePeerSet)));
  }

  deletePeerSet(input: DeletePeerSetInput): Observable<string> {
    return this.deleteMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.deletePeerSet)));
  }
}
