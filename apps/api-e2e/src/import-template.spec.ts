import ExcelJS from 'exceljs';
import { periodOfDate } from '@kraftsamling/shared/periods';
import { FH_ID, apiUrl, sql, tokenFor } from './support/api';

async function download(query: string, user = 'samordnare') {
  return fetch(`${apiUrl()}/api/imports/template?collaborationId=${FH_ID}&${query}`, {
    headers: { authorization: `Bearer ${await tokenFor(user)}` },
  });
}

describe('the import template to download', () => {
  it('is a workbook whose codes sheet lists the collaboration’s own indicators and member municipalities', async () => {
    const response = await download('format=xlsx&lang=sv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="importmall.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['data', 'anvisningar', 'koder']);
    expect(workbook.getWorksheet('data')!.getRow(1).values).toEqual([
      undefined,
      'indicator_code',
      'area_code',
      'period',
      'value',
      'flags',
      'note',
    ]);

    const indicators: string[] = [];
    const areas: [string, string][] = [];
    workbook.getWorksheet('koder')!.eachRow((row, number) => {
      if (number === 1) return;
      if (row.getCell(1).value) indicators.push(String(row.getCell(1).value));
      if (row.getCell(6).value) areas.push([String(row.getCell(6).value), String(row.getCell(7).value)]);
    });
    const local = await sql(`SELECT code FROM indicator WHERE collaboration_id = $1`, [FH_ID]);
    expect(indicators.sort()).toEqual(local.map((row) => String(row['code'])).sort());
    expect(areas).toHaveLength(11);
    expect(areas).toContainEqual(['1283', 'Helsingborgs stad']);
    expect(areas).toContainEqual(['1260', 'Bjuvs kommun']);
    expect(areas.map(([code]) => code)).not.toContain('2181');
  });

  it('reads back: the downloaded template with one row filled in imports without a problem', async () => {
    const response = await download('format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    workbook
      .getWorksheet('data')!
      .addRow(['jobbspar.deltagare', '1283', periodOfDate(new Date(), 'MONTH'), 5]);
    const form = new FormData();
    form.set('source', 'template');
    form.set('dryRun', 'true');
    form.set('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), 'importmall.xlsx');
    const answer = await fetch(`${apiUrl()}/api/imports?collaborationId=${FH_ID}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('samordnare')}` },
      body: form,
    });
    const report = (await answer.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.type === 'report')?.report;
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('TEMPLATE_XLSX');
  });

  it('as CSV is the header line Excel opens in Swedish, and an unknown format is refused by name', async () => {
    const csv = await download('format=csv');
    // The bytes, not text(): decoding would drop the byte order mark Excel needs.
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe(
      '\uFEFFindicator_code;area_code;period;value;flags;note\r\n',
    );
    const wrong = await download('format=pdf');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('format');
  });

  it('is refused to those who may not import the collaboration’s figures', async () => {
    expect((await download('format=xlsx', 'helsingborg')).status).toBe(403);
  });
});
