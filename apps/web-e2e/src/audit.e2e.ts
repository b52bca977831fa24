import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectSnackBar, signIn } from './support/pages';

test.describe('the audit log', () => {
  test('a coordinator finds a change in the log, filters it and exports it as CSV', async ({ page }) => {
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();

    // A change to find: a new group, made through the member management page.
    const groupName = `Revision ${Date.now()}`;
    await page.getByRole('link', { name: 'Medlemmar', exact: true }).click();
    const form = page.getByTestId('create-group-form');
    await form.getByLabel('Namn').fill(groupName);
    await form.getByRole('button', { name: 'Skapa grupp' }).click();
    await expectSnackBar(page, `Gruppen ${groupName} är skapad.`);

    await page.getByTestId('nav-audit').click();
    await expect(page).toHaveURL(/\/s\/familjen-helsingborg\/logg$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
    const table = page.getByTestId('audit-table');
    await expect(table.getByRole('row').filter({ hasText: groupName }).first()).toContainText('Grupp skapad');
    await expectAccessible(page, 'the audit log');

    // Filter by person, kind of record and today's date, with the keyboard where it is natural.
    const filter = page.getByTestId('audit-filter');
    await filter.getByLabel('Person').fill('samordnare');
    await filter.getByRole('combobox', { name: 'Typ av uppgift' }).click();
    await page.getByRole('option', { name: 'Grupp' }).click();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    await filter.getByLabel('Från och med dag').fill(today);
    await filter.getByLabel('Till och med dag').fill(today);
    await filter.getByLabel('Till och med dag').press('Enter');
    await expect(page.getByTestId('audit-range')).toContainText(/Visar 1–\d+ av \d+ händelser/);
    const rows = table.locator('tbody tr');
    await expect(rows.filter({ hasText: groupName })).toHaveCount(1);
    for (const row of await rows.all()) await expect(row).toContainText('Grupp');
    await expectAccessible(page, 'the filtered audit log');

    // Another person's filter finds none of the coordinator's changes.
    await filter.getByLabel('Person').fill('ingen-sadan-person');
    await filter.getByRole('button', { name: 'Filtrera' }).click();
    await expect(page.getByTestId('audit-empty')).toHaveText('Inga händelser matchar filtret.');
    await filter.getByLabel('Person').fill('samordnare');
    await filter.getByRole('button', { name: 'Filtrera' }).click();
    await expect(rows.filter({ hasText: groupName })).toHaveCount(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Tidpunkt (UTC),Händelse,Typ,Id,Person,E-post,Före,Efter');
    expect(
      lines
        .slice(1)
        .every((line) => line.includes(',group.created,group,') || line.includes(',group.renamed,group,')),
    ).toBe(true);
    expect(csv).toContain(groupName);
    expect(csv).toContain('Sam Samordnarsson');
  });

  test('is not offered to a municipal editor, and refused at its address', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);
    await page.goto('/s/familjen-helsingborg/logg');
    await expect(page.getByRole('heading', { name: 'Ingen behörighet' })).toBeVisible();
    await expect(page.getByTestId('audit-table')).toHaveCount(0);
  });
});
