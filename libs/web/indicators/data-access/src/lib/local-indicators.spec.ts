import {
  LOCAL_INDICATOR_CODE_PATTERN,
  LOCAL_INDICATOR_THEME_PATTERN,
  createLocalIndicatorInput,
  localIndicatorsOf,
  updateLocalIndicatorInput,
} from './local-indicators';

const TYPED = {
  nameSv: '  Mentorer ',
  nameEn: 'Mentors',
  descriptionSv: '   ',
  descriptionEn: ' People with a mentor ',
  theme: '',
  direction: 'HIGHER_IS_BETTER' as const,
};

describe('local indicator input', () => {
  it('trims the text of a new indicator and sends empty optional text as null', () => {
    expect(
      createLocalIndicatorInput('c1', {
        ...TYPED,
        code: ' mentorer.antal ',
        unit: 'COUNT',
        periodicity: 'QUARTER',
      }),
    ).toEqual({
      collaborationId: 'c1',
      code: 'mentorer.antal',
      nameSv: 'Mentorer',
      nameEn: 'Mentors',
      descriptionSv: null,
      descriptionEn: 'People with a mentor',
      theme: null,
      direction: 'HIGHER_IS_BETTER',
      unit: 'COUNT',
      periodicity: 'QUARTER',
    });
  });

  it('carries the indicator and the version the user saw in an edit, and nothing it cannot change', () => {
    const input = updateLocalIndicatorInput('c1', { id: 'i-1', version: 4 }, { ...TYPED, theme: 'jobbspar' });
    expect(input).toEqual({
      collaborationId: 'c1',
      indicatorId: 'i-1',
      expectedVersion: 4,
      nameSv: 'Mentorer',
      nameEn: 'Mentors',
      descriptionSv: null,
      descriptionEn: 'People with a mentor',
      theme: 'jobbspar',
      direction: 'HIGHER_IS_BETTER',
    });
    expect(input).not.toHaveProperty('code');
  });
});

describe('local indicator patterns', () => {
  it('accepts codes of lower-case letters and digits with . _ or - between them', () => {
    for (const code of ['jobbspar.deltagare', 'utfall_2024', 'a-b.c']) {
      expect(LOCAL_INDICATOR_CODE_PATTERN.test(code)).toBe(true);
    }
    for (const code of ['Jobbspar', 'jobbspår', '.a', 'a..b', 'a b', 'a.']) {
      expect(LOCAL_INDICATOR_CODE_PATTERN.test(code)).toBe(false);
    }
  });

  it('accepts an empty theme or one of lower-case letters, digits and hyphens', () => {
    for (const theme of ['', 'job-tracks', 'insatser_2024']) {
      expect(LOCAL_INDICATOR_THEME_PATTERN.test(theme)).toBe(true);
    }
    for (const theme of ['Insatser', 'job.tracks', '-a']) {
      expect(LOCAL_INDICATOR_THEME_PATTERN.test(theme)).toBe(false);
    }
  });
});

describe('localIndicatorsOf', () => {
  it('keeps only local indicators, sorted by their name in the language shown', () => {
    const indicators = [
      { source: 'LOCAL' as const, nameSv: 'Övriga', nameEn: 'Another' },
      { source: 'AF' as const, nameSv: 'Arbetslösa', nameEn: 'Unemployed' },
      { source: 'LOCAL' as const, nameSv: 'Deltagare', nameEn: 'Participants' },
    ];
    expect(localIndicatorsOf(indicators, 'sv').map((i) => i.nameSv)).toEqual(['Deltagare', 'Övriga']);
    expect(localIndicatorsOf(indicators, 'en').map((i) => i.nameEn)).toEqual(['Another', 'Participants']);
  });
});
