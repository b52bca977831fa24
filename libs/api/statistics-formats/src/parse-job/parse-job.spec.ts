import { MAX_LISTED_PROBLEMS, runParseJob } from './parse-job';

describe('runParseJob', () => {
  it('lists at most 1 000 problems and counts the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `X;1283;2024-01;not a number ${i}`);
    const bytes = new TextEncoder().encode(['indicator_code;area_code;period;value', ...rows].join('\n'));
    const parsed = await runParseJob({ source: 'TEMPLATE', bytes });
    expect(parsed.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(parsed.problems[0].message).toBe('value "not a number 0" is not a number');
    expect(parsed.problems.at(-1)).toEqual({
      location: {},
      message: '500 more problems are not listed; correct the ones above and try again',
    });
  });
});
