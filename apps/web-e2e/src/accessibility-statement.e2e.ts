import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/pages';

test.describe('the accessibility statement', () => {
  test('opens without signing in, linked from the login page, in Swedish and English, and passes axe', async ({
    page,
  }) => {
    // The login page (the identity provider's) links to the statement.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();

    await expect(page).toHaveURL(/\/tillganglighet$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
    await expect(page.getByTestId('a11y-compliance')).toContainText('inte är helt tillgängliga');
    await expect(page.getByRole('heading', { name: 'Innehåll som inte är tillgängligt' })).toBeVisible();
    await expect(page.getByRole('link', { name: /digg\.se\/tdosanmalan/ })).toHaveAttribute(
      'href',
      'https://www.digg.se/tdosanmalan',
    );
    await expect(page.getByTestId('public-sign-in')).toBeVisible();
    await expectAccessible(page, 'the public accessibility statement');

    // The report form says what is missing rather than sending an empty report.
    await page.getByTestId('a11y-report-send').click();
    await expect(page.getByText('Beskriv problemet innan du skickar.')).toBeVisible();
    await page.getByLabel('Beskriv problemet').fill('Tabellen går inte att rulla med tangentbordet');
    await expect(page.getByTestId('a11y-report-link')).toHaveAttribute('href', /body=Tabellen/);
    await expectAccessible(page, 'the statement’s report form with an error');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
    await expectAccessible(page, 'the statement in English');

    // A reload keeps it public: no login on the way.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/tillganglighet$/);
  });
});
