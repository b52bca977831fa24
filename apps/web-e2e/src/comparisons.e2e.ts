import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { periodRange } from '@kraftsamling/shared/periods';
import { expectAccessible, signIn } from './support/pages';

const FH = '/s/familjen-helsingborg';
const INDICATOR = 'af.bas.utrk.unemployment_share';
const INDICATOR_NAME = 'Andel inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)';
// Two years well before the demo goal's baseline period (goals.e2e.ts reads the same indicator
// from its September baseline on, in the same database), so neither test sees the other's figures.
const FIRST = '2023-01';
const LAST = '2024-12';

/** Skåne's municipalities (county 12): the eleven members of Familjen Helsingborg and the others. */
const SKANE = [
  '1214',
  '1230',
  '1231',
  '1233',
  '1256',
  '1257',
  '1260',
  '1261',
  '1262',
  '1263',
  '1264',
  '1265',
  '1266',
  '1267',
  '1270',
  '1272',
  '1273',
  '1275',
  '1276',
  '1277',
  '1278',
  '1280',
  '1281',
  '1282',
  '1283',
  '1284',
  '1285',
  '1286',
  '1287',
  '1290',
  '1291',
  '1292',
  '1293',
];

/**
 * Invented figures for foreign-born women in Skåne: unemployed and labour force per month.
 * Helsingborg (1283) falls steadily from 200 of 1 000 (20 %); Perstorp (1275) is "<5" in the
 * last month; Bjuv (1260) has no figure in the last month; the rest differ by their code.
 */
function figures(): string[] {
  const rows: string[] = [];
  for (const [i, period] of periodRange(FIRST, LAST).entries()) {
    for (const code of SKANE) {
      const n = Number(code.slice(2));
      const last = period === LAST;
      if (code === '1260' && last) continue;
      const labourForce = 400 + n * 10;
      const unemployed =
        code === '1283'
          ? 200 - 2 * i
          : code === '1275' && last
            ? '<5'
            : Math.round(labourForce * (0.08 + (n % 13) / 100) + (i % 5));
      rows.push(`af.bas.utrk.unemployed;${code};${period};${unemployed}`);
      rows.push(`af.bas.utrk.labour_force;${code};${period};${code === '1283' ? 1000 : labourForce}`);
    }
  }
  return rows;
}

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: typeof label === 'string' }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test.describe.configure({ mode: 'serial' });

