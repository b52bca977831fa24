import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiUrl, sql, tokenFor } from './support/api';

// Issue "Open data sources", import honesty: what the operator's command and the upload
// route say when a file is not what it seems.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const formats = path.resolve(workspaceRoot, '../shared/formats');
const dir = mkdtempSync(path.join(tmpdir(), 'ks-honesty-'));

/** The operator's `main.js import`, against the database directly as in production. */
function cli(...args: string[]) {
  return spawnSync(process.execPath, [path.join(workspaceRoot, 'dist/apps/api/main.js'), 'import', ...args], {
    env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'] },
    encoding: 'utf8',
  });
}

const file = (name: string, text: string) => {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
};

const batches = async () => Number((await sql(`SELECT count(*)::int AS n FROM import_batch`))[0]!['n']);

describe('import honesty', () => {
  it('a file none of whose series the catalogue reads ends with exit code 3 and says so first', async () => {
    const before = await batches();
    const run = cli(
      '--source',
      'scb',
      '--file',
      path.join(formats, 'scb_v2_TAB638_data_BE0101N1_jsonstat2.json'),
    );
    expect(run.status).toBe(3);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^nothing in this file matches the catalogue: 1 series, e\.g\. SCB\|BE0101N1\|Alder=0,Civilstand=OG,Kon=1 — /,
    );
    expect(lines.at(-1)).toBe('nothing written');
    expect(run.stdout).not.toContain('nothing new');
    expect(await batches()).toBe(before);
  });

  it('the upload route reports the same, so the web can say it', async () => {
    const form = new FormData();
    form.set('source', 'scb');
    form.set('dryRun', 'true');
    form.set(
      'file',
      new Blob([readFileSync(path.join(formats, 'scb_v2_TAB638_data_BE0101N1_jsonstat2.json'))]),
      'TAB638.json',
    );
    const response = await fetch(`${apiUrl()}/api/imports/official`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('statistiker')}` },
      body: form,
    });
    const report = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.type === 'report')?.report;
    expect(report.nothingMatched).toMatchObject({
      series: 1,
      examples: ['SCB|BE0101N1|Alder=0,Civilstand=OG,Kon=1'],
    });
  });

  it('prints a template’s problems with their cell, as the web report shows them', () => {
    const run = cli(
      '--source',
      'template',
      '--dry-run',
      '--file',
      file('mall.csv', 'indicator_code,area_code,period,value\naf.bas.tot.unemployed,1283,2024-09,-3\n'),
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^problem \(cell D2\): value "-3" is negative/m);
  });

  it('refuses one Kolada page that links back to an earlier one unless --partial says so', () => {
    const page = path.join(
      workspaceRoot,
      'libs/api/statistics-formats/src/fixtures/kolada/synthetic_v3_data_page2.json',
    );
    const refused = cli('--source', 'kolada', '--dry-run', '--file', page);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('every page given links to a previous page');
    const partial = cli('--source', 'kolada', '--dry-run', '--partial', '--file', page);
    // Taken as partial it is read; its key figure (N00053) is not in the catalogue, and it says so.
    expect(partial.stdout).not.toContain('previous page');
    expect(partial.status).toBe(3);
    expect(partial.stdout).toMatch(/^nothing in this file matches the catalogue: 1 series, e\.g\. KOLADA\|N00053\|T/);
  });
});
