import {
  ActionSummary,
  boardColumns,
  countProblems,
  filterActions,
  filterFromParams,
  filterToParams,
  outcomeGrid,
  runsWithin,
  splitList,
  timeline,
} from './models';
import { actionsTable, outcomesTable } from './formatting';

const zero = {
  participants: 0,
  started: 0,
  completed: 0,
  employed: 0,
  employedPrivate: 0,
  studies: 0,
  otherOutcome: 0,
};

function action(overrides: Partial<ActionSummary> & { id: string }): ActionSummary {
  return {
    collaborationId: 'c1',
    groupId: 'g1',
    groupName: 'Arbetsmarknad',
    title: overrides.id,
    type: { id: 't-job', code: 'JOB_TRACK', name: 'Jobbspår', builtIn: true },
    targetGroups: [],
    municipalities: [{ code: '1283', name: 'Helsingborg' }],
    goals: [],
    leadOrganization: null,
    contact: null,
    startOn: '2026-01-01',
    endOn: null,
    status: 'ONGOING',
    plannedParticipants: null,
    confidence: null,
    totals: zero,
    lastActivityAt: '2026-11-01T10:00:00Z',
    version: 1,
    viewerCanEdit: false,
    ...overrides,
  } as ActionSummary;
}

describe('the action filter', () => {
  it('reads what the address holds and leaves out what is malformed', () => {
    expect(
      filterFromParams({ typ: 't1', kommun: '1283', status: 'PAUSED', fran: '2026-01', till: '2026-13' }),
    ).toEqual({
      typeId: 't1',
      municipalityCode: '1283',
      goalId: null,
      status: 'PAUSED',
      from: '2026-01',
      to: null,
    });
    expect(filterFromParams({ kommun: 'Bjuv', status: 'DONE' })).toMatchObject({
      municipalityCode: null,
      status: null,
    });
  });

  it('round-trips through the address', () => {
    const filter = {
      typeId: 't1',
      municipalityCode: '1260',
      goalId: 'g9',
      status: 'PLANNED' as const,
      from: '2025-09',
      to: '2026-02',
    };
    expect(filterFromParams(filterToParams(filter) as Record<string, string>)).toEqual(filter);
  });

  it('keeps actions running at some time in the span, and unscheduled ones', () => {
    const autumn = action({ id: 'a', startOn: '2025-09-01', endOn: '2025-12-31' });
    expect(runsWithin(autumn, '2025-12', null)).toBe(true);
    expect(runsWithin(autumn, '2026-01', null)).toBe(false);
    expect(runsWithin(autumn, null, '2025-08')).toBe(false);
    expect(runsWithin(action({ id: 'b', startOn: null }), '2030-01', '2030-02')).toBe(true);
    expect(runsWithin(action({ id: 'c', startOn: '2020-01-01', endOn: null }), '2030-01', null)).toBe(true);
  });

  it('narrows by type, municipality, goal and status together', () => {
    const actions = [
      action({
        id: 'a',
        municipalities: [{ code: '1260', name: 'Bjuv' }],
        goals: [{ id: 'g1', title: 'Mål' }],
      }),
      action({ id: 'b', status: 'PAUSED', goals: [{ id: 'g1', title: 'Mål' }] }),
      action({ id: 'c', type: { id: 't-fair', code: 'RECRUITMENT_FAIR', name: 'Mässa', builtIn: true } }),
    ];
    expect(filterActions(actions, { goalId: 'g1' }).map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterActions(actions, { goalId: 'g1', status: 'ONGOING' }).map((a) => a.id)).toEqual(['a']);
    expect(filterActions(actions, { municipalityCode: '1283' }).map((a) => a.id)).toEqual(['b', 'c']);
    expect(filterActions(actions, { typeId: 't-fair' }).map((a) => a.id)).toEqual(['c']);
  });
});

describe('the board', () => {
  it('has a column per status in the order actions move, most recently active first', () => {
    const columns = boardColumns([
      action({ id: 'old', lastActivityAt: '2026-01-01T00:00:00Z' }),
      action({ id: 'new', lastActivityAt: '2026-11-29T00:00:00Z' }),
      action({ id: 'done', status: 'COMPLETED' }),
    ]);
    expect(columns.map((c) => c.status)).toEqual(['PLANNED', 'ONGOING', 'PAUSED', 'COMPLETED', 'CANCELLED']);
    expect(columns[1]!.actions.map((a) => a.id)).toEqual(['new', 'old']);
    expect(columns[3]!.actions.map((a) => a.id)).toEqual(['done']);
    expect(columns[0]!.actions).toEqual([]);
  });
});

