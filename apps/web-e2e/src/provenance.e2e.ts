import { expect, test, type Page } from '@playwright/test';
import { labelPeriod, periodOfDate } from '@kraftsamling/shared/periods';
import { expectAccessible, signIn, drawDeferred } from './support/pages';

const INDICATOR = 'Gått till anställning, varav privat sektor';

/** Enters a value for Helsingborg in the latest month of the grid, and saves it. */
async function enterForHelsingborg(page: Page, value: string, saved: RegExp) {
  const cell = page.getByLabel(new RegExp(`^${INDICATOR}, `)).first();
  await cell.fill(value);
  await page.getByTestId('entry-save').click();
  await expect(page.getByTestId('entry-status')).toContainText(saved);
  // Saving is done once the grid shows the values read back (the button says so).
  await expect(page.getByTestId('entry-save')).toHaveAttribute('aria-disabled', 'false');
}

test.describe('a coordinator reading where a value came from', () => {
  test('focuses a value entered by hand and reads who entered it and when; the history says what the entry changed', async ({
    page,
  }) => {
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByRole('link', { name: 'Registrera värden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrera värden' })).toBeVisible();
    // The municipality, chosen from the keyboard.
    await page.getByRole('combobox', { name: 'Kommun' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /^Helsingborg/ }).click();
    await expect(page.getByRole('table', { name: /Värden för Helsingborg/ })).toBeVisible();
    await enterForHelsingborg(page, '5', /Nya värden: 1/);
    await enterForHelsingborg(page, '6', /ändrade: 1/);

    // The indicator page: the value's description names who entered it, and when.
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByLabel('Sök nyckeltal').fill('privat sektor');
    await page.getByRole('link', { name: INDICATOR }).click();
    await expect(page.getByRole('heading', { level: 1, name: INDICATOR })).toBeVisible();
    const month = labelPeriod(periodOfDate(new Date(), 'MONTH'), 'sv');
    await drawDeferred(page);
    const table = page.getByRole('table', { name: new RegExp(`^${INDICATOR} per kommun`) });
    const value = table.getByRole('row', { name: new RegExp(`^${month}`) }).locator('[tabindex="0"]');
    await expect(value).toHaveText('6');
    const provenance = /^Källa: Egna nyckeltal · inmatad för hand av Sam Samordnarsson \d/;
    await expect(value).toHaveAccessibleDescription(provenance);
    // From the keyboard: the tooltip opens on focus and closes on Escape (WCAG 1.4.13).
    await value.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(value).toBeFocused();
    const tooltip = page.locator('.mat-mdc-tooltip');
    await expect(tooltip).toHaveCount(1);
    await expect(tooltip).toContainText(provenance);
    await expectAccessible(page, 'the indicator page with a value’s provenance open');
    await page.keyboard.press('Escape');
    await expect(tooltip).toHaveCount(0);
    await expect(value).toBeFocused();

    // The history: the entry's change, by indicator, municipality and period, old and new value.
    await page.getByRole('link', { name: 'Importera', exact: true }).click();
    await page.getByRole('link', { name: 'Visa importhistoriken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importhistorik' })).toBeVisible();
    // Found by what it changed: other tests' batches by the same person may be newer.
    const change = page
      .getByRole('row')
      .filter({ hasText: 'Sam Samordnarsson' })
      .getByTestId('batch-changes')
      .filter({ hasText: `${INDICATOR}, Helsingborg, ${month}: 5 → 6` });
    await expect(change).toHaveCount(1);
    await expect(change).toContainText('ändrat från 5 till 6');
    await expect(page.getByRole('table', { name: 'Importer, senaste först' })).not.toContainText('MANUAL');
    await expectAccessible(page, 'the import history with a manual entry’s change');
  });
});
