import { locationParts } from './problem-location';

describe('locationParts', () => {
  it('names the sheet and the cell, or the row and column when there is no cell', () => {
    expect(locationParts({ sheet: 'Data', cell: 'D12', row: 12, column: 'D' })).toEqual([
      { key: 'sheet', value: 'Data' },
      { key: 'cell', value: 'D12' },
    ]);
    expect(locationParts({ row: 12, column: 'TOTSOK' })).toEqual([
      { key: 'row', value: 12 },
      { key: 'column', value: 'TOTSOK' },
    ]);
  });

  it('names a value index or a JSON path, and nothing for the whole file', () => {
    expect(locationParts({ index: 0, path: 'value[0]' })).toEqual([
      { key: 'index', value: 0 },
      { key: 'path', value: 'value[0]' },
    ]);
    expect(locationParts({})).toEqual([]);
    expect(locationParts({ sheet: null, row: null })).toEqual([]);
  });
});
