import {
  formatDate,
  formatDateTime,
  formatRange,
  formatValueWithUnit,
  rangeWords,
  unitSuffix,
} from './formatting';

const t = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`;

describe('formatRange: the one way the web writes a figure known only as a range', () => {
  it('writes a suppressed count (AF’s "<5", stored as 1 … 4) as "<5" in either language', () => {
    expect(formatRange({ low: 1, high: 4 }, 'COUNT', 'sv')).toBe('<5');
    expect(formatRange({ low: 1, high: 4 }, 'COUNT', 'en')).toBe('<5');
  });

  it('writes a share computed from a "<5" as its range with the unit, two decimals: "0,24–0,95 %"', () => {
    // 1 … 4 of a labour force of 420: 0,238 … 0,952 %; never "<1,95" without a unit
    expect(formatRange({ low: 100 / 420, high: 400 / 420 }, 'PERCENT', 'sv')).toBe('0,24–0,95\u00a0%');
    expect(formatRange({ low: 100 / 420, high: 400 / 420 }, 'PERCENT', 'en')).toBe('0.24–0.95%');
    expect(formatRange({ low: 2.381, high: 9.524 }, 'PER_1000', 'sv')).toBe('2,38–9,52\u00a0‰');
  });

  it('writes a sum that includes a "<5" as a range of counts, and one computed from it as the range it is', () => {
    expect(formatRange({ low: 1235, high: 1238 }, 'COUNT', 'sv')).toBe('1\u00a0235–1\u00a0238');
    expect(formatRange({ low: 1235, high: 1238 }, 'COUNT', 'en')).toBe('1,235–1,238');
    expect(formatRange({ low: 0.5, high: 2 }, 'COUNT', 'sv')).toBe('0,5–2');
    expect(formatRange({ low: -3, high: 1 }, 'COUNT', 'sv')).toBe('−3 – 1');
  });

  it('writes a range with only a low end as "≥", and lets a caller drop the symbol (an index)', () => {
    expect(formatRange({ low: 12, high: null }, 'COUNT', 'sv')).toBe('≥12');
    expect(formatRange({ low: 12.5, high: null }, 'PERCENT', 'en')).toBe('≥12.50%');
    expect(formatRange({ low: 96.5, high: 103.25 }, 'PERCENT', 'sv', '')).toBe('96,50–103,25');
  });

  it('says a range in words for screen readers', () => {
    expect(rangeWords({ low: 1, high: 4 }, 'COUNT', 'sv', t)).toBe('indicators.value.below {"limit":"5"}');
    expect(rangeWords({ low: 0.238, high: 0.952 }, 'PERCENT', 'sv', t)).toBe(
      'indicators.region.range {"low":"0,24\u00a0%","high":"0,95\u00a0%"}',
    );
    expect(rangeWords({ low: 12, high: null }, 'COUNT', 'en', t)).toBe(
      'indicators.value.atLeast {"value":"12"}',
    );
  });
});

describe('unit symbols', () => {
  it('spaces % and ‰ in Swedish, not in English; kr always', () => {
    expect(unitSuffix('PERCENT', 'sv')).toBe('\u00a0%');
    expect(unitSuffix('PERCENT', 'en')).toBe('%');
    expect(unitSuffix('PER_1000', 'en')).toBe('‰');
    expect(unitSuffix('CURRENCY', 'en')).toBe('\u00a0kr');
    expect(unitSuffix('COUNT', 'sv')).toBe('');
    expect(formatValueWithUnit(12.34, 'PERCENT', 'en')).toBe('12.3%');
  });
});

describe('dates for people', () => {
  it('writes a calendar date the same day in either language, whatever the time zone', () => {
    expect(formatDate('2024-10-15', 'sv')).toBe('15 okt. 2024');
    expect(formatDate('2024-10-15', 'en')).toBe('15 Oct 2024');
    // Formatters are made once per language and kind: a second use says the same.
    expect(formatDate('2024-10-16', 'sv')).toBe('16 okt. 2024');
    expect(formatDate('oktober', 'sv')).toBe('oktober');
  });

  it('writes a moment with its date and time, and leaves what is not one as it is', () => {
    const iso = '2024-10-15T08:30:00Z';
    const expected = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(formatDateTime(iso, 'sv')).toBe(expected('sv-SE'));
    expect(formatDateTime(iso, 'en')).toBe(expected('en-GB'));
    expect(formatDateTime(iso, 'sv')).toBe(expected('sv-SE'));
    expect(formatDateTime('igår', 'sv')).toBe('igår');
    expect(formatDateTime(null, 'sv')).toBe('');
  });
});
