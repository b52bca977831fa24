import { readFileSync } from 'node:fs';
import { parseScbMetadata, ScbMetadataError } from './scb-metadata';

const metadata = () =>
  JSON.parse(readFileSync(new URL('../fixtures/scb/scb_v2_TAB6471_metadata.json', import.meta.url), 'utf8'));

describe('parseScbMetadata', () => {
  it('reads TAB6471’s dimensions, their roles, classes in SCB’s order and the contents’ unit', () => {
    const table = parseScbMetadata(metadata(), 'TAB6471');
    expect(table.id).toBe('TAB6471');
    expect(table.dimensions.map((d) => [d.code, d.role, d.elimination, d.classes.length])).toEqual([
      ['Region', 'REGION', true, 312],
      ['Alder', 'OTHER', false, 134],
      ['Kon', 'OTHER', true, 3],
      ['ContentsCode', 'CONTENTS', false, 1],
      ['Tid', 'TIME', false, 16],
    ]);
    expect(table.dimensions[2]!.classes).toEqual([
      { code: 'TotSa', label: 'totalt, samtliga män och kvinnor' },
      { code: '1', label: 'män' },
      { code: '2', label: 'kvinnor' },
    ]);
    expect(table.dimensions[3]!.classes[0]).toEqual({
      code: '000007SF',
      label: 'Folkmängden per månad',
      unit: 'antal',
      decimals: 0,
    });
  });

  it('refuses an answer for another table, or one that is not metadata', () => {
    expect(() => parseScbMetadata(metadata(), 'TAB638')).toThrow(
      'asked for table TAB638, the answer describes TAB6471',
    );
    expect(() => parseScbMetadata({ values: [] })).toThrow(ScbMetadataError);
  });
});
