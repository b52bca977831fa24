import { readFileSync } from 'node:fs';
import { decodeJsonStat } from './decode';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/jsonstat/${name}`, import.meta.url));

describe('decodeJsonStat on the json-stat.org samples', () => {
  it('galicia: index arrays, two geo roles, 3 960 cells of which exactly 4 are null', () => {
    const decoded = decodeJsonStat(fixture('jsonstat2_sample_galicia.json'));
    expect(decoded.problems).toEqual([]);
    expect(decoded.dimensions.map((d) => [d.id, d.codes.length])).toEqual([
      ['birth', 6],
      ['age', 22],
      ['gender', 3],
      ['time', 2],
      ['residence', 5],
      ['concept', 1],
    ]);
    expect(decoded.role).toEqual({ time: ['time'], geo: ['residence', 'birth'], metric: ['concept'] });
    expect(decoded.dimensions.find((d) => d.id === 'residence')?.roles).toEqual(['geo']);
    // concept has no index: its single category comes from the labels.
    expect(decoded.dimensions[5].codes).toEqual(['pop']);
    const cells = [...decoded.cells()];
    expect(cells).toHaveLength(3960);
    expect(decoded.length).toBe(3960);
    expect(cells.filter((c) => c.value === null).map((c) => c.index)).toEqual([3278, 3288, 3298, 3947]);
    expect(cells[3278]).toEqual({
      index: 3278,
      coordinates: { birth: 'A', age: '100', gender: 'T', time: '2011', residence: '32', concept: 'pop' },
      value: null,
    });
    expect(cells[0]).toEqual({
      index: 0,
      coordinates: { birth: 'T', age: 'T', gender: 'T', time: '2001', residence: 'T', concept: 'pop' },
      value: 2695880,
    });
    expect(cells.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBe(87493659);
    expect(decoded.label).toContain('Population');
  });

  it('oecd: status as an object keyed by cell index, a dimension without index', () => {
    const decoded = decodeJsonStat(fixture('jsonstat2_sample_oecd.json'));
    expect(decoded.problems).toEqual([]);
    expect(decoded.dimensions.map((d) => d.codes.length)).toEqual([1, 36, 12]);
    expect(decoded.dimensions[0].codes).toEqual(['UNR']);
    const cells = [...decoded.cells()];
    expect(cells).toHaveLength(432);
    expect(cells.filter((c) => c.status === 'e')).toHaveLength(72);
    expect(cells.filter((c) => c.status !== undefined && c.status !== 'e')).toHaveLength(0);
    expect(cells[0]).toEqual({
      index: 0,
      coordinates: { concept: 'UNR', area: 'AU', year: '2003' },
      value: 5.943826289,
    });
    expect(cells[10]).toEqual({
      index: 10,
      coordinates: { concept: 'UNR', area: 'AU', year: '2013' },
      value: 5.50415003,
      status: 'e',
    });
    expect(decoded.dimensions[1].labels['AU']).toBe('Australia');
    expect(cells.every((c) => c.value !== null)).toBe(true);
  });

  it('canada: status array of length 1 applies to every cell; index arrays; a dimension with labels only', () => {
    const decoded = decodeJsonStat(fixture('jsonstat2_sample_canada.json'));
    expect(decoded.problems).toEqual([]);
    expect(decoded.dimensions.map((d) => d.id)).toEqual(['country', 'year', 'age', 'concept', 'sex']);
    expect(decoded.dimensions[0].codes).toEqual(['CA']);
    expect(decoded.dimensions[4].codes).toEqual(['T', 'M', 'F']);
    const cells = [...decoded.cells()];
    expect(cells).toHaveLength(120);
    expect(cells.every((c) => c.status === 'a')).toBe(true);
    expect(
      cells
        .slice(0, 4)
        .map((c) => [c.coordinates['age'], c.coordinates['concept'], c.coordinates['sex'], c.value]),
    ).toEqual([
      ['T', 'POP', 'T', 34880.5],
      ['T', 'POP', 'M', 17309.1],
      ['T', 'POP', 'F', 17571.3],
      ['T', 'PERCENT', 'T', 100],
    ]);
    expect(cells[119]).toMatchObject({
      coordinates: { age: 'older', concept: 'PERCENT', sex: 'F' },
      value: 1,
    });
  });
});

describe('decodeJsonStat on hand-made edge cases', () => {
  const base = {
    version: '2.0',
    class: 'dataset',
    id: ['a', 'b'],
    size: [2, 2],
    dimension: {
      a: { category: { index: { x: 0, y: 1 } } },
      b: { category: { index: ['p', 'q'] } },
    },
  };

  it('reads a sparse value object: absent cells are missing', () => {
    const decoded = decodeJsonStat({ ...base, value: { '0': 1, '3': 4 }, status: 'p' });
    expect(decoded.problems).toEqual([]);
    expect([...decoded.cells()].map((c) => [c.coordinates, c.value, c.status])).toEqual([
      [{ a: 'x', b: 'p' }, 1, 'p'],
      [{ a: 'x', b: 'q' }, null, 'p'],
      [{ a: 'y', b: 'p' }, null, 'p'],
      [{ a: 'y', b: 'q' }, 4, 'p'],
    ]);
  });

  it('reads a full-length status array with gaps', () => {
    const decoded = decodeJsonStat({ ...base, value: [1, null, 3, 4], status: [null, '..', '', 'e'] });
    expect([...decoded.cells()].map((c) => c.status)).toEqual([undefined, '..', undefined, 'e']);
  });

  it('names structural problems with their path', () => {
    const problems = (doc: Record<string, unknown>) => decodeJsonStat(doc).problems;
    expect(problems({ ...base, value: [1, 2, 3] })).toEqual([
      { location: { path: 'value' }, message: 'value has 3 entries but the dimension sizes give 4' },
    ]);
    expect(problems({ ...base, value: [] })[0].message).toContain('metadata response');
    expect(problems({ ...base, value: [1, 2, 3, 4], status: ['a', 'b'] })[0].message).toBe(
      'status has 2 entries: it must have 1 (for every cell) or 4',
    );
    expect(problems({ ...base, value: { '4': 1 } })[0]).toEqual({
      location: { path: 'value["4"]' },
      message: 'value key "4" is not a cell index 0–3',
    });
    expect(problems({ ...base, size: [3, 2], value: [1, 2, 3, 4, 5, 6] })[0].message).toBe(
      'dimension "a" has 2 categories but size says 3',
    );
    expect(
      problems({
        ...base,
        dimension: { ...base.dimension, a: { category: { index: { x: 0, y: 0 } } } },
        value: [1, 2, 3, 4],
      })[0],
    ).toEqual({
      location: { path: 'dimension.a.category.index.y' },
      message: 'category "y" of "a" has position 0: positions must be 0–1, each used once',
    });
    expect(problems({ ...base, dimension: { a: base.dimension.a }, value: [1, 2, 3, 4] })[0]).toEqual({
      location: { path: 'dimension.b' },
      message: 'dimension "b" is missing or not an object',
    });
    expect(
      problems({
        ...base,
        dimension: { ...base.dimension, b: { category: { label: { p: 'P', q: 'Q' } } } },
        value: [1, 2, 3, 4],
      })[0].message,
    ).toContain('only allowed for a single category');
    expect(problems({ ...base, id: ['a', 'a'], value: [] })[0].message).toBe('id lists a dimension twice');
    expect(problems({ ...base, size: [2], value: [] })[0].message).toBe(
      'size must be an array of 2 whole numbers, one per id',
    );
    expect(problems({ ...base, role: { time: ['zz'] }, value: [1, 2, 3, 4] })[0].message).toBe(
      'role.time must list dimension ids from id',
    );
  });

  it('reports every bad cell with its coordinates and skips only those', () => {
    const decoded = decodeJsonStat({ ...base, value: [1, '2', 3, true] });
    expect(decoded.problems).toEqual([
      { location: { index: 1, path: 'value[1]' }, message: 'value "2" at a=x, b=q is not a number or null' },
      { location: { index: 3, path: 'value[3]' }, message: 'value true at a=y, b=q is not a number or null' },
    ]);
    expect([...decoded.cells()].map((c) => c.index)).toEqual([0, 2]);
  });

  it('names files that are not a JSON-stat 2.0 dataset', () => {
    const message = (input: Parameters<typeof decodeJsonStat>[0]) =>
      decodeJsonStat(input).problems.map((p) => p.message);
    expect(message({ class: 'collection', link: {} })).toEqual([
      'the file is a JSON-stat collection, not a single dataset',
    ]);
    expect(message({ dataset: { dimension: { id: ['a'], size: [1] }, value: [1] } })).toEqual([
      'the file is a JSON-stat 1.x bundle of datasets: request the json-stat2 format',
    ]);
    expect(message({ version: '1.0', class: 'dataset' })[0]).toContain('only 2.x is supported');
    expect(message({ columns: [], data: [] })[0]).toContain('PxWeb v1');
    expect(message([1, 2])).toEqual(['the file is not a JSON-stat dataset: expected a JSON object']);
    expect(message('{"id": [')[0]).toMatch(/^the file is not valid JSON: .* \(line 1, column 9\)$/);
    expect(message(new Uint8Array([0x50, 0x4b, 3, 4]))).toEqual([
      'the file is a ZIP archive (e.g. an XLSX workbook), not JSON',
    ]);
    expect(message(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toEqual([
      'the file is not UTF-8 text: save it as UTF-8 (in Excel: "CSV UTF-8")',
    ]);
    expect(message('')).toEqual(['the file is empty']);
  });

  it('treats anything that is not an input as a programmer error', () => {
    expect(() => decodeJsonStat(42 as unknown as string)).toThrow(TypeError);
  });
});
