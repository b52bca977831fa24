import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/pages';

/** The addresses the page itself (not a frame in it) loads from now on. */
function recordPageLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads.push(request.url());
  });
  return loads;
}

test.describe('a signed-in person', () => {
  test('opens an address without being sent through the login service', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();

    // A new page load: the session is found at the identity provider in a hidden frame, so the
    // page is loaded once, not once before and once after a round trip to the login service.
    const loads = recordPageLoads(page);
    await page.goto('/s/familjen-helsingborg/nyckeltal');
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
    expect(loads.map((url) => new URL(url).pathname)).toEqual(['/s/familjen-helsingborg/nyckeltal']);
    // The hidden frame is gone once it has answered.
    await expect(page.locator('iframe')).toHaveCount(0);
    await expectAccessible(page, 'the catalogue opened by address');
  });

  test('who signed out is asked to sign in again when opening an address', async ({ page }) => {
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
