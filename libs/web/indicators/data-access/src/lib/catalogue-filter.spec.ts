import { Indicator } from './models';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';
import {
  NO_FILTER,
  catalogueFilterFromParams,
  catalogueParams,
  defaultCatalogue,
  isDefaultFilter,
  sourcesOf,
  themesOf,
} from './catalogue-filter';

function indicator(
  code: string,
  nameSv: string,
  nameEn: string,
  overrides: Partial<Indicator> = {},
): Indicator {
  return {
    id: code,
    code,
    theme: 'unemployment-bas',
    nameSv,
    nameEn,
    descriptionSv: null,
    descriptionEn: null,
    unit: 'COUNT',
    periodicity: 'MONTH',
    direction: 'LOWER_IS_BETTER',
    source: 'AF',
    kind: 'MEASURED',
    collaborationId: null,
    numeratorCode: null,
    denominatorCode: null,
    factor: null,
    version: 1,
    supersededByCode: null,
    supersedesCode: null,
    coverage: 0,
    lastPeriod: null,
    lastImportedAt: null,
    lastFetchedAt: null,
    sourceSubject: null,
    sourceUrl: null,
    ...overrides,
  };
}

const CATALOGUE = [
  indicator(
    'af.bas.utrk.unemployed',
    'Inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
    'Registered unemployed, foreign-born women (BAS labour force, from 2023)',
  ),
  indicator(
    'af.reg.utrk.unemployed',
    'Inskrivna arbetslösa, utrikes födda kvinnor (registerbaserad arbetskraft, t.o.m. 2023)',
    'Registered unemployed, foreign-born women (register-based labour force, to 2023)',
    { theme: 'unemployment-register', supersededByCode: 'af.bas.utrk.unemployed' },
  ),
  indicator(
    'af.bas.utrk.unemployment_share',
    'Andel inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
    'Share registered unemployed, foreign-born women (BAS labour force, from 2023)',
    { unit: 'PERCENT', kind: 'RATIO' },
  ),
  indicator('scb.population', 'Folkmängd', 'Population', {
    theme: 'population',
    source: 'SCB',
    periodicity: 'YEAR',
  }),
  indicator('local.jobbspar', 'Deltagare i jobbspår', 'Participants in job tracks', {
    theme: 'Insatser',
    source: 'LOCAL',
    collaborationId: 'c1',
  }),
];

const codes = (list: Indicator[]) => list.map((item) => item.code);

describe('the catalogue filter', () => {
  it('lists the unfiltered catalogue by name in the language shown, superseded series folded away', () => {
    expect(codes(defaultCatalogue(CATALOGUE, 'sv', compareSwedish))).toEqual([
      'af.bas.utrk.unemployment_share',
      'local.jobbspar',
      'scb.population',
      'af.bas.utrk.unemployed',
    ]);
    expect(codes(defaultCatalogue(CATALOGUE, 'en', compareSwedish))[0]).toBe('local.jobbspar');
  });

  it('reads the filter from the address and writes it back, the default as a bare address', () => {
    const params = new URLSearchParams('q=utrikesfodda+kvinnor&tema=population&kalla=SCB&alla=1');
    const filter = catalogueFilterFromParams((name) => params.get(name));
    expect(filter).toEqual({ search: 'utrikesfodda kvinnor', theme: 'population', source: 'SCB', all: true });
    expect(catalogueParams(filter)).toEqual({
      q: 'utrikesfodda kvinnor',
      tema: 'population',
      kalla: 'SCB',
      alla: '1',
    });
    expect(catalogueParams(NO_FILTER)).toEqual({ q: null, tema: null, kalla: null, alla: null });
    expect(isDefaultFilter(NO_FILTER)).toBe(true);
    expect(isDefaultFilter({ ...NO_FILTER, search: '  ' })).toBe(true);
    expect(isDefaultFilter(filter)).toBe(false);
  });

  it('ignores a source it does not know and an empty theme', () => {
    const params = new URLSearchParams('kalla=SOMEWHERE&tema=');
    expect(catalogueFilterFromParams((name) => params.get(name))).toEqual(NO_FILTER);
  });

  it('offers each theme and source of the catalogue once as a choice', () => {
    expect(themesOf(CATALOGUE)).toEqual([
      'Insatser',
      'population',
      'unemployment-bas',
      'unemployment-register',
    ]);
    expect(sourcesOf(CATALOGUE)).toEqual(['AF', 'SCB', 'LOCAL']);
  });
});