describe('the timeline', () => {
  it('places bars between start and end over the whole span; open ones run to the end', () => {
    const line = timeline(
      [
        action({ id: 'first', startOn: '2026-01-01', endOn: '2026-01-11' }),
        action({ id: 'open', startOn: '2026-01-06', endOn: null }),
        action({ id: 'unscheduled', startOn: null }),
      ],
      '2026-01-21',
    )!;
    expect(line.start).toBe('2026-01-01');
    expect(line.end).toBe('2026-01-21');
    expect(line.bars.map((bar) => bar.action.id)).toEqual(['first', 'open']);
    expect(line.bars[0]).toMatchObject({ offset: 0, width: 50, open: false });
    expect(line.bars[1]).toMatchObject({ offset: 25, width: 75, open: true });
    expect(timeline([action({ id: 'x', startOn: null })], '2026-01-01')).toBeNull();
  });
});

describe('the outcome grid', () => {
  const detail = {
    municipalities: [
      { code: '1283', name: 'Helsingborg' },
      { code: '1260', name: 'Bjuv' },
    ],
    outcomes: [
      {
        actionId: 'a',
        municipalityCode: '1283',
        period: '2026-02',
        counts: { ...zero, participants: 12, employed: 3 },
        version: 1,
        recordedByName: null,
        recordedAt: '',
      },
      {
        actionId: 'a',
        municipalityCode: '1283',
        period: '2026-01',
        counts: { ...zero, participants: 10 },
        version: 1,
        recordedByName: null,
        recordedAt: '',
      },
      {
        actionId: 'a',
        municipalityCode: '1260',
        period: '2026-02',
        counts: { ...zero, participants: 5 },
        version: 2,
        recordedByName: null,
        recordedAt: '',
      },
    ],
  };

  it('shows one count as municipality × period, with totals, and nothing recorded as empty, not 0', () => {
    const grid = outcomeGrid(detail, 'participants');
    expect(grid.periods).toEqual(['2026-01', '2026-02']);
    expect(grid.rows).toEqual([
      { code: '1260', name: 'Bjuv', cells: [null, 5], total: 5 },
      { code: '1283', name: 'Helsingborg', cells: [10, 12], total: 22 },
    ]);
    expect(grid.totals).toEqual([10, 17]);
    expect(grid.total).toBe(27);
    expect(outcomeGrid(detail, 'employed').total).toBe(3);
  });

  it('exports every count of every row, periods named in the language', () => {
    const table = outcomesTable(
      detail,
      {
        sheet: 'Utfall',
        column: (k) => k,
        status: (s) => s,
        measure: (m) => m,
        municipality: 'Kommun',
        code: 'Kod',
        period: 'Period',
      },
      'sv',
    );
    expect(table.columns.map((c) => c.header).slice(0, 4)).toEqual([
      'Kommun',
      'Kod',
      'Period',
      'participants',
    ]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]!.slice(0, 4)).toEqual(['Helsingborg', '1283', 'januari 2026', 10]);
  });
});

describe('counts and lists', () => {
  it('refuses negative or fractional counts and outcomes that cannot be', () => {
    expect(countProblems({ ...zero, participants: 10, employed: 3, employedPrivate: 2 })).toEqual({});
    expect(countProblems({ ...zero, participants: 10, employed: 3, employedPrivate: 4 })).toEqual({
      employedPrivate: 'privateAboveEmployed',
    });
    expect(countProblems({ ...zero, participants: 2, started: 3 })).toEqual({ started: 'aboveParticipants' });
    expect(countProblems({ ...zero, participants: -1 })).toMatchObject({ participants: 'count' });
    expect(countProblems({ ...zero, participants: 1.5 })).toMatchObject({ participants: 'count' });
  });

  it('splits a typed list by lines or semicolons, trimmed and without repeats', () => {
    expect(splitList(' Unga vuxna\n\nUtrikes födda kvinnor; Unga vuxna ')).toEqual([
      'Unga vuxna',
      'Utrikes födda kvinnor',
    ]);
  });

  it('exports the actions with their totals as participations', () => {
    const table = actionsTable([action({ id: 'a', totals: { ...zero, participants: 7 } })], {
      sheet: 'Insatser',
      column: (k) => k,
      status: (s) => `status:${s}`,
      measure: (m) => m,
    });
    expect(table.rows[0]!.slice(0, 4)).toEqual(['a', 'Jobbspår', 'status:ONGOING', 'Helsingborg']);
    expect(table.rows[0]![10]).toBe(7);
  });
});
