import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addPeriods, periodOfDate, periodRange } from '@kraftsamling/shared/periods';
import { expectAccessible, expectSnackBar, signIn } from './support/pages';

const FH = '/s/familjen-helsingborg';
/** The demo goal of Familjen Helsingborg (libs/api/goals demo seed): halve from September. */
const FH_GOAL = '40010000-0000-4000-8000-000000000001';
const GOAL_TITLE = 'Halvera arbetslösheten bland utrikes födda kvinnor';

/** The demo goal's baseline period: the latest September at least 9 months before last month. */
function baselinePeriod(today = new Date()): string {
  const lastMonth = addPeriods(periodOfDate(today, 'MONTH'), -1);
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return `${month >= 6 ? year - 1 : year - 2}-09`;
}

const BASELINE = baselinePeriod();
const LAST_MONTH = addPeriods(periodOfDate(new Date(), 'MONTH'), -1);

/**
 * Unemployed foreign-born women per member (invented): Helsingborg falls from 240 by 2 a
 * month, Landskrona from 100 by 3, Perstorp is "<5" at the baseline, Bjuv has no value at
 * the baseline period; the others hold steady at 50.
 */
function figures(): string[] {
  const rows: string[] = [];
  const months = periodRange(BASELINE, LAST_MONTH);
  for (const [i, period] of months.entries()) {
    rows.push(`af.bas.utrk.unemployed;1283;${period};${240 - 2 * i}`);
    rows.push(`af.bas.utrk.unemployed;1282;${period};${100 - 3 * i}`);
    rows.push(`af.bas.utrk.unemployed;1275;${period};${i === 0 ? '<5' : 7}`);
    if (i > 0) rows.push(`af.bas.utrk.unemployed;1260;${period};30`);
    for (const code of ['1214', '1257', '1276', '1277', '1278', '1284', '1292'])
      rows.push(`af.bas.utrk.unemployed;${code};${period};50`);
  }
  return rows;
}

