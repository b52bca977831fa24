import {
  EntryCell,
  changedEntries,
  editableMunicipalities,
  entryIndexOfField,
  parseEnteredNumber,
  recentPeriods,
} from './value-entry';

describe('parseEnteredNumber', () => {
  it.each([
    ['12', 12],
    ['3,5', 3.5],
    ['3.5', 3.5],
    [' 1 234,75 ', 1234.75],
    ['1\u00a0234', 1234],
    [',5', 0.5],
    ['0', 0],
    ['-0', 0],
  ])('reads %p as %p', (text, value) => {
    expect(parseEnteredNumber(text)).toEqual({ ok: true, value });
  });

  it('reads an empty cell as "no value"', () => {
    expect(parseEnteredNumber('')).toEqual({ ok: true, value: null });
    expect(parseEnteredNumber('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses negative numbers', () => {
    expect(parseEnteredNumber('-3')).toEqual({ ok: false, problem: 'negative' });
    expect(parseEnteredNumber('\u22122,5')).toEqual({ ok: false, problem: 'negative' });
  });

  it.each(['tolv', '12a', '1,2,3', '1.234,5', '1e3', '+-2', '--1'])('refuses %p as not a number', (text) => {
    expect(parseEnteredNumber(text)).toEqual({ ok: false, problem: 'notANumber' });
  });
});

describe('changedEntries', () => {
  const cells: EntryCell[] = [
    { indicatorCode: 'local.jobbspar', period: '2024-09', original: 12, version: 3 },
    { indicatorCode: 'local.jobbspar', period: '2024-08', original: 10, version: 1 },
    { indicatorCode: 'local.jobbspar', period: '2024-07', original: null, version: null },
    { indicatorCode: 'local.arbetstraning', period: '2024-09', original: 4, version: 2 },
    { indicatorCode: 'local.arbetstraning', period: '2024-08', original: null, version: null },
  ];

  it('sends only the cells whose value changed, with the version that was loaded', () => {
    const typed: Record<string, string> = {
      'local.jobbspar@2024-09': '12,0', // same number written differently: unchanged
      'local.jobbspar@2024-08': '11', // changed
      'local.jobbspar@2024-07': '5', // new value: no version to expect
      'local.arbetstraning@2024-09': '', // cleared: sent as null
      'local.arbetstraning@2024-08': '', // still empty: unchanged
    };
    expect(changedEntries(cells, (cell) => typed[`${cell.indicatorCode}@${cell.period}`])).toEqual([
      { indicatorCode: 'local.jobbspar', period: '2024-08', value: 11, expectedVersion: 1 },
      { indicatorCode: 'local.jobbspar', period: '2024-07', value: 5 },
      { indicatorCode: 'local.arbetstraning', period: '2024-09', value: null, expectedVersion: 2 },
    ]);
  });

  it('sends nothing when nothing changed, and leaves out cells that do not parse', () => {
    const unchanged = (cell: EntryCell) => (cell.original === null ? '' : String(cell.original));
    expect(changedEntries(cells, unchanged)).toEqual([]);
    expect(changedEntries(cells, (cell) => (cell.period === '2024-08' ? 'elva' : unchanged(cell)))).toEqual(
      [],
    );
  });
});

describe('entry helpers', () => {
  it('lists the last periods up to the current one, newest first', () => {
    const today = new Date(2024, 9, 15); // 15 October 2024
    expect(recentPeriods('MONTH', 3, today)).toEqual(['2024-10', '2024-09', '2024-08']);
    expect(recentPeriods('QUARTER', 2, today)).toEqual(['2024-Q4', '2024-Q3']);
    expect(recentPeriods('WEEK', 2, new Date(2025, 0, 1))).toEqual(['2025-W01', '2024-W52']);
  });

  it('finds which sent value a field error is about', () => {
    expect(entryIndexOfField('values.3.value')).toBe(3);
    expect(entryIndexOfField('values[12].period')).toBe(12);
    expect(entryIndexOfField('areaCode')).toBeNull();
  });

  it('lets a coordinator enter for every member municipality and an editor only for their own', () => {
    const municipalities = [
      { code: '1283', name: 'Helsingborg' },
      { code: '1282', name: 'Landskrona' },
    ];
    const base = { municipalities, isPlatformAdmin: false, ownMunicipalityCodes: ['1282'] };
    expect(editableMunicipalities({ ...base, roles: ['COORDINATOR'] })).toEqual(municipalities);
    expect(editableMunicipalities({ ...base, roles: ['MUNICIPAL_EDITOR'] })).toEqual([
      { code: '1282', name: 'Landskrona' },
    ]);
    expect(editableMunicipalities({ ...base, roles: ['VIEWER'], isPlatformAdmin: true })).toHaveLength(2);
    expect(editableMunicipalities({ ...base, roles: ['VIEWER'], ownMunicipalityCodes: [] })).toEqual([]);
  });
});
