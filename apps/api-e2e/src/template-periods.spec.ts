import { addPeriods, periodOfDate } from '@kraftsamling/shared/periods';
import { FH_ID, apiUrl, sql, tokenFor } from './support/api';

interface Problem {
  location: { row?: number; cell?: string };
  message: string;
}

/** Uploads a template CSV of local figures as the web app does; the NDJSON answer's report. */
async function importTemplate(rows: string[], dryRun: boolean) {
  const form = new FormData();
  form.set('source', 'template');
  form.set('dryRun', String(dryRun));
  form.set(
    'file',
    new Blob([Buffer.from(['indicator_code,area_code,period,value', ...rows].join('\n') + '\n')]),
    'mall.csv',
  );
  const response = await fetch(`${apiUrl()}/api/imports?collaborationId=${FH_ID}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor('samordnare')}` },
    body: form,
  });
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return lines.find((line) => line.type === 'report')?.report as { problems: Problem[]; inserted: number };
}

describe('the template import and periods', () => {
  it('refuses a period that has not begun, naming its row and cell, and writes nothing of the file', async () => {
    const current = periodOfDate(new Date(), 'MONTH');
    const next = addPeriods(current, 1);
    const countBefore = async () =>
      (
        await sql(
          `SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
            WHERE i.code = 'jobbspar.deltagare' AND i.collaboration_id = $1`,
          [FH_ID],
        )
      )[0].n as number;
    const before = await countBefore();
    const report = await importTemplate(
      [`jobbspar.deltagare,1283,${current},12`, `jobbspar.deltagare,1260,${next},7`],
      false,
    );
    expect(report.inserted).toBe(0);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toContain(`${next} has not begun yet`);
    expect(report.problems[0]!.location).toMatchObject({ row: 3 });
    expect(await countBefore()).toBe(before);

    // The period that is under way is accepted.
    const dry = await importTemplate([`jobbspar.deltagare,1283,${current},12`], true);
    expect(dry.problems).toEqual([]);
  });
});
