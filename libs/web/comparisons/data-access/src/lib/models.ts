import type {
  ComparedAreaFieldsFragment,
  ComparisonContextQuery,
  ComparisonIndicatorFieldsFragment,
  ComparisonQuery,
  PeerSetFieldsFragment,
  SimilarMunicipalitiesQuery,
} from '@kraftsamling/web/shared/graphql';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

export type Comparison = ComparisonQuery['comparison'];
export type ComparedArea = ComparedAreaFieldsFragment;
export type ComparisonIndicator = ComparisonIndicatorFieldsFragment;
export type PeerSet = PeerSetFieldsFragment;
export type SimilarMunicipalities = SimilarMunicipalitiesQuery['similarMunicipalities'];
export type SimilarMunicipality = SimilarMunicipalities['similar'][number];
export type Municipality = ComparisonContextQuery['municipalities'][number];

export interface County {
  code: string;
  name: string;
}

/** What the page needs besides the comparison itself. */
export interface ComparisonContext {
  collaborationId: string;
  slug: string;
  name: string;
  indicators: readonly ComparisonIndicator[];
  /** All municipalities, by name. */
  municipalities: readonly Municipality[];
  counties: readonly County[];
  /** The collaboration's member municipalities (codes). */
  memberCodes: readonly string[];
  peerSets: readonly PeerSet[];
  /** The municipality the signed-in user works for here, if any (their membership's organisation). */
  ownMunicipality: string | null;
}

/** The context from the API's answer: counties derived from the municipalities, sorted by name. */
export function toContext(data: ComparisonContextQuery): ComparisonContext {
  const municipalities = [...data.municipalities].sort((a, b) => compareSwedish(a.name, b.name));
  const counties = new Map<string, County>();
  for (const municipality of municipalities) counties.set(municipality.county.code, municipality.county);
  const memberCodes = data.collaboration.organizations
    .filter((organization) => organization.kind === 'MUNICIPALITY' && organization.municipalityCode)
    .map((organization) => organization.municipalityCode as string);
  const own = data.collaboration.members.find(
    (member) => member.user?.id === data.me.id && member.organization?.municipalityCode,
  );
  return {
    collaborationId: data.collaboration.id,
    slug: data.collaboration.slug,
    name: data.collaboration.name,
    indicators: data.indicators,
    municipalities,
    counties: [...counties.values()].sort((a, b) => compareSwedish(a.name, b.name)),
    memberCodes: [...new Set(memberCodes)].sort(),
    peerSets: data.peerSets,
    ownMunicipality: own?.organization?.municipalityCode ?? null,
  };
}
