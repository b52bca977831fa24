import { normaliseAreaCode } from './model';

describe('normaliseAreaCode', () => {
  it('keeps 4-digit municipality codes', () => {
    expect(normaliseAreaCode('0114')).toBe('0114');
    expect(normaliseAreaCode('1283')).toBe('1283');
    expect(normaliseAreaCode(' 2584 ')).toBe('2584');
  });

  it('writes counties as 00NN and the country as 0000', () => {
    expect(normaliseAreaCode('12')).toBe('0012');
    expect(normaliseAreaCode('01')).toBe('0001');
    expect(normaliseAreaCode('0012')).toBe('0012');
    expect(normaliseAreaCode('00')).toBe('0000');
    expect(normaliseAreaCode('0000')).toBe('0000');
    expect(normaliseAreaCode('Riket')).toBe('0000');
    expect(normaliseAreaCode('riket')).toBe('0000');
  });

  it('returns null for anything else', () => {
    for (const code of [
      '',
      '1',
      '114',
      '12345',
      'SE1',
      'SE224',
      'G12345',
      '0114_0115',
      'Helsingborg',
      '12A',
    ]) {
      expect(normaliseAreaCode(code)).toBeNull();
    }
    expect(normaliseAreaCode(undefined as unknown as string)).toBeNull();
  });
});
