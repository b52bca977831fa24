import { Indicator } from './models';
import { NO_FILTER, filterIndicators, sourcesOf, themesOf } from './catalogue-filter';

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
    { theme: 'unemployment-register' },
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

describe('filterIndicators', () => {
  it('returns everything, sorted by name in the language shown, without a filter', () => {
    expect(codes(filterIndicators(CATALOGUE, NO_FILTER, 'sv'))).toEqual([
      'af.bas.utrk.unemployment_share',
      'local.jobbspar',
      'scb.population',
      'af.bas.utrk.unemployed',
      'af.reg.utrk.unemployed',
    ]);
    expect(codes(filterIndicators(CATALOGUE, NO_FILTER, 'en'))[0]).toBe('local.jobbspar');
  });

  it('requires every search word at a word start in the Swedish or English name or the code, ignoring case', () => {
    const search = (text: string, language = 'sv') =>
      codes(filterIndicators(CATALOGUE, { ...NO_FILTER, search: text }, language));
    expect(search('utrikes  KVINNOR bas-arbetskraft')).toEqual([
      'af.bas.utrk.unemployment_share',
      'af.bas.utrk.unemployed',
    ]);
    // Words match from their start: "baserad" is inside "registerbaserad", not at a word start.
    expect(search('baserad')).toEqual([]);
    expect(search('foreign-born share')).toEqual(['af.bas.utrk.unemployment_share']);
    expect(search('af.reg.utrk')).toEqual(['af.reg.utrk.unemployed']);
    expect(search('jobbspår')).toEqual(['local.jobbspar']);
    expect(search('ingenting sådant')).toEqual([]);
  });

  it('filters by theme and by source, combined with the search', () => {
    expect(
      codes(filterIndicators(CATALOGUE, { ...NO_FILTER, theme: 'unemployment-register' }, 'sv')),
    ).toEqual(['af.reg.utrk.unemployed']);
    expect(codes(filterIndicators(CATALOGUE, { ...NO_FILTER, source: 'SCB' }, 'sv'))).toEqual([
      'scb.population',
    ]);
    expect(
      codes(filterIndicators(CATALOGUE, { search: 'andel', theme: 'unemployment-bas', source: 'AF' }, 'sv')),
    ).toEqual(['af.bas.utrk.unemployment_share']);
    expect(filterIndicators(CATALOGUE, { search: 'andel', theme: null, source: 'LOCAL' }, 'sv')).toEqual([]);
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