async function openGoal(page: Page) {
  await page.getByRole('link', { name: GOAL_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${FH}/mal/${FH_GOAL}$`));
  await expect(page.getByRole('heading', { level: 1, name: GOAL_TITLE })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.describe('shared goals', () => {
  test('a statistics steward loads the official figures the demo goal is measured by', async ({ page }) => {
    await signIn(page, 'analytiker');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/import`);
    await page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' }).check();
    await page.getByRole('combobox', { name: 'Källa' }).click();
    await page.getByRole('option', { name: 'Mall för egna värden (CSV eller Excel)' }).click();
    await page.getByLabel('Fil att importera').setInputFiles({
      name: 'utrikes-fodda-kvinnor.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['indicator_code;area_code;period;value', ...figures()].join('\n') + '\n', 'utf8'),
    });
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-clean')).toContainText('Inga fel hittades');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-success')).toContainText('Nya värden:');
  });

  test('the steering group sees its goals, re-baselines from the figures, records a check-in, prints and exports', async ({
    page,
  }) => {
    await signIn(page, 'styrgrupp');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByTestId('home-goals-link').click();
    await expect(page).toHaveURL(new RegExp(`${FH}/mal$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Mål' })).toBeVisible();
    const card = page.locator('.ks-goal-card').filter({ hasText: GOAL_TITLE });
    await expect(card).toContainText('Målvärde');
    await expect(page.getByTestId('new-goal')).toBeVisible();
    await expectAccessible(page, 'the steering overview');

    await openGoal(page);
    await expect(page.getByTestId('goal-target')).toHaveText('−50 % från varje kommuns utgångsläge');
    await expectAccessible(page, 'the goal page');

    // The demo seeded the goal before these figures existed: the steering group re-reads the
    // baselines, an explicit decision with its reason in the history.
    await page.getByTestId('goal-rebaseline').click();
    const dialog = page.getByRole('dialog', { name: 'Omräkning av utgångsläge' });
    await expect(dialog.getByRole('combobox', { name: 'Vilka kommuner' })).toContainText(
      'Alla kommuner i målet',
    );
    await dialog.getByRole('button', { name: 'Räkna om', exact: true }).click();
    await expect(dialog.getByText('Skriv varför utgångsläget räknas om.')).toBeVisible();
    await expectAccessible(page, 'the re-baseline dialog with an error');
    await dialog.getByLabel('Skäl').fill('Arbetsförmedlingens septembersiffror finns nu för alla kommuner.');
    await dialog.getByRole('button', { name: 'Räkna om', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectSnackBar(page, 'Utgångsläget är omräknat.');

    // Frozen baselines and targets: half of each member's September figure.
    const table = page.getByTestId('goal-table');
    const helsingborg = table.locator('tr[data-area="1283"]').getByRole('cell');
    await expect(helsingborg.nth(0)).toHaveText('240');
    await expect(helsingborg.nth(4)).toHaveText('120');
    const landskrona = table.locator('tr[data-area="1282"]').getByRole('cell');
    await expect(landskrona.nth(0)).toHaveText('100');
    await expect(landskrona.nth(4)).toHaveText('50');
    await expect(table.locator('tr[data-area="1275"]')).toContainText('Osäkert utgångsläge (<5)');
    await expect(table.locator('tr[data-area="1260"]')).toContainText('Utgångsläge saknas');
    await expect(page.getByTestId('baseline-history')).toContainText(
      'Arbetsförmedlingens septembersiffror finns nu för alla kommuner.',
    );
    await expect(page.getByRole('img', { name: /^Diagram för Helsingborg: utgångsläge 240/ })).toBeVisible();
    // Sorting by a column header, with the keyboard.
    await table.getByRole('button', { name: 'Utgångsläge', exact: true }).press('Enter');
    await expect(table.getByRole('columnheader', { name: 'Utgångsläge', exact: true })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expectAccessible(page, 'the goal page with frozen baselines');

    // A check-in at today's meeting.
    const form = page.getByTestId('check-in-form');
    await form.getByRole('radio', { name: 'Riskerar' }).check();
    await form
      .getByLabel('Kommentar')
      .fill('Helsingborg och Landskrona följer planen, Bjuv saknar utgångsläge.');
    await form.getByLabel('Nästa steg').fill('Be Arbetsförmedlingen om Bjuvs septembersiffra.');
    await form.getByRole('button', { name: 'Spara avstämningen' }).click();
    await expectSnackBar(page, 'Avstämningen är sparad.');
    await expect(page.getByTestId('check-ins').getByRole('listitem').first()).toContainText(
      'Helsingborg och Landskrona följer planen',
    );
    await expect(page.getByTestId('goal-decisions')).toContainText('Försenat');
    await expectAccessible(page, 'the goal page after a check-in');

    // The table as CSV and XLSX, for the meeting.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('goal-export-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('halvera-arbetslosheten-bland-utrikes-fodda-kvinnor.csv');
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(/^Kommun,Kommunkod,Utgångsläge,Senaste värde,/);
    expect(csv).toMatch(/\r\nHelsingborg,1283,240,\d+,/);
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('goal-export-xlsx').click(),
    ]);
    const xlsx = await readFile((await xlsxDownload.path())!);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');

    // The printed report: the page's content only, without the bar, the buttons or the forms.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByTestId('goal-print')).toBeHidden();
    await expect(page.getByTestId('check-in-form')).toBeHidden();
    await expect(page.getByTestId('goal-table')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  test('the steering group sets up a draft, sees the baselines activation would freeze, and saves it', async ({
    page,
  }) => {
    await signIn(page, 'styrgrupp');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByTestId('nav-goals').click();
    await page.getByTestId('new-goal').click();
    await expect(page).toHaveURL(new RegExp(`${FH}/mal/nytt$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Nytt mål' })).toBeVisible();
    const form = page.getByTestId('goal-form');
    // Refused as incomplete, with the reason at each field.
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(form.getByText('Ge målet en titel.')).toBeVisible();
    await expect(form.getByText('Välj ett nyckeltal.')).toBeVisible();
    await expectAccessible(page, 'the goal editor with errors');

    await form.getByLabel('Titel').fill('Färre långtidsarbetslösa utrikes födda kvinnor');
    await form.getByRole('combobox', { name: 'Nyckeltal' }).click();
    await page.getByRole('option', { name: /^Inskrivna arbetslösa, utrikes födda kvinnor \(BAS/ }).click();
    await form.getByLabel('Period för utgångsläge').fill(BASELINE);
    await form.getByLabel('Måldatum (period)').fill(addPeriods(BASELINE, 36));
    await form.getByLabel('Förändring (%)').fill('-30');
    await form.getByRole('checkbox', { name: 'Arbetsmarknad' }).check();
    await page.getByTestId('goal-preview').click();
    const preview = page.getByTestId('baseline-preview');
    await expect(preview.locator('tr[data-area="1283"]')).toContainText('240');
    await expect(preview.locator('tr[data-area="1275"]')).toContainText('Osäkert (<5)');
    await expect(preview.locator('tr[data-area="1260"]')).toContainText('Värde saknas');
    await expect(page.getByTestId('preview-problems')).toContainText('2 kommuner saknar värde');
    await expectAccessible(page, 'the goal editor with the baseline preview');

    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Färre långtidsarbetslösa utrikes födda kvinnor' }),
    ).toBeVisible();
    await expect(page.getByTestId('goal-state')).toHaveText('Utkast');
    await expect(page.getByTestId('goal-activate')).toBeVisible();
    await expect(page.getByTestId('baseline-preview').locator('tr[data-area="1283"]')).toContainText('240');
    await expectAccessible(page, 'a draft goal');
    await page.getByRole('link', { name: 'Alla mål' }).click();
    await expect(page.getByTestId('draft-goals')).toContainText(
      'Färre långtidsarbetslösa utrikes födda kvinnor',
    );
  });

  test('a municipal editor reads the goals without ways to change them', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByTestId('nav-goals').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mål' })).toBeVisible();
    await expect(page.getByTestId('new-goal')).toHaveCount(0);
    await expect(page.getByTestId('draft-goals')).toHaveCount(0);
    await expect(page.getByText('Färre långtidsarbetslösa utrikes födda kvinnor')).toHaveCount(0);
    await expectAccessible(page, 'the steering overview, read-only');

    await openGoal(page);
    await expect(
      page.getByTestId('goal-table').locator('tr[data-area="1283"]').getByRole('cell').nth(0),
    ).toHaveText('240');
    await expect(page.getByTestId('check-ins')).toContainText('Helsingborg och Landskrona följer planen');
    for (const id of ['goal-edit', 'goal-rebaseline', 'goal-set-ACHIEVED', 'check-in-form'])
      await expect(page.getByTestId(id)).toHaveCount(0);
    await expectAccessible(page, 'the goal page, read-only');

    await page.goto(`${FH}/mal/nytt`);
    await expect(page.getByTestId('no-access')).toContainText('Bara styrgruppens ledamöter och samordnare');
  });

  test('on a 390 px phone the lines of the charts are named once, in a key that wraps, and the page does not scroll sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/mal/${FH_GOAL}`);
    await expect(page.getByRole('heading', { level: 1, name: GOAL_TITLE })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Diagram för Helsingborg: / })).toBeVisible();

    // One key for all the small multiples (ECharts' legend in each chart paged: 1/2).
    const key = page.getByRole('list', { name: 'Förklaring till linjerna' });
    await expect(key).toHaveCount(1);
    const entries = key.getByRole('listitem');
    await expect(entries).toHaveText(['Utfall', 'Utgångsläge', 'Målvärde', 'Förväntat', 'Prognos']);
    const rows = new Set<number>();
    for (const entry of await entries.all()) {
      const box = (await entry.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      rows.add(Math.round(box.y));
    }
    expect(rows.size).toBeGreaterThan(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the goal page on a phone');
  });

  test("another collaboration's coordinator finds no way to the goals and cannot open them", async ({
    page,
  }) => {
    await signIn(page, 'sandviken');
    await expect(page).toHaveURL(/\/s\/sandviken$/);
    await expect(page.locator(`a[href^="${FH}"]`)).toHaveCount(0);

    await page.goto(`${FH}/mal/${FH_GOAL}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: GOAL_TITLE })).toHaveCount(0);
    await expect(page.getByTestId('goal-table')).toHaveCount(0);
    await expectAccessible(page, 'a goal of another collaboration');

    await page.goto(`${FH}/mal`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByText(GOAL_TITLE)).toHaveCount(0);
    await expectAccessible(page, 'the goals of another collaboration');
  });
});
