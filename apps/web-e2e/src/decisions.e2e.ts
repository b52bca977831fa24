import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/pages';

const FH = '/s/familjen-helsingborg';

test.describe('the decision log', () => {
  test('a steering group member records a decision, sees it, and changes its status', async ({ page }) => {
    await signIn(page, 'styrgrupp');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Styrgruppens beslut' }).click();
    await expect(page).toHaveURL(new RegExp(`${FH}/beslut$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Beslut' })).toBeVisible();

    // The demo log: an open decision past its due date comes first, marked in words.
    const table = page.getByRole('table', { name: /Styrgruppens beslut i Familjen Helsingborg/ });
    const overdue = table.getByRole('row', {
      name: /Operativa gruppen arbetsmarknad föreslår två nya jobbspår/,
    });
    await expect(overdue).toContainText('Försenat');
    await expect(table.getByRole('row').nth(1)).toContainText('Försenat');
    await expectAccessible(page, 'the decision log');

    // A due date before the decision date is refused before anything is sent.
    const title = `Arbetsgivarmässa i Ängelholm ${Date.now()}`;
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'the dialog to record a decision');
    await dialog.getByLabel('Vad beslutades').fill(title);
    await dialog.getByLabel('Beslutat').fill('2026-03-10');
    await dialog.getByLabel('Klart senast').fill('2026-03-01');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog.getByText('Klart senast kan inte vara före beslutsdatumet.')).toBeVisible();

    await dialog.getByLabel('Klart senast').fill('2099-05-31');
    await dialog.getByRole('combobox', { name: 'Ansvarig organisation' }).click();
    await page.getByRole('option', { name: 'Arbetsförmedlingen' }).click();
    await dialog.getByRole('combobox', { name: 'Mål som beslutet gäller' }).click();
    await page.getByRole('option', { name: 'Halvera arbetslösheten bland utrikes födda kvinnor' }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('decisions-status')).toHaveText(`Beslutet ”${title}” är registrerat.`);

    const row = table.getByRole('row', { name: new RegExp(title) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('10 mars 2026');
    await expect(row.getByRole('cell').nth(1)).toHaveText('Arbetsförmedlingen');
    await expect(row.getByRole('cell').nth(2)).toHaveText('31 maj 2099');
    await expect(row.getByRole('cell').nth(3)).toHaveText('Ej påbörjat');
    await expect(row.getByRole('cell').nth(4)).toHaveText(
      'Halvera arbetslösheten bland utrikes födda kvinnor',
    );
    await expectAccessible(page, 'the decision log with a new decision');

    await row.getByRole('button', { name: `Ändra beslutet ${title}` }).click();
    const edit = page.getByRole('dialog', { name: 'Ändra beslut' });
    await expect(edit.getByLabel('Beslutat')).toBeDisabled();
    await edit.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Pågår' }).click();
    await edit.getByRole('button', { name: 'Spara' }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByTestId('decisions-status')).toHaveText(`Beslutet ”${title}” är ändrat.`);
    await expect(row.getByRole('cell').nth(3)).toHaveText('Pågår');

    // Only the overdue ones: the new decision is not due until 2099.
    await page.getByRole('checkbox', { name: 'Visa bara försenade beslut' }).check();
    await expect(table.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);
    await expect(overdue).toBeVisible();
    await expectAccessible(page, 'the overdue decisions');
  });

  test('a municipal editor reads the log without controls to change it', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Styrgruppens beslut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Beslut' })).toBeVisible();
    const table = page.getByRole('table', { name: /Styrgruppens beslut i Familjen Helsingborg/ });
    await expect(
      table.getByRole('row', {
        name: /Arbetsförmedlingen tar fram nya siffror för varje kommun från september/,
      }),
    ).toContainText('Klart');
    await expect(page.getByTestId('decisions-read-only')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Registrera beslut' })).toHaveCount(0);
    await expect(table.getByRole('button')).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: 'Åtgärder' })).toHaveCount(0);
    await expectAccessible(page, 'the decision log, read only');
  });
});
