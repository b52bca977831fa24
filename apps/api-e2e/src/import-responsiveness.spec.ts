import { FH_ID, apiUrl, sql, tokenFor } from './support/api';

/** A valid template CSV of `rows` values for one of Familjen Helsingborg's local (monthly) indicators. */
async function largeTemplateCsv(rows: number): Promise<Uint8Array> {
  // Local figures are kept only for member municipalities: 11 of them, so many months.
  const areas = (
    await sql<{ code: string }>(
      `SELECT municipality_code AS code FROM organization
        WHERE collaboration_id = $1 AND municipality_code IS NOT NULL ORDER BY 1`,
      [FH_ID],
    )
  ).map((r) => r.code);
  const lines = ['indicator_code;area_code;period;value'];
  for (let month = 0; lines.length <= rows; month++) {
    const period = `${1500 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (const area of areas) {
      if (lines.length > rows) break;
      lines.push(`jobbspar.deltagare;${area};${period};${lines.length % 1000}`);
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

describe('the API while a large file is imported', () => {
  it('answers /health while a large CSV is still being parsed', async () => {
    // 50 000 rows (1.8 MB): parsing them takes far longer than answering /health.
    const csv = await largeTemplateCsv(50_000);
    const form = new FormData();
    form.set('source', 'template');
    form.set('dryRun', 'true');
    form.set('file', new Blob([Buffer.from(csv)]), 'stor-mall.csv');
    const response = await fetch(`${apiUrl()}/api/imports?collaborationId=${FH_ID}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('samordnare')}` },
      body: form,
    });
    expect(response.status).toBe(200);

    // What happened, in the order the client saw it.
    const events: string[] = [];
    let health: Promise<void> | undefined;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    let report: { problems: unknown[]; inserted: number } | undefined;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += chunk.value;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines.map((l) => JSON.parse(l))) {
        if (line.type === 'report') {
          events.push('report');
          report = line.report;
          continue;
        }
        if (!events.includes(line.stage)) events.push(line.stage);
        if (line.stage === 'parsing' && !health) {
          // The parse has begun: the API must still answer others meanwhile.
          health = fetch(`${apiUrl()}/health`).then(async (answer) => {
            events.push(`health ${answer.status}`);
            await answer.text();
          });
        }
      }
    }
    await health;
    expect(report).toMatchObject({ problems: [], inserted: 50_000 });
    expect(events.slice(0, 3)).toEqual(['parsing', 'health 200', 'checking']);
  }, 180_000);
});
