import { describe, expect, it } from '@jest/globals';
import { UsageError, parseCliArguments } from './cli';

describe('parseCliArguments', () => {
  it('defaults to .data/demo-data', () => {
    expect(parseCliArguments([])).toEqual({ outDir: '.data/demo-data', help: false });
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(
      parseCliArguments(['--out', 'x', '--today=2025-04-10', '--from', '2023-09', '--reference-data', 'r']),
    ).toEqual({ outDir: 'x', today: '2025-04-10', from: '2023-09', referenceDataDir: 'r', help: false });
    expect(parseCliArguments(['-h']).help).toBe(true);
  });

  it('refuses unknown arguments and missing values', () => {
    expect(() => parseCliArguments(['--outdir', 'x'])).toThrow(UsageError);
    expect(() => parseCliArguments(['--out'])).toThrow('--out needs a value');
  });
});
