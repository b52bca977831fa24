import { describe, expect, it } from '@jest/globals';
import { goalBaseline, lastCompleteMonth, monthCode, monthIndex, scbMonthCode, toDay } from './calendar';

describe('calendar', () => {
  it('takes the month before today as the last complete month', () => {
    expect(monthCode(lastCompleteMonth(toDay('2026-11-23')))).toBe('2026-10');
    expect(monthCode(lastCompleteMonth(toDay('2026-01-01')))).toBe('2025-12');
    expect(monthCode(lastCompleteMonth(toDay(new Date(2025, 2, 31, 23, 59))))).toBe('2025-02');
  });

  it('picks a September baseline that puts the last month 9 to 20 months into the goal', () => {
    const cases: [string, string][] = [
      ['2026-10', '2025-09'],
      ['2026-06', '2025-09'],
      ['2026-05', '2024-09'],
      ['2025-03', '2023-09'],
      ['2024-08', '2023-09'],
    ];
    for (const [last, baseline] of cases) expect(monthCode(goalBaseline(monthIndex(last)))).toBe(baseline);
    for (let m = monthIndex('2024-01'); m <= monthIndex('2027-12'); m++) {
      const into = m - goalBaseline(m);
      expect(into).toBeGreaterThanOrEqual(9);
      expect(into).toBeLessThanOrEqual(20);
      expect(monthCode(goalBaseline(m)).endsWith('-09')).toBe(true);
    }
  });

  it('writes months the way SCB does and rejects bad input', () => {
    expect(scbMonthCode(monthIndex('2024-07'))).toBe('2024M07');
    expect(() => monthIndex('2024-13')).toThrow('not a month');
    expect(() => toDay('2025-02-30')).toThrow('not a date');
    expect(() => toDay('yesterday')).toThrow('not a date');
  });
});
