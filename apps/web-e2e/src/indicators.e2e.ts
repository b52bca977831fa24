import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPeriods, labelPeriod, periodOfDate } from '@kraftsamling/shared/periods';
import { expectAccessible, expectSnackBar, signIn, drawDeferred } from './support/pages';

const FH = '/s/familjen-helsingborg';

/** A template file (CSV) as a user would pick it from disk. */
const templateFile = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(['indicator_code;area_code;period;value', ...rows].join('\n') + '\n', 'utf8'),
});

async function chooseTemplateSource(page: Page) {
  await page.getByRole('combobox', { name: 'Källa' }).click();
  await page.getByRole('option', { name: 'Mall för egna värden (CSV eller Excel)' }).click();
}

test.describe('an agency analyst', () => {
  test('imports a file after a dry run, sees it as a chart and a table, and undoes it', async ({ page }) => {
    await signIn(page, 'analytiker');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Importera', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${FH}/import$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Importera statistik' })).toBeVisible();
    await expectAccessible(page, 'the import page');
    // The analyst is also a statistics steward: the page offers official statistics too.
    await expect(page.getByRole('radio', { name: 'Samverkans egna värden (mall)' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' })).toBeVisible();

    // A broken file: the dry run names the problem, and nothing can be imported.
    await chooseTemplateSource(page);
    await page
      .getByLabel('Fil att importera')
      .setInputFiles(templateFile('fel.csv', ['jobbspar.deltagare;9999;2024-09;12']));
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByRole('heading', { name: 'Resultat av provkörningen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Fel i filen \(1\)/ })).toBeVisible();
    // Placed on its row, in Swedish (it was once told as a problem of the whole file, in English).
    await expect(
      page
        .getByTestId('import-problems')
        .getByRole('row', { name: /^rad 2 Områdeskoden 9999 är ingen svensk kommun/ }),
    ).toBeVisible();
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expectAccessible(page, 'the import page with errors');

    // A good file: a local indicator of the collaboration, with a small count given as <5.
    const file = templateFile('jobbspar.csv', [
      'jobbspar.deltagare;1283;2024-09;42',
      'jobbspar.deltagare;1283;2024-10;45',
      'jobbspar.deltagare;1260;2024-09;<5',
      'jobbspar.deltagare;1260;2024-10;7',
    ]);
    await page.getByLabel('Fil att importera').setInputFiles(file);
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-clean')).toContainText('Inga fel hittades');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-success')).toContainText('Nya värden: 4');
    await expectAccessible(page, 'the import page after an import');

    // The indicator page: chart and the same data as a table, <5 shown as such.
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByLabel('Sök nyckeltal').fill('jobbspår');
    await page.getByRole('link', { name: 'Deltagare i jobbspår' }).click();
    await expect(page).toHaveURL(new RegExp(`${FH}/nyckeltal/jobbspar.deltagare$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Deltagare i jobbspår' })).toBeVisible();
    await drawDeferred(page);
    const table = page.getByRole('table', { name: /Deltagare i jobbspår per kommun och månad/ });
    // Columns: Period, Bjuv, Båstad, Helsingborg, … (the municipalities by name).
    const september = table.getByRole('row', { name: /^september 2024/ }).getByRole('cell');
    await expect(september.nth(0)).toHaveAccessibleName('färre än 5');
    await expect(september.nth(0)).toContainText('<5');
    await expect(september.nth(2)).toHaveText('42');
    const october = table.getByRole('row', { name: /^oktober 2024/ }).getByRole('cell');
    await expect(october.nth(0)).toHaveText('7');
    await expect(october.nth(2)).toHaveText('45');
    // The region: the eleven members taken together, worked out by hand. October: Helsingborg
    // 45 + Bjuv 7 = 52, from 2 of the 11 municipalities, so marked with a footnote; September:
    // 42 + "<5" is 43 to 46, shown as at least 43, never as a single smaller number.
    await expect(table.getByRole('columnheader', { name: 'Regionen' })).toBeVisible();
    await expect(october.last()).toHaveAccessibleName(/^52 \(2 av 11 kommuner\) \(fotnot 1\)$/);
    await expect(september.last()).toHaveAccessibleName(
      /^minst 43, högst 46 \(2 av 11 kommuner\) \(fotnot 2\)$/,
    );
    const notes = page.getByTestId('region-notes').getByRole('listitem');
    await expect(notes.nth(0)).toContainText('oktober 2024: 2 av 11 kommuner har ett värde för perioden');
    await expect(notes.nth(1)).toContainText('Minst 43, högst 46');
    await expect(
      page.getByRole('img', { name: /Regionen har ingen period där alla kommuner har ett exakt värde/ }),
    ).toBeVisible();
    // Provenance: the value's description, shown as a tooltip on keyboard focus and on hover.
    const value = september.nth(2).locator('[tabindex="0"]');
    // The source, when, by whom and from which file, never an internal id.
    const provenance = /^Källa: Egna nyckeltal · importerad .+ av Alma Analysson ur filen jobbspar\.csv$/;
    await expect(value).toHaveAccessibleDescription(provenance);
    await value.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(value).toBeFocused();
    // The previous cell's tooltip closes as this one opens: wait for the one left.
    await expect(page.locator('.mat-mdc-tooltip')).toHaveCount(1);
    await expect(page.locator('.mat-mdc-tooltip')).toContainText(provenance);
    await expect(page.getByRole('img', { name: /Linjediagram: Deltagare i jobbspår/ })).toBeVisible();
    await expectAccessible(page, 'the indicator page');

    // The batch history: undo takes the values away again.
    await page.goto(`${FH}/import/historik`);
    await expect(page.getByRole('heading', { level: 1, name: 'Importhistorik' })).toBeVisible();
    await expectAccessible(page, 'the import history');
    await page.getByRole('button', { name: /Ångra importen jobbspar\.csv/ }).click();
    await page
      .getByRole('alertdialog', { name: 'Ångra importen?' })
      .getByRole('button', { name: 'Ångra importen' })
      .click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expectSnackBar(page, 'Importen jobbspar.csv är ångrad.');
    await expectAccessible(page, 'the import history after an undo');

    // As a statistics steward, the fetches of official statistics are a link away.
    await page.getByRole('link', { name: 'Hämtningar från källornas gränssnitt' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hämtningar av officiell statistik' }),
    ).toBeVisible();
    await expectAccessible(page, 'the fetches of official statistics');

    await page.goto(`${FH}/nyckeltal/jobbspar.deltagare`);
    await expect(page.getByText('Det finns inga värden för det här nyckeltalet ännu.')).toBeVisible();
  });
});

test.describe('a municipal editor', () => {
  test('enters local figures for their own municipality in the grid, corrected before saving', async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByRole('link', { name: 'Registrera värden' }).click();
    await expect(page).toHaveURL(new RegExp(`${FH}/nyckeltal/registrera$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Registrera värden' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Värden för Helsingborg/ })).toBeVisible();
    await expectAccessible(page, 'the value entry grid');

    const cell = page.getByLabel(/^Deltagare i arbetsträning, /).first();
    await cell.fill('tolv');
    await page.getByTestId('entry-save').click();
    await expect(page.getByText('Skriv ett tal, till exempel 12 eller 3,5.')).toBeVisible();
    await expectAccessible(page, 'the value entry grid with an error');

    await cell.fill('12');
    await page.getByTestId('entry-save').click();
    await expect(page.getByTestId('entry-status')).toContainText('Sparat. Nya värden: 1');
    await expect(page.getByTestId('entry-change-count')).toHaveText('Inga ändringar att spara.');
    await page.reload();
    await expect(page.getByLabel(/^Deltagare i arbetsträning, /).first()).toHaveValue('12');
  });
});

test.describe('a coordinator', () => {
  test('adds a local indicator from the catalogue and changes its Swedish name', async ({ page }) => {
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
    await page.getByRole('link', { name: 'Egna nyckeltal' }).click();
    await expect(page).toHaveURL(new RegExp(`${FH}/nyckeltal/egna$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Egna nyckeltal' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Egna nyckeltal i Familjen Helsingborg' });
    await expect(table.getByRole('row').filter({ hasText: 'jobbspar.deltagare' })).toBeVisible();
    await expectAccessible(page, 'the local indicators page');

    const form = page.getByRole('form', { name: 'Lägg till ett eget nyckeltal' });
    await form.getByLabel('Kod').fill('mentorer.antal');
    await form.getByLabel('Namn på svenska').fill('Mentorer');
    await form.getByLabel('Namn på engelska').fill('Mentors');
    await form.getByRole('combobox', { name: 'Enhet' }).click();
    await page.getByRole('option', { name: 'Antal' }).click();
    await form.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Kvartal' }).click();
    await form.getByRole('button', { name: 'Lägg till nyckeltal' }).click();
    await expect(page.getByTestId('local-indicators-status')).toHaveText('Nyckeltalet Mentorer är tillagt.');
    const row = table.getByRole('row').filter({ hasText: 'mentorer.antal' });
    await expect(row).toContainText('Mentorer');
    await expect(row).toContainText('Kvartal');
    await expect(form.getByLabel('Kod')).toHaveValue('');

    await row.getByRole('button', { name: 'Ändra Mentorer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra Mentorer' });
    await expect(dialog.getByLabel('Namn på engelska')).toHaveValue('Mentors');
    await expectAccessible(page, 'the edit dialog of a local indicator');
    await dialog.getByLabel('Namn på svenska').fill('Mentorer i jobbspår');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('local-indicators-status')).toHaveText(
      'Ändringarna i Mentorer i jobbspår är sparade.',
    );
    await expect(row.getByRole('link')).toHaveText('Mentorer i jobbspår');
    await expectAccessible(page, 'the local indicators page after an edit');
  });
});

/** As Helsingborg's editor, enters a value by hand in the grid; returns its period (YYYY-MM). */
async function enterByHand(browser: Browser, indicatorName: string, value: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'helsingborg');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
  await page.goto(`${FH}/nyckeltal/registrera`);
  const cell = page.getByLabel(new RegExp(`^${indicatorName}, `)).first();
  const label = await page.locator(`label[for="${await cell.getAttribute('id')}"]`).textContent();
  // The grid names each cell "<indicator>, <period>": find the month whose label it is.
  const thisMonth = periodOfDate(new Date(), 'MONTH');
  const period = Array.from({ length: 120 }, (_, i) => addPeriods(thisMonth, 1 - i)).find((code) =>
    label!.trim().endsWith(`, ${labelPeriod(code, 'sv')}`),
  );
  await cell.fill(value);
  await page.getByTestId('entry-save').click();
  await expect(page.getByTestId('entry-status')).toContainText('Sparat.');
  await context.close();
  return period!;
}

test.describe('a coordinator importing a template', () => {
  test('sees the values entered by hand it would change and must confirm before importing', async ({
    page,
    browser,
  }) => {
    const period = await enterByHand(browser, 'Deltagare i trappstegsutbildning', '8');

    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/import`);
    await expect(page.getByRole('heading', { level: 1, name: 'Importera statistik' })).toBeVisible();
    // No statistics steward: only the collaboration's own figures, no choice of official statistics.
    await expect(page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' })).toHaveCount(0);
    await chooseTemplateSource(page);
    await page
      .getByLabel('Fil att importera')
      .setInputFiles(templateFile('trappsteg.csv', [`trappsteg.deltagare;1283;${period};20`]));
    await page.getByTestId('import-dry-run').click();
    const overwrites = page.getByRole('table', {
      name: 'Värden som matats in för hand och som importen ändrar',
    });
    await expect(overwrites.getByRole('row').filter({ hasText: 'Deltagare i trappstegsutbildning' })).toContainText('8');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expectAccessible(page, 'the import page with values entered by hand to confirm');

    await page.getByRole('checkbox', { name: /Jag har sett värdena som matats in för hand/ }).check();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-success')).toContainText('ändrade: 1');
  });
});
