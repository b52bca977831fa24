import { expect, test } from '@playwright/test';
import { holdAnswer } from './support/held-answer';
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

test.describe('a page opened by its address', () => {
  const FH = '/s/familjen-helsingborg';
  const FH_GOAL = '40010000-0000-4000-8000-000000000001';
  const FH_LABOUR_MARKET_GROUP = '30010000-0000-4000-8000-000000000002';

  test('asks for its data beside the collaboration, not after it has answered', async ({ page }) => {
    // The collaboration is held back until the page's data has been asked for, or 5 s: its
    // answer (the collaboration's id) is no longer what the page's reads wait for.
    test.setTimeout(120_000);
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    const loads = [
      { address: `${FH}/mal`, data: ['Goals', 'Indicators'], heading: 'Mål' },
      {
        address: `${FH}/mal/${FH_GOAL}`,
        data: ['Goal', 'GoalRecords', 'GoalDecisions', 'GoalActions', 'Indicators'],
        heading: 'Halvera arbetslösheten bland utrikes födda kvinnor',
      },
      { address: `${FH}/beslut`, data: ['Decisions', 'DecisionGoals'], heading: 'Beslut' },
      {
        address: `${FH}/grupper/${FH_LABOUR_MARKET_GROUP}`,
        data: ['GroupActions', 'GroupGoals'],
        heading: 'Arbetsmarknad',
      },
      { address: `${FH}/jamfor`, data: ['ComparisonContext'], heading: 'Jämför med andra kommuner' },
    ];
    for (const { address, data, heading } of loads) {
      const collaboration = await holdAnswer(page, 'Collaboration', data);
      try {
        await page.goto(address);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        expect(
          [...collaboration.askedWhileHeld],
          `asked for at ${address} before the collaboration answered`,
        ).toEqual(expect.arrayContaining(data));
      } finally {
        await collaboration.end();
      }
    }
  });
});
