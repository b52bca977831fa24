import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/pages';

test.describe('a signed-in person', () => {
  test('opens an address and is there, signed in, without the login form', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();

    // A new page load: the identity provider's session sends the person straight back.
    await page.goto('/s/familjen-helsingborg/nyckeltal');
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
    await expect(page).toHaveURL(/\/s\/familjen-helsingborg\/nyckeltal$/);
    // The collaboration's navigation is there as soon as the page is.
    await expect(page.getByTestId('nav-indicators')).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page, 'the catalogue opened by address');
  });

  test('who signed out is asked to sign in again when opening an address, and comes back to it', async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();

    await page.goto('/s/familjen-helsingborg/nyckeltal');
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
    await page.getByLabel('Användarnamn').fill('helsingborg');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Back at the address asked for, signed in.
    await expect(page).toHaveURL(/\/s\/familjen-helsingborg\/nyckeltal$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
  });
});
