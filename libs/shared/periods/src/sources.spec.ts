import { PeriodError } from './periods';
import { fromAfPeriod, fromKoladaPeriod, fromScbTime } from './sources';
import { labelPeriod, shortLabelPeriod } from './labels';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PeriodError);
    return (error as Error).message;
  }
  throw new Error('expected a PeriodError');
}

describe('fromScbTime', () => {
  it('converts every SCB time code form', () => {
    expect(fromScbTime('2024M07')).toBe('2024-07');
    expect(fromScbTime('2026M01')).toBe('2026-01');
    expect(fromScbTime('2024K3')).toBe('2024-Q3');
    expect(fromScbTime('2024')).toBe('2024');
    expect(fromScbTime('2024V05')).toBe('2024-W05');
    expect(fromScbTime('2020V53')).toBe('2020-W53');
  });

  it('quotes the SCB code when it is out of range', () => {
    expect(errorOf(() => fromScbTime('2024M13'))).toBe('2024M13 is not a month: months run 01–12');
    expect(errorOf(() => fromScbTime('2024K5'))).toBe('2024K5 is not a quarter: quarters run Q1–Q4');
    expect(errorOf(() => fromScbTime('2021V53'))).toBe(
      '2021V53 is not a week: ISO year 2021 has 52 weeks (2020-W53 exists but 2021-W53 does not)',
    );
  });

  it('names unsupported and malformed codes', () => {
    expect(errorOf(() => fromScbTime('2024H1'))).toBe(
      '2024H1 is a half-year: half-years are not a supported periodicity',
    );
    expect(errorOf(() => fromScbTime('2019/2020'))).toContain('spans two years');
    expect(errorOf(() => fromScbTime('2024M7'))).toContain('SCB writes months with two digits (2024M07)');
    expect(errorOf(() => fromScbTime('2024-07'))).toBe(
      '2024-07 is not an SCB time code: expected 2024, 2024K3, 2024M07 or 2024V05',
    );
    expect(errorOf(() => fromScbTime(''))).toMatch(/^An empty string is not an SCB time code/);
    expect(errorOf(() => fromScbTime(2024 as unknown as string))).toContain('expected a string');
  });
});

describe('fromAfPeriod', () => {
  it('accepts YYYY-MM, ignoring stray spaces from the spreadsheet', () => {
    expect(fromAfPeriod('2024-07')).toBe('2024-07');
    expect(fromAfPeriod(' 2023-01 ')).toBe('2023-01');
  });

  it('rejects anything else', () => {
    expect(errorOf(() => fromAfPeriod('2024-13'))).toBe('2024-13 is not a month: months run 01–12');
    expect(errorOf(() => fromAfPeriod('2024-7'))).toBe(
      '2024-7 is not an Arbetsförmedlingen period: expected YYYY-MM, e.g. 2024-07',
    );
    expect(errorOf(() => fromAfPeriod('juli 2024'))).toContain('expected YYYY-MM');
    expect(errorOf(() => fromAfPeriod(202407 as unknown as string))).toContain('expected a YYYY-MM string');
  });
});

describe('fromKoladaPeriod', () => {
  it('accepts a year as string or number', () => {
    expect(fromKoladaPeriod('2019')).toBe('2019');
    expect(fromKoladaPeriod(2019)).toBe('2019');
  });

  it('rejects anything that is not a four-digit year', () => {
    expect(errorOf(() => fromKoladaPeriod('19'))).toBe(
      '19 is not a Kolada period: Kolada periods are four-digit years such as 2019',
    );
    expect(errorOf(() => fromKoladaPeriod('2019-01'))).toContain('four-digit years');
    expect(errorOf(() => fromKoladaPeriod(2019.5))).toContain('four-digit years');
    expect(errorOf(() => fromKoladaPeriod('0999'))).toBe('0999 is not a year: years run 1000–9999');
  });
});

describe('labelPeriod', () => {
  it('labels in Swedish and English', () => {
    expect(labelPeriod('2024-09', 'sv')).toBe('september 2024');
    expect(labelPeriod('2024-09', 'en')).toBe('September 2024');
    expect(labelPeriod('2023-W42', 'sv')).toBe('vecka 42 2023');
    expect(labelPeriod('2023-W42', 'en')).toBe('week 42 2023');
    expect(labelPeriod('2022-W01', 'sv')).toBe('vecka 1 2022');
    expect(labelPeriod('2024-Q3', 'sv')).toBe('kv. 3 2024');
    expect(labelPeriod('2024-Q3', 'en')).toBe('Q3 2024');
    expect(labelPeriod('2024', 'en')).toBe('2024');
    expect(labelPeriod('2024-05')).toBe('maj 2024');
  });

  it('has short labels for chart axes', () => {
    expect(shortLabelPeriod('2024-09', 'sv')).toBe('sep. 2024');
    expect(shortLabelPeriod('2024-09', 'en')).toBe('Sep 2024');
    expect(shortLabelPeriod('2024-05', 'sv')).toBe('maj 2024');
    expect(shortLabelPeriod('2023-W42', 'sv')).toBe('v. 42 2023');
    expect(shortLabelPeriod('2024-Q1', 'en')).toBe('Q1 2024');
  });

  it('rejects invalid codes', () => {
    expect(() => labelPeriod('2024-13', 'sv')).toThrow('months run 01–12');
  });
});
