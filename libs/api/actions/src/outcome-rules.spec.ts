import { changedFields } from './action.service';
import {
  countProblems,
  isCalendarDate,
  monthOfOutcomePeriod,
  outcomePeriodProblem,
  ZERO_COUNTS,
} from './outcome-rules';
import { languageOf } from './actions.resolver';
import { participationsIndicatorCode } from './indicator-feed';

describe('outcome periods', () => {
  it('accepts the collaboration’s kind of period only, and says which is expected', () => {
    expect(outcomePeriodProblem('2025-03', 'MONTH')).toBeNull();
    expect(outcomePeriodProblem('2023-W42', 'WEEK')).toBeNull();
    expect(outcomePeriodProblem('2023-W42', 'MONTH')).toMatch(/reports outcomes by month/);
    expect(outcomePeriodProblem('2025-03', 'WEEK')).toMatch(/by ISO week/);
    expect(outcomePeriodProblem('2025-13', 'MONTH')).toBeTruthy();
    expect(outcomePeriodProblem('2021-W53', 'WEEK')).toBeTruthy(); // 2021 has 52 ISO weeks
  });

  it('counts a week in the month of its Thursday', () => {
    expect(monthOfOutcomePeriod('2025-03')).toBe('2025-03');
    // 2025-W01 runs Mon 30 Dec 2024 – Sun 5 Jan 2025; its Thursday is 2 January.
    expect(monthOfOutcomePeriod('2025-W01')).toBe('2025-01');
    // 2020-W53 runs 28 Dec 2020 – 3 Jan 2021; Thursday 31 December.
    expect(monthOfOutcomePeriod('2020-W53')).toBe('2020-12');
    // 2023-W35 runs 28 Aug – 3 Sep; Thursday 31 August.
    expect(monthOfOutcomePeriod('2023-W35')).toBe('2023-08');
    // 2023-W39 runs 25 Sep – 1 Oct; Thursday 28 September.
    expect(monthOfOutcomePeriod('2023-W39')).toBe('2023-09');
  });
});

describe('outcome counts', () => {
  const counts = {
    ...ZERO_COUNTS,
    participants: 10,
    started: 4,
    completed: 6,
    employed: 5,
    employedPrivate: 2,
  };

  it('accepts counts that can be, completed beyond started included (people finish later than they start)', () => {
    expect(countProblems(counts)).toEqual([]);
    expect(countProblems({ ...counts, started: 0, completed: 8 })).toEqual([]);
  });

  it('refuses more private-sector jobs than jobs, and more starters or leavers than participants', () => {
    expect(countProblems({ ...counts, employedPrivate: 6 }).map((p) => p.field)).toEqual(['employedPrivate']);
    expect(countProblems({ ...counts, started: 11, studies: 12 }).map((p) => p.field)).toEqual([
      'started',
      'studies',
    ]);
  });
});

describe('helpers', () => {
  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
  });

  it('answers in English only when the client asks for it first', () => {
    expect(languageOf({ headers: { 'accept-language': 'en-GB,en;q=0.9' } })).toBe('en');
    expect(languageOf({ headers: { 'accept-language': 'sv-SE,en;q=0.5' } })).toBe('sv');
    expect(languageOf({ headers: {} })).toBe('sv');
  });

  it('names the participation indicator of a type by its code', () => {
    expect(participationsIndicatorCode('JOB_TRACK')).toBe('insatser.deltagande.job-track');
  });

  it('lists the fields an edit changed, and the rows of recorded outcomes', () => {
    expect(
      changedFields('action.updated', { title: 'a', status: 'PLANNED' }, { title: 'b', status: 'PLANNED' }),
    ).toEqual(['title']);
    expect(
      changedFields('action.outcomes_recorded', null, {
        rows: [{ municipalityCode: '1283', period: '2025-03' }],
      }),
    ).toEqual(['1283 2025-03']);
  });
});
