import {
  PeriodError,
  addPeriods,
  comparePeriods,
  formatPeriod,
  isPeriodCode,
  isoWeeksInYear,
  nextPeriod,
  parsePeriod,
  periodBounds,
  periodDistance,
  periodEnd,
  periodOfDate,
  periodRange,
  periodStart,
  periodicityOf,
  previousPeriod,
  toIsoDate,
  tryParsePeriod,
} from './periods';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PeriodError);
    return (error as Error).message;
  }
  throw new Error('expected a PeriodError');
}

describe('parsePeriod', () => {
  it('parses the four canonical forms', () => {
    expect(parsePeriod('2023-W42')).toEqual({ periodicity: 'WEEK', year: 2023, index: 42, code: '2023-W42' });
    expect(parsePeriod('2024-09')).toEqual({ periodicity: 'MONTH', year: 2024, index: 9, code: '2024-09' });
    expect(parsePeriod('2024-Q3')).toEqual({ periodicity: 'QUARTER', year: 2024, index: 3, code: '2024-Q3' });
    expect(parsePeriod('2024')).toEqual({ periodicity: 'YEAR', year: 2024, index: 1, code: '2024' });
  });

  it('says what is wrong with a period out of range', () => {
    expect(errorOf(() => parsePeriod('2024-13'))).toBe('2024-13 is not a month: months run 01–12');
    expect(errorOf(() => parsePeriod('2024-00'))).toBe('2024-00 is not a month: months run 01–12');
    expect(errorOf(() => parsePeriod('2024-Q5'))).toBe('2024-Q5 is not a quarter: quarters run Q1–Q4');
    expect(errorOf(() => parsePeriod('2024-Q0'))).toBe('2024-Q0 is not a quarter: quarters run Q1–Q4');
    expect(errorOf(() => parsePeriod('2024-W00'))).toBe(
      '2024-W00 is not a week: weeks run W01–W52, and W53 in years that have one',
    );
    expect(errorOf(() => parsePeriod('2024-W54'))).toMatch(/^2024-W54 is not a week/);
    expect(errorOf(() => parsePeriod('0999'))).toBe('0999 is not a year: years run 1000–9999');
  });

  it('accepts week 53 only in ISO years that have one', () => {
    for (const year of [2004, 2009, 2015, 2020, 2026, 2032]) expect(isPeriodCode(`${year}-W53`)).toBe(true);
    for (const year of [2019, 2021, 2022, 2023, 2024, 2025]) expect(isPeriodCode(`${year}-W53`)).toBe(false);
    expect(errorOf(() => parsePeriod('2021-W53'))).toBe(
      '2021-W53 is not a week: ISO year 2021 has 52 weeks (2020-W53 exists but 2021-W53 does not)',
    );
    expect(errorOf(() => parsePeriod('2025-W53'))).toContain('2026-W53 exists but 2025-W53 does not');
  });

  it('explains near misses with the likely fix', () => {
    expect(errorOf(() => parsePeriod('2024-7'))).toBe(
      '2024-7 is not a period code: write the month with two digits (2024-07)',
    );
    expect(errorOf(() => parsePeriod('2024-q3'))).toBe(
      '2024-q3 is not a period code: write the Q in capitals (2024-Q3)',
    );
    expect(errorOf(() => parsePeriod('2023-w42'))).toBe(
      '2023-w42 is not a period code: write the W in capitals (2023-W42)',
    );
    expect(errorOf(() => parsePeriod('2023-W5'))).toBe(
      '2023-W5 is not a period code: write the week with two digits (2023-W05)',
    );
    expect(errorOf(() => parsePeriod('2023W42'))).toContain('put a hyphen before the week (2023-W42)');
    expect(errorOf(() => parsePeriod('2024M07'))).toContain('looks like an SCB time code');
    expect(errorOf(() => parsePeriod('2024-07-01'))).toContain('it is a date');
    expect(errorOf(() => parsePeriod(' 2024-07'))).toBe(
      '" 2024-07" is not a period code: remove the spaces around it (2024-07)',
    );
    expect(errorOf(() => parsePeriod('24'))).toBe('24 is not a period code: years have four digits');
    expect(errorOf(() => parsePeriod(''))).toMatch(
      /^An empty string is not a period code: expected YYYY, YYYY-Qn/,
    );
    expect(errorOf(() => parsePeriod('september'))).toMatch(/^september is not a period code/);
    expect(errorOf(() => parsePeriod(2024 as unknown as string))).toContain('expected a string, got number');
  });

  it('checks the expected periodicity', () => {
    expect(parsePeriod('2024-07', 'MONTH').index).toBe(7);
    expect(errorOf(() => parsePeriod('2024-07', 'YEAR'))).toBe(
      '2024-07 is a month, but a year is expected here (YYYY)',
    );
    expect(isPeriodCode('2024-Q1', 'QUARTER')).toBe(true);
    expect(isPeriodCode('2024-Q1', 'WEEK')).toBe(false);
  });

  it('offers a non-throwing variant and periodicityOf', () => {
    expect(tryParsePeriod('2024-13')).toEqual({
      ok: false,
      error: '2024-13 is not a month: months run 01–12',
    });
    expect(periodicityOf('2020-W53')).toBe('WEEK');
    expect(() => periodicityOf('nope')).toThrow(PeriodError);
    expect(isPeriodCode(undefined)).toBe(false);
  });
});

