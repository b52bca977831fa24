import { TEN_YEARS, cellText, displayUnit, periodOptions } from './comparison-text';

describe('comparison text', () => {
  it('formats each normalisation with its decimals and unit', () => {
    expect(displayUnit('AS_PUBLISHED', 'PERCENT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
    expect(displayUnit('AS_PUBLISHED', 'COUNT')).toEqual({ format: 'COUNT', suffix: '' });
    expect(displayUnit('PER_THOUSAND', 'COUNT')).toEqual({ format: 'PER_1000', suffix: '\u00a0‰' });
    expect(displayUnit('SHARE_OF', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
    expect(displayUnit('INDEX', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '' });
    expect(displayUnit('CHANGE', 'COUNT')).toEqual({ format: 'COUNT', suffix: '' });
    expect(displayUnit('CHANGE_PERCENT', 'COUNT')).toEqual({ format: 'PERCENT', suffix: '\u00a0%' });
  });

  it('shows a value, a range as "1–4" and a missing value as a dash, never 0', () => {
    const percent = displayUnit('AS_PUBLISHED', 'PERCENT');
    expect(cellText({ kind: 'value', value: 15.44 }, percent, 'sv')).toBe('15,4');
    expect(cellText({ kind: 'value', value: 15.44 }, percent, 'en', true)).toBe('15.4\u00a0%');
    expect(cellText({ kind: 'range', low: 1, high: 4 }, displayUnit('AS_PUBLISHED', 'COUNT'), 'sv')).toBe(
      '1–4',
    );
    expect(cellText({ kind: 'range', low: 0.25, high: 1 }, percent, 'sv', true)).toBe('0,3–1,0\u00a0%');
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
