import {
  DEFAULT_STATE,
  comparisonInput,
  incompleteReason,
  parseState,
  toQueryParams,
} from './comparison-state';

describe('comparison state in the address', () => {
  it('reads every parameter, with enum values in lower case and hyphens', () => {
    const state = parseState({
      indicator: 'af.bas.utrk.unemployment_share',
      peers: 'peer-set',
      set: 'a1b2c3d4-0000-4000-8000-000000000001',
      norm: 'change-percent',
      base: '2024-01',
      from: '2024-01',
      to: '2025-12',
      rank: '2025-06',
      view: 'ranking',
      focus: '1283',
      columns: '2024-12',
    });
    expect(state).toEqual({
      ...DEFAULT_STATE,
      indicator: 'af.bas.utrk.unemployment_share',
      peers: 'PEER_SET',
      peerSet: 'a1b2c3d4-0000-4000-8000-000000000001',
      normalisation: 'CHANGE_PERCENT',
      base: '2024-01',
      from: '2024-01',
      to: '2025-12',
      rank: '2025-06',
      view: 'ranking',
      focus: '1283',
      columns: '2024-12',
    });
  });

  it('drops what is malformed rather than sending it on', () => {
    const state = parseState({
      indicator: 'x y<script>',
      peers: 'everyone',
      areas: '1283,12,1283,abcd,1282',
      norm: 'double',
      from: 'last year',
      focus: '12834',
      view: 'pie',
      county: '123',
    });
    expect(state).toEqual({ ...DEFAULT_STATE, areas: ['1283', '1282'] });
  });

  it('writes only what differs from the defaults and what the choice uses, and reads it back the same', () => {
    const state = {
      ...DEFAULT_STATE,
      indicator: 'af.bas.utrk.unemployed',
      peers: 'AREAS' as const,
      areas: ['1283', '1282'],
      // Not used by AREAS and AS_PUBLISHED: left out of the address.
      county: '12',
      base: '2024-01',
    };
    const params = toQueryParams(state);
    expect(params).toEqual({ indicator: 'af.bas.utrk.unemployed', peers: 'areas', areas: '1283,1282' });
    expect(parseState(params)).toEqual({ ...state, county: null, base: null });
    expect(toQueryParams(DEFAULT_STATE)).toEqual({});
  });

  it('round-trips a view against a base period', () => {
    const state = {
      ...DEFAULT_STATE,
      indicator: 'af.bas.utrk.unemployed',
      peers: 'COUNTY' as const,
      county: '12',
      normalisation: 'INDEX' as const,
      base: '2024-01',
      view: 'table' as const,
    };
    expect(toQueryParams(state)).toEqual({
      indicator: 'af.bas.utrk.unemployed',
      peers: 'county',
      county: '12',
      norm: 'index',
      base: '2024-01',
      view: 'table',
    });
    expect(parseState(toQueryParams(state))).toEqual(state);
  });

  it('says what is still to choose', () => {
    const base = { ...DEFAULT_STATE, indicator: 'x' };
    expect(incompleteReason(DEFAULT_STATE)).toBe('indicator');
    expect(incompleteReason({ ...base, peers: 'COUNTY' })).toBe('county');
    expect(incompleteReason({ ...base, peers: 'PEER_SET' })).toBe('peerSet');
    expect(incompleteReason({ ...base, peers: 'AREAS' })).toBe('areas');
    expect(incompleteReason({ ...base, normalisation: 'SHARE_OF' })).toBe('denominator');
    // Per 1 000 divides by the population unless told otherwise.
    expect(incompleteReason({ ...base, normalisation: 'PER_THOUSAND' })).toBeNull();
    expect(incompleteReason({ ...base, normalisation: 'INDEX' })).toBe('base');
    expect(incompleteReason({ ...base, from: '2025-01', to: '2024-01' })).toBe('range');
    expect(incompleteReason(base)).toBeNull();
  });

  it("builds the API's input with only the fields the choice uses", () => {
    expect(comparisonInput(DEFAULT_STATE, 'c1')).toBeNull();
    expect(
      comparisonInput(
        {
          ...DEFAULT_STATE,
          indicator: 'af.bas.utrk.unemployed',
          peers: 'COUNTY',
          county: '12',
          areas: ['1283'],
          normalisation: 'PER_THOUSAND',
          base: '2024-01',
          rank: '2025-06',
        },
        'c1',
      ),
    ).toEqual({
      collaborationId: 'c1',
      indicatorCode: 'af.bas.utrk.unemployed',
      peers: { kind: 'COUNTY', countyCode: '12', peerSetId: null, areaCodes: null },
      normalisation: 'PER_THOUSAND',
      denominatorCode: null,
      basePeriod: null,
      from: null,
      to: null,
      rankPeriod: '2025-06',
    });
  });
});
