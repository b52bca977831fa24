import { neutraliseFormula } from './formula-injection';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://angripare.example","klicka")', `'=HYPERLINK("http://angripare.example","klicka")`],
    ['+46 70', `'+46 70`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('puts an apostrophe before %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('leaves ordinary text, an empty string and a trigger later in the text alone', () => {
    expect(neutraliseFormula('Arbetsmarknad')).toBe('Arbetsmarknad');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =1+1')).toBe(' =1+1');
    expect(neutraliseFormula('')).toBe('');
  });

  it('leaves typed cells alone: numbers (negative ones too), dates, booleans, null', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula(date)).toBe(date);
    expect(neutraliseFormula(true)).toBe(true);
    expect(neutraliseFormula(null)).toBeNull();
  });
});