describe('formatPeriod', () => {
  it('writes canonical codes with zero padding', () => {
    expect(formatPeriod({ periodicity: 'WEEK', year: 2023, index: 5 })).toBe('2023-W05');
    expect(formatPeriod({ periodicity: 'MONTH', year: 2024, index: 9 })).toBe('2024-09');
    expect(formatPeriod({ periodicity: 'QUARTER', year: 2024, index: 3 })).toBe('2024-Q3');
    expect(formatPeriod({ periodicity: 'YEAR', year: 2024 })).toBe('2024');
  });

  it('rejects parts out of range', () => {
    expect(errorOf(() => formatPeriod({ periodicity: 'MONTH', year: 2024, index: 13 }))).toBe(
      '2024-13 is not a month: months run 01–12',
    );
    expect(() => formatPeriod({ periodicity: 'WEEK', year: 2021, index: 53 })).toThrow('2020-W53 exists');
    expect(() => formatPeriod({ periodicity: 'MONTH', year: 2024 })).toThrow('a month needs an index');
  });
});

describe('period dates', () => {
  const bounds = (code: string) => [toIsoDate(periodStart(code)), toIsoDate(periodEnd(code))];

  it('knows month lengths, leap years included', () => {
    expect(bounds('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(bounds('2023-02')).toEqual(['2023-02-01', '2023-02-28']);
    expect(bounds('2000-02')).toEqual(['2000-02-01', '2000-02-29']);
    expect(bounds('1900-02')).toEqual(['1900-02-01', '1900-02-28']);
    expect(bounds('2024-12')).toEqual(['2024-12-01', '2024-12-31']);
  });

  it('covers quarters and years', () => {
    expect(bounds('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(bounds('2024-Q3')).toEqual(['2024-07-01', '2024-09-30']);
    expect(bounds('2024-Q4')).toEqual(['2024-10-01', '2024-12-31']);
    expect(periodBounds('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('runs ISO weeks Monday to Sunday across year boundaries', () => {
    expect(bounds('2023-W42')).toEqual(['2023-10-16', '2023-10-22']);
    expect(bounds('2020-W53')).toEqual(['2020-12-28', '2021-01-03']);
    expect(bounds('2021-W01')).toEqual(['2021-01-04', '2021-01-10']);
    expect(bounds('2020-W01')).toEqual(['2019-12-30', '2020-01-05']);
    expect(bounds('2025-W01')).toEqual(['2024-12-30', '2025-01-05']);
    expect(bounds('2026-W53')).toEqual(['2026-12-28', '2027-01-03']);
    expect(bounds('2022-W01')).toEqual(['2022-01-03', '2022-01-09']);
  });

  it('counts weeks per ISO year', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2026)).toBe(53);
  });
});

describe('periodOfDate', () => {
  it('finds the ISO week, including days that belong to the neighbouring ISO year', () => {
    expect(periodOfDate('2021-01-01', 'WEEK')).toBe('2020-W53');
    expect(periodOfDate('2021-01-03', 'WEEK')).toBe('2020-W53');
    expect(periodOfDate('2021-01-04', 'WEEK')).toBe('2021-W01');
    expect(periodOfDate('2022-01-01', 'WEEK')).toBe('2021-W52');
    expect(periodOfDate('2019-12-30', 'WEEK')).toBe('2020-W01');
    expect(periodOfDate('2024-12-31', 'WEEK')).toBe('2025-W01');
    expect(periodOfDate('2027-01-01', 'WEEK')).toBe('2026-W53');
    expect(periodOfDate('2023-10-18', 'WEEK')).toBe('2023-W42');
  });

  it('finds month, quarter and year, from strings or local Dates', () => {
    expect(periodOfDate('2024-02-29', 'MONTH')).toBe('2024-02');
    expect(periodOfDate('2024-09-30', 'QUARTER')).toBe('2024-Q3');
    expect(periodOfDate('2024-10-01', 'QUARTER')).toBe('2024-Q4');
    expect(periodOfDate('2021-01-01', 'YEAR')).toBe('2021');
    expect(periodOfDate(new Date(2024, 8, 15, 23, 59), 'MONTH')).toBe('2024-09');
  });

  it('round-trips with periodStart and periodEnd', () => {
    for (const code of ['2020-W53', '2021-W01', '2024-02', '2024-Q4', '2024']) {
      const periodicity = periodicityOf(code);
      expect(periodOfDate(periodStart(code), periodicity)).toBe(code);
      expect(periodOfDate(periodEnd(code), periodicity)).toBe(code);
    }
  });

  it('rejects dates that do not exist', () => {
    expect(errorOf(() => periodOfDate('2023-02-29', 'MONTH'))).toBe(
      '2023-02-29 is not a date: there is no day 29 in 2023-02',
    );
    expect(errorOf(() => periodOfDate('29/02/2024', 'MONTH'))).toBe(
      '29/02/2024 is not a date: expected YYYY-MM-DD',
    );
    expect(() => periodOfDate(new Date(Number.NaN), 'MONTH')).toThrow(PeriodError);
  });
});

describe('period arithmetic', () => {
  it('steps months, quarters and years over year boundaries', () => {
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(addPeriods('2024-11', 3)).toBe('2025-02');
    expect(addPeriods('2024-01', -25)).toBe('2021-12');
    expect(nextPeriod('2024-Q4')).toBe('2025-Q1');
    expect(addPeriods('2024-Q1', -5)).toBe('2022-Q4');
    expect(addPeriods('2024', 2)).toBe('2026');
    expect(addPeriods('2024-07', 0)).toBe('2024-07');
  });

  it('steps ISO weeks through week 53', () => {
    expect(nextPeriod('2020-W52')).toBe('2020-W53');
    expect(nextPeriod('2020-W53')).toBe('2021-W01');
    expect(nextPeriod('2021-W52')).toBe('2022-W01');
    expect(previousPeriod('2021-W01')).toBe('2020-W53');
    expect(addPeriods('2022-W01', 93)).toBe('2023-W42');
    expect(addPeriods('2023-W42', -93)).toBe('2022-W01');
  });

  it('measures distances', () => {
    expect(periodDistance('2022-W01', '2023-W42')).toBe(93);
    expect(periodDistance('2020-W01', '2021-W01')).toBe(53);
    expect(periodDistance('2024-09', '2026-09')).toBe(24);
    expect(periodDistance('2026-09', '2024-09')).toBe(-24);
    expect(periodDistance('2024-Q1', '2025-Q3')).toBe(6);
    expect(() => periodDistance('2024-09', '2024')).toThrow('a month (2024-09) and a year (2024)');
  });

  it('lists inclusive ranges', () => {
    expect(periodRange('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2024-Q3', '2024-Q3')).toEqual(['2024-Q3']);
    expect(periodRange('2019-01', '2024-12')).toHaveLength(72);
    expect(() => periodRange('2025-01', '2024-12')).toThrow('periodRange: 2025-01 comes after 2024-12');
    expect(() => periodRange('2024-01', '2024-Q4')).toThrow(PeriodError);
  });

  it('rejects fractional steps', () => {
    expect(() => addPeriods('2024-01', 1.5)).toThrow('expected a whole number');
  });
});

describe('comparePeriods', () => {
  it('sorts periods of one kind chronologically, including weeks around New Year', () => {
    const sorted = ['2021-W01', '2020-W53', '2020-W09', '2019-W52'].sort(comparePeriods);
    expect(sorted).toEqual(['2019-W52', '2020-W09', '2020-W53', '2021-W01']);
    expect(['2024-10', '2024-02', '2023-12'].sort(comparePeriods)).toEqual(['2023-12', '2024-02', '2024-10']);
    expect(comparePeriods('2024-Q2', '2024-Q2')).toBe(0);
  });

  it('sorts mixed kinds by first day, then by length', () => {
    expect(['2024', '2024-Q1', '2024-01', '2023-12'].sort(comparePeriods)).toEqual([
      '2023-12',
      '2024-01',
      '2024-Q1',
      '2024',
    ]);
    expect(comparePeriods('2020-W53', '2021-01')).toBeLessThan(0);
  });
});
