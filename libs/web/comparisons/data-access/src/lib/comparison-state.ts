import type { ComparisonInput, ComparisonNormalisation, PeerKind } from '@kraftsamling/web/shared/graphql';

export type ComparisonView = 'time' | 'ranking' | 'table';

/**
 * Everything that decides what the comparison page shows. It lives in the address (query
 * parameters), so a reload, a bookmark or a shared link shows the same view and Back
 * returns to the previous one.
 */
export interface ComparisonState {
  indicator: string | null;
  peers: PeerKind;
  /** COUNTY: the county's two-digit code. */
  county: string | null;
  /** PEER_SET: a saved or published set. */
  peerSet: string | null;
  /** AREAS: a hand-picked list of municipality codes. */
  areas: readonly string[];
  normalisation: ComparisonNormalisation;
  /** PER_THOUSAND (optional: the population by default) and SHARE_OF (required). */
  denominator: string | null;
  /** INDEX, CHANGE, CHANGE_PERCENT: the period compared against. */
  base: string | null;
  from: string | null;
  to: string | null;
  /** The period ranked (default: the latest with a value). */
  rank: string | null;
  view: ComparisonView;
  /** The municipality emphasised (default: the user's own). */
  focus: string | null;
  /** The last period of the table's window of columns (default: the rank period). */
  columns: string | null;
}

export const DEFAULT_STATE: ComparisonState = {
  indicator: null,
  peers: 'MEMBERS',
  county: null,
  peerSet: null,
  areas: [],
  normalisation: 'AS_PUBLISHED',
  denominator: null,
  base: null,
  from: null,
  to: null,
  rank: null,
  view: 'time',
  focus: null,
  columns: null,
};

export const PEER_KINDS: readonly PeerKind[] = ['MEMBERS', 'COUNTY', 'ALL', 'PEER_SET', 'AREAS'];
export const NORMALISATIONS: readonly ComparisonNormalisation[] = [
  'AS_PUBLISHED',
  'PER_THOUSAND',
  'SHARE_OF',
  'INDEX',
  'CHANGE',
  'CHANGE_PERCENT',
];
export const VIEWS: readonly ComparisonView[] = ['time', 'ranking', 'table'];

/** Normalisations that compare against a base period. */
export const NEEDS_BASE: ReadonlySet<ComparisonNormalisation> = new Set([
  'INDEX',
  'CHANGE',
  'CHANGE_PERCENT',
]);
/** Normalisations that divide by another indicator. */
export const NEEDS_DENOMINATOR: ReadonlySet<ComparisonNormalisation> = new Set(['PER_THOUSAND', 'SHARE_OF']);

// The address is user input: anything malformed is dropped, never sent on to the API.
const PERIOD = /^\d{4}(-(\d{2}|Q[1-4]|W\d{2}))?$/;
const AREA = /^\d{4}$/;
const COUNTY = /^\d{2}$/;
const CODE = /^[\w.:-]{1,100}$/;
const ID = /^[\w-]{1,64}$/;

const param = (value: string | null | undefined, pattern: RegExp): string | null =>
  value && pattern.test(value) ? value : null;

function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T {
  const upper = value?.toUpperCase().replace(/-/g, '_');
  const found = allowed.find((option) => option.toUpperCase() === upper);
  return found ?? fallback;
}

/** The address form of an enum value: lower case with hyphens ("change-percent"). */
const slugOf = (value: string) => value.toLowerCase().replace(/_/g, '-');

/** Reads the state from the address's query parameters. */
export function parseState(params: Readonly<Record<string, string | null | undefined>>): ComparisonState {
  const areas = (params['areas'] ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => AREA.test(code));
  return {
    indicator: param(params['indicator'], CODE),
    peers: oneOf(params['peers'], PEER_KINDS, DEFAULT_STATE.peers),
    county: param(params['county'], COUNTY),
    peerSet: param(params['set'], ID),
    areas: [...new Set(areas)],
    normalisation: oneOf(params['norm'], NORMALISATIONS, DEFAULT_STATE.normalisation),
    denominator: param(params['denominator'], CODE),
    base: param(params['base'], PERIOD),
    from: param(params['from'], PERIOD),
    to: param(params['to'], PERIOD),
    rank: param(params['rank'], PERIOD),
    view: oneOf(params['view'], VIEWS, DEFAULT_STATE.view),
    focus: param(params['focus'], AREA),
    columns: param(params['columns'], PERIOD),
  };
}

/**
 * The query parameters of a state: only what differs from the defaults and what the chosen
 * peers and normalisation use, so addresses stay short and one view has one address.
 */
export function toQueryParams(state: ComparisonState): Record<string, string> {
  const params: Record<string, string> = {};
  if (state.indicator) params['indicator'] = state.indicator;
  if (state.peers !== DEFAULT_STATE.peers) params['peers'] = slugOf(state.peers);
  if (state.peers === 'COUNTY' && state.county) params['county'] = state.county;
  if (state.peers === 'PEER_SET' && state.peerSet) params['set'] = state.peerSet;
  if (state.peers === 'AREAS' && state.areas.length) params['areas'] = state.areas.join(',');
  if (state.normalisation !== DEFAULT_STATE.normalisation) params['norm'] = slugOf(state.normalisation);
  if (NEEDS_DENOMINATOR.has(state.normalisation) && state.denominator)
    params['denominator'] = state.denominator;
  if (NEEDS_BASE.has(state.normalisation) && state.base) params['base'] = state.base;
  if (state.from) params['from'] = state.from;
  if (state.to) params['to'] = state.to;
  if (state.rank) params['rank'] = state.rank;
  if (state.view !== DEFAULT_STATE.view) params['view'] = state.view;
  if (state.focus) params['focus'] = state.focus;
  if (state.columns) params['columns'] = state.columns;
  return params;
}

/** Why a state cannot be compared yet, as a translation key under `comparisons.incomplete`; null when it can. */
export function incompleteReason(state: ComparisonState): string | null {
  if (!state.indicator) return 'indicator';
  if (state.peers === 'COUNTY' && !state.county) return 'county';
  if (state.peers === 'PEER_SET' && !state.peerSet) return 'peerSet';
  if (state.peers === 'AREAS' && !state.areas.length) return 'areas';
  if (state.normalisation === 'SHARE_OF' && !state.denominator) return 'denominator';
  if (NEEDS_BASE.has(state.normalisation) && !state.base) return 'base';
  if (state.from && state.to && state.from > state.to) return 'range';
  return null;
}

/**
 * The API's input for a state; null while the state is incomplete (see incompleteReason).
 * `defaultFrom` is the start read when none is chosen: the API limits how much one request
 * may read, so the whole history of all 290 municipalities is not asked for at once.
 */
export function comparisonInput(
  state: ComparisonState,
  collaborationId: string,
  defaultFrom: string | null = null,
): ComparisonInput | null {
  if (incompleteReason(state) || !state.indicator) return null;
  return {
    collaborationId,
    indicatorCode: state.indicator,
    peers: {
      kind: state.peers,
      countyCode: state.peers === 'COUNTY' ? state.county : null,
      peerSetId: state.peers === 'PEER_SET' ? state.peerSet : null,
      areaCodes: state.peers === 'AREAS' ? [...state.areas] : null,
    },
    normalisation: state.normalisation,
    denominatorCode: NEEDS_DENOMINATOR.has(state.normalisation) ? state.denominator : null,
    basePeriod: NEEDS_BASE.has(state.normalisation) ? state.base : null,
    from: state.from ?? defaultFrom,
    to: state.to,
    rankPeriod: state.rank,
  };
}
