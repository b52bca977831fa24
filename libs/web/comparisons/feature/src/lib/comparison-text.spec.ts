import { TEN_YEARS, cellText, displayUnit, periodOptions } from './comparison-text';

describe('comparison text', () => {
  it('formats each normalisation with its decimals and unit', () => {
    expect(displayUnit('AS_PUBLISHED', 'PERCENT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
    expect(displayUnit('AS_PUBLISHED', 'COUNT')).toEqual({ format: 'COUNT', suffix: '' });
    expect(displayUnit('PER_THOUSAND', 'COUNT')).toEqual({ format: 'PER_1000', suffix: '\u00a0‰' });
    expect(displayUnit('SHARE_OF', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
    expect(displayUnit('INDEX', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '' });
    expect(displayUnit('CHANGE', 'COUNT')).toEqual({ format: 'OTHER', suffix: '' });
    expect(displayUnit('CHANGE_PERCENT', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
    expect(displayUnit('AS_PUBLISHED', 'PERCENT', 'en')).toEqual({ format: 'PERCENT', suffix: '%' });
  });

  it('shows a value, a "<5" count as "<5", a share range with its unit and a missing value as a dash, never 0', () => {
    const percent = displayUnit('AS_PUBLISHED', 'PERCENT');
    expect(cellText({ kind: 'value', value: 15.44 }, percent, 'sv')).toBe('15,4');
    expect(
      cellText({ kind: 'value', value: 15.44 }, displayUnit('AS_PUBLISHED', 'PERCENT', 'en'), 'en', true),
    ).toBe('15.4%');
    expect(cellText({ kind: 'range', low: 1, high: 4 }, displayUnit('AS_PUBLISHED', 'COUNT'), 'sv')).toBe(
      '<5',
    );
    // a range carries its unit even where exact cells leave it to the header
    expect(cellText({ kind: 'range', low: 0.238, high: 0.952 }, percent, 'sv')).toBe('0,24–0,95\u00a0%');
    expect(
      cellText(
        { kind: 'range', low: 0.238, high: 0.952 },
        displayUnit('AS_PUBLISHED', 'PERCENT', 'en'),
        'en',
      ),
    ).toBe('0.24–0.95%');
    // a sum of counts that includes a "<5" is a range of counts, a change of one no "<N"
    expect(
      cellText({ kind: 'range', low: 1235, high: 1238 }, displayUnit('AS_PUBLISHED', 'COUNT'), 'sv'),
    ).toBe('1\u00a0235–1\u00a0238');
    expect(cellText({ kind: 'range', low: 1, high: 4 }, displayUnit('CHANGE', 'COUNT'), 'sv')).toBe('1–4');
    expect(cellText({ kind: 'range', low: -3, high: 1 }, displayUnit('CHANGE', 'COUNT'), 'sv')).toBe(
      '−3 – 1',
    );
    expect(cellText({ kind: 'range', low: 96.5, high: 103.25 }, displayUnit('INDEX', 'COUNT'), 'sv')).toBe(
      '96,50–103,25',
    );
    expect(cellText({ kind: 'missing' }, percent, 'sv')).toBe('–');
  });

  it('offers ten years of periods, newest first', () => {
    const today = new Date(Date.UTC(2026, 10, 15));
    const months = periodOptions('MONTH', today);
    expect(months).toHaveLength(TEN_YEARS.MONTH);
    expect(months[0]).toBe('2026-11');
    expect(months[119]).toBe('2016-12');
    expect(periodOptions('YEAR', today)).toEqual([
      '2026',
      '2025',
      '2024',
      '2023',
      '2022',
      '2021',
      '2020',
      '2019',
      '2018',
      '2017',
    ]);
  });
});
