import { toCsv } from '@kraftsamling/shared/exports';
import { GoalExportLabels, GoalTableRow, goalExportTable, goalTableRows, sortGoalRows } from './goal-table';
import { furthestBehind } from './models';

const exact = (value: number) => ({ value, low: value, high: value });

function row(areaName: string, overrides: Partial<GoalTableRow> = {}): GoalTableRow {
  return {
    key: areaName,
    areaCode: null,
    areaName,
    collaboration: false,
    baseline: null,
    latest: null,
    latestPeriod: null,
    change: null,
    relativeChange: null,
    target: null,
    expected: null,
    progress: null,
    status: 'NO_STATUS',
    flags: [],
    included: null,
    ...overrides,
  };
}

const LABELS: GoalExportLabels = {
  sheetName: 'Mål',
  headers: {
    area: 'Kommun',
    code: 'Kod',
    baseline: 'Utgångsläge',
    latest: 'Senaste',
    latestPeriod: 'Period',
    change: 'Förändring',
    relativeChange: 'Förändring %',
    target: 'Målvärde',
    expected: 'Förväntat',
    progress: 'Andel %',
    status: 'Status',
    flags: 'Anmärkningar',
  },
  status: (status) => ({ AT_RISK: 'Riskerar', UNCERTAIN: 'Osäkert' })[status as string] ?? status,
  flag: (flag) => (flag === 'BOUNDED_BASELINE' ? 'Osäkert utgångsläge (<5)' : flag),
  period: (period) => (period === '2026-09' ? 'september 2026' : period),
};

describe('sortGoalRows', () => {
  const rows = [
    row('Örkelljunga', { latest: exact(30), status: 'ON_TRACK' }),
    row('Bjuv', { latest: null, status: 'NO_STATUS' }),
    row('Åstorp', { latest: { value: null, low: 1, high: 4 }, status: 'OFF_TRACK' }),
    row('Höganäs', { latest: exact(12), status: 'AT_RISK' }),
  ];

  it('sorts numbers by their low end, a row without a figure last in either direction', () => {
    expect(sortGoalRows(rows, 'latest', 'asc').map((r) => r.areaName)).toEqual([
      'Åstorp',
      'Höganäs',
      'Örkelljunga',
      'Bjuv',
    ]);
    expect(sortGoalRows(rows, 'latest', 'desc').map((r) => r.areaName)).toEqual([
      'Örkelljunga',
      'Höganäs',
      'Åstorp',
      'Bjuv',
    ]);
  });

  it('sorts names the Swedish way (Å, Ä, Ö after Z) and statuses furthest behind first', () => {
    expect(sortGoalRows(rows, 'areaName', 'asc').map((r) => r.areaName)).toEqual([
      'Bjuv',
      'Höganäs',
      'Åstorp',
      'Örkelljunga',
    ]);
    expect(sortGoalRows(rows, 'status', 'asc').map((r) => r.status)).toEqual([
      'OFF_TRACK',
      'AT_RISK',
      'NO_STATUS',
      'ON_TRACK',
    ]);
  });

  it('keeps the given order without a sort', () => {
    expect(sortGoalRows(rows, '', '').map((r) => r.areaName)).toEqual(rows.map((r) => r.areaName));
  });
});

describe('goalExportTable', () => {
  const progress = {
    members: [
      {
        areaCode: '1283',
        areaName: 'Helsingborg',
        status: 'AT_RISK' as const,
        flags: [],
        latestPeriod: '2026-09',
        included: null,
        expectedProgress: 0.5,
        baseline: exact(240),
        latest: exact(200),
        target: exact(120),
        expected: exact(180),
        change: exact(-40),
        relativeChange: exact(-40 / 240),
        progress: exact(1 / 3),
        projection: exact(160),
        values: [],
        lowerBounds: [],
        upperBounds: [],
      },
      {
        areaCode: '1275',
        areaName: '=HYPERLINK("x")',
        status: 'UNCERTAIN' as const,
        flags: ['BOUNDED_BASELINE' as const],
        latestPeriod: null,
        included: null,
        expectedProgress: 0.5,
        baseline: { value: null, low: 1, high: 4 },
        latest: null,
        target: { value: null, low: 0.5, high: 2 },
        expected: null,
        change: null,
        relativeChange: null,
        progress: null,
        projection: null,
        values: [],
        lowerBounds: [],
        upperBounds: [],
      },
    ],
    collaboration: {
      areaCode: null,
      areaName: 'Familjen Helsingborg',
      status: 'AT_RISK' as const,
      flags: [],
      latestPeriod: '2026-09',
      included: 2,
      expectedProgress: 0.5,
      baseline: { value: null, low: 241, high: 244 },
      latest: exact(207),
      target: null,
      expected: null,
      change: null,
      relativeChange: null,
      progress: null,
      projection: null,
      values: [],
      lowerBounds: [],
      upperBounds: [],
    },
  };

  it('writes exact figures as numbers, shares in per cent, a range as text, the collaboration last', () => {
    const table = goalExportTable(goalTableRows(progress), LABELS);
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(LABELS.headers));
    expect(table.rows[0]).toEqual([
      'Helsingborg',
      '1283',
      240,
      200,
      'september 2026',
      -40,
      -16.67,
      120,
      180,
      33.33,
      'Riskerar',
      null,
    ]);
    expect(table.rows[1]!.slice(2, 4)).toEqual(['1–4', null]);
    expect(table.rows[1]![11]).toBe('Osäkert utgångsläge (<5)');
    expect(table.rows[2]!.slice(0, 4)).toEqual(['Familjen Helsingborg', null, '241–244', 207]);
  });

  it('writes a figure with no high end ("at least 12") as "≥12" text, never as a number', () => {
    const atLeast = row('Bjuv', {
      baseline: { value: null, low: 12, high: null },
      target: { value: null, low: 6, high: null },
      status: 'UNCERTAIN',
    });
    const table = goalExportTable({ members: [atLeast], collaboration: row('Familjen Helsingborg') }, LABELS);
    expect(table.rows[0]!.slice(2, 3)).toEqual(['≥12']);
    expect(table.rows[0]![7]).toBe('≥6');
  });

  it('is safe to open in a spreadsheet: a name that starts a formula is written as text', () => {
    const csv = toCsv(goalExportTable(goalTableRows(progress), LABELS));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('furthestBehind', () => {
  it('lists only members off track or at risk, off track first, then the largest gap', () => {
    const members = [
      { areaName: 'Helsingborg', status: 'AT_RISK' as const, gap: exact(-0.1) },
      { areaName: 'Landskrona', status: 'ON_TRACK' as const, gap: exact(0.2) },
      { areaName: 'Bjuv', status: 'OFF_TRACK' as const, gap: exact(-0.3) },
      { areaName: 'Åstorp', status: 'AT_RISK' as const, gap: exact(-0.19) },
      { areaName: 'Perstorp', status: 'UNCERTAIN' as const, gap: null },
      { areaName: 'Klippan', status: 'OFF_TRACK' as const, gap: exact(-0.5) },
    ];
    expect(furthestBehind(members).map((m) => m.areaName)).toEqual(['Klippan', 'Bjuv', 'Åstorp']);
    expect(furthestBehind(members, 10).map((m) => m.areaName)).toEqual([
      'Klippan',
      'Bjuv',
      'Åstorp',
      'Helsingborg',
    ]);
  });
});
