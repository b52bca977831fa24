import { expect, test } from '@playwright/test';
import { expectAccessible, expectSnackBar, signIn } from './support/pages';

test.describe('a coordinator', () => {
  test('signs in, sees the collaboration, switches language, adds a member and signs out', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expectAccessible(page, 'the login page');

    await signIn(page, 'samordnare');
    await expect(page).toHaveURL(/\/s\/familjen-helsingborg$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    const municipalities = page.getByTestId('municipality-list').getByRole('listitem');
    await expect(municipalities).toHaveCount(11);
    await expect(municipalities.filter({ hasText: 'Helsingborg' })).toContainText('1283');
    await expectAccessible(page, 'the collaboration home page');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Member municipalities' })).toBeVisible();
    await expectAccessible(page, 'the collaboration home page in English');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { name: 'Medlemskommuner' })).toBeVisible();

    await page.getByRole('link', { name: 'Medlemmar', exact: true }).click();
    await expect(page).toHaveURL(/\/s\/familjen-helsingborg\/medlemmar$/);
    await expect(page.getByRole('heading', { name: 'Lägg till medlem' })).toBeVisible();
    await expectAccessible(page, 'the member management page');

    const email = `e2e-${Date.now()}@kraftsamling.example`;
    const form = page.getByTestId('add-member-form');
    await form.getByLabel('E-postadress').fill(email);
    await form.getByLabel('Namn').fill('Ebba Testsson');
    await form.getByRole('combobox', { name: 'Roll' }).click();
    await page.getByRole('option', { name: 'Läsare' }).click();
    await form.getByRole('button', { name: 'Lägg till medlem' }).click();
    // Adding by e-mail invites: the row shows the invitation as pending until the person signs in.
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Läsare');
    await expect(row).toContainText('Inbjuden, väntar på inloggning');
    await expectSnackBar(
      page,
      `Ebba Testsson är inbjuden. Inbjudan gäller när personen loggar in med ${email}.`,
    );
    await expectAccessible(page, 'the member management page after adding a member');

    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tillgänglighetsredogörelse');
    await expect(page.getByRole('link', { name: /tillganglighet@kraftsamling\.example/ })).toBeVisible();
    await expectAccessible(page, 'the accessibility statement');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  });

  test('is refused with a message, and no session, when the password is wrong', async ({ page }) => {
    await signIn(page, 'samordnare', 'fel-lösenord');
    await expect(page.getByRole('alert')).toContainText('Fel användarnamn eller lösenord');
    await expect(page.getByLabel('Användarnamn')).toHaveValue('samordnare');
    await expect(page).not.toHaveURL(/localhost:3000/);
    await expectAccessible(page, 'the login page with an error');
  });
});

test.describe('a municipal editor', () => {
  test('sees the collaboration but not member management', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hantera medlemmar' })).toHaveCount(0);
    await page.goto('/s/familjen-helsingborg/medlemmar');
    await expect(page.getByRole('heading', { name: 'Ingen behörighet' })).toBeVisible();
    await expect(page.getByTestId('add-member-form')).toHaveCount(0);
    await expectAccessible(page, 'the no-access page');
  });
});