test.describe('comparing with peers', () => {
  test('a statistics steward loads the official figures compared', async ({ page }) => {
    await signIn(page, 'analytiker');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/import`);
    await page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' }).check();
    await page.getByRole('combobox', { name: 'Källa' }).click();
    await page.getByRole('option', { name: 'Mall för egna värden (CSV eller Excel)' }).click();
    await page.getByLabel('Fil att importera').setInputFiles({
      name: 'utrikes-fodda-kvinnor-skane.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['indicator_code;area_code;period;value', ...figures()].join('\n') + '\n', 'utf8'),
    });
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-clean')).toContainText('Inga fel hittades');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-success')).toContainText('Nya värden:');
  });

  test('a municipal editor compares with the members and a saved set of similar municipalities, as an index, exports and shares the view', async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByTestId('home-compare-link').click();
    await expect(page).toHaveURL(new RegExp(`${FH}/jamfor$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Jämför med andra kommuner' })).toBeVisible();
    await expect(page.getByTestId('comparison-incomplete')).toHaveText('Välj ett nyckeltal att jämföra.');
    await expectAccessible(page, 'the comparison page before a choice');

    // The other members: Helsingborg is emphasised as the user's own municipality.
    await choose(page, 'Nyckeltal', INDICATOR_NAME);
    await expect(page).toHaveURL(new RegExp(`indicator=${INDICATOR.replace(/\./g, '\\.')}`));
    await expect(page.getByTestId('comparison-summary')).toContainText(
      'Som publicerat, 11 kommuner, rangordnade efter december 2024.',
    );
    const table = page.getByRole('table', {
      name: new RegExp(`^${INDICATOR_NAME.replace(/[()]/g, '\\$&')}, medlemmarna i Familjen Helsingborg`),
    });
    const helsingborg = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Helsingborg/ }) });
    await expect(helsingborg.getByRole('rowheader')).toContainText('(framhävd)');
    // 200 − 2 · 23 = 154 of 1 000 in December 2024: 15,4 %.
    await expect(helsingborg.getByRole('cell').last()).toHaveText('');
    await expect(helsingborg).toContainText('15,4');
    // Perstorp's "<5" is a range and Bjuv's missing value is noted; neither is ranked.
    const perstorp = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Perstorp' }) });
    await expect(perstorp).toContainText('Ej rangordnad: färre än 5, bara ett intervall');
    const bjuv = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bjuv' }) });
    await expect(bjuv).toContainText('Ej rangordnad: värde saknas');
    await expect(
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Gruppen totalt' }) }),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: /^Linjediagram: Andel inskrivna arbetslösa/ })).toBeVisible();
    await expectAccessible(page, 'the comparison with the members');

    // Similar municipalities to Helsingborg on the same indicator, saved as a private set.
    const similar = page.getByRole('region', { name: 'Liknande kommuner' });
    await expect(similar.getByRole('combobox', { name: 'Kommun', exact: true })).toContainText('Helsingborg');
    await expect(similar.getByRole('combobox', { name: 'Nyckeltal att jämföra på' })).toContainText(
      INDICATOR_NAME,
    );
    await similar.getByTestId('similar-search').click();
    const found = similar.getByRole('table', { name: 'Kommuner som liknar Helsingborg mest, närmast först' });
    await expect(found.getByRole('row')).toHaveCount(12);
    await expect(found).toContainText('vikt 1');
    await expectAccessible(page, 'the similar municipalities');
    await similar.getByLabel('Namn på gruppen').fill('Liknar Helsingborg i Skåne');
    await similar.getByTestId('similar-save').click();
    await expect(page).toHaveURL(/peers=peer-set&set=/);
    await expect(page.getByRole('heading', { level: 2, name: /Liknar Helsingborg i Skåne$/ })).toBeVisible();
    await expect(page.getByTestId('comparison-summary')).toContainText('Som publicerat, 11 kommuner');

    // As an index: the base period is the first one shown, where every value is 100.
    await choose(page, 'Visa som', 'Index (basperioden = 100)');
    await expect(page).toHaveURL(/norm=index&base=2023-01/);
    await expect(page.getByTestId('comparison-summary')).toContainText(
      'Index (basperioden = 100), 11 kommuner, rangordnade efter december 2024. Basperiod: januari 2023.',
    );
    await page.getByRole('radio', { name: 'Rangordning' }).click();
    await expect(page).toHaveURL(/view=ranking/);
    // Back returns to the view before, Forward to this one.
    await page.goBack();
    await expect(page).not.toHaveURL(/view=ranking/);
    await expect(page.getByRole('radio', { name: 'Över tid' })).toBeChecked();
    await page.goForward();
    await expect(page).toHaveURL(/view=ranking/);
    await expect(
      page.getByRole('img', { name: /^Stapeldiagram: .* Helsingborg har rang \d+ av \d+\./ }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Tidigare perioder' }).click();
    const indexTable = page.getByTestId('comparison-table');
    const indexRow = indexTable
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Helsingborg/ }) });
    await expect(indexRow.getByRole('cell').nth(2)).toHaveText('100,0');
    await expectAccessible(page, 'the ranking as an index');

    // The CSV holds every period and every area, with the numbers as numbers.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^jamforelse-andel-inskrivna-arbetslosa.*\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Rang,Kvartil,Kommun,Kommunkod,jan\.? 2023,/);
    expect(lines[0]!.split(',')).toHaveLength(4 + 24 + 1);
    const helsingborgLine = lines.find((line) => line.includes(',Helsingborg,1283,'));
    expect(helsingborgLine?.split(',')[4]).toBe('100');
    expect(lines.some((line) => line.startsWith(',,Median,'))).toBe(true);
    expect(lines).toHaveLength(1 + 11 + 2);

    // The address is the view: a reload shows the same comparison.
    const address = page.url();
    await page.reload();
    expect(page.url()).toBe(address);
    await expect(page.getByRole('heading', { level: 2, name: /Liknar Helsingborg i Skåne$/ })).toBeVisible();
    await expect(page.getByTestId('comparison-summary')).toContainText(
      'Index (basperioden = 100), 11 kommuner',
    );
    await expect(page.getByRole('radio', { name: 'Rangordning' })).toBeChecked();
    await expect(
      page
        .getByTestId('comparison-table')
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /^Helsingborg/ }) })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('100,0');
    await expectAccessible(page, 'the shared comparison after a reload');
  });
});
