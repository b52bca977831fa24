import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { addPeriods, periodOfDate } from '@kraftsamling/shared/periods';
import { expectAccessible, signIn, drawDeferred } from './support/pages';

const FH = '/s/familjen-helsingborg';
const PHONE = { width: 390, height: 844 };
/** Registered unemployed, all (no other browser test imports it, so its figures are these alone). */
const INDICATOR = 'af.bas.tot.unemployed';
/**
 * Familjen Helsingborg's members: code, proper name (the reference data's) and the latest
 * figure imported below, as the page must show it (sv-SE; Perstorp's is suppressed, "<5").
 */
const MEMBERS: [string, string, string][] = [
  ['1260', 'Bjuvs kommun', '412'],
  ['1278', 'Båstads kommun', '233'],
  ['1283', 'Helsingborgs stad', '5\u00a0218'],
  ['1284', 'Höganäs kommun', '398'],
  ['1276', 'Klippans kommun', '507'],
  ['1282', 'Landskrona stad', '2\u00a0046'],
  ['1275', 'Perstorps kommun', '<5'],
  ['1214', 'Svalövs kommun', '361'],
  ['1277', 'Åstorps kommun', '588'],
  ['1292', 'Ängelholms kommun', '1\u00a0034'],
  ['1257', 'Örkelljunga kommun', '219'],
];
const LAST_MONTH = addPeriods(periodOfDate(new Date(), 'MONTH'), -1);

/**
 * As the statistics steward, imports three months of (invented) figures for every member:
 * the two earlier months higher by 10 and 20, so only the latest month's figures are the ones
 * above; Perstorp "<5" throughout.
 */
async function importFigures(browser: Browser): Promise<void> {
  const rows = MEMBERS.flatMap(([code, , latest]) =>
    [2, 1, 0].map((back) => {
      const value = latest === '<5' ? '<5' : `${Number(latest.replace(/\D/g, '')) + 10 * back}`;
      return `${INDICATOR};${code};${addPeriods(LAST_MONTH, -back)};${value}`;
    }),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'analytiker');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
  await page.goto(`${FH}/import`);
  await page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' }).check();
  await page.getByRole('combobox', { name: 'Källa' }).click();
  await page.getByRole('option', { name: 'Mall för egna värden (CSV eller Excel)' }).click();
  await page.getByLabel('Fil att importera').setInputFiles({
    name: 'arbetslosa-alla.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['indicator_code;area_code;period;value', ...rows].join('\n') + '\n', 'utf8'),
  });
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-clean')).toContainText('Inga fel hittades');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-success')).toContainText('Nya värden:');
  await context.close();
}

/** The page itself never scrolls sideways: only a table's own region may. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The element lies within the screen's width (not cut off, not beyond a scroll). */
async function expectWithinWidth(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });

  test("the indicator page shows every municipality's latest value, a legend that wraps, and the table in its own region", async ({
    page,
    browser,
  }) => {
    await importFigures(browser);
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/nyckeltal/${INDICATOR}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Senaste värdet per kommun' })).toBeVisible();

    const latest = page.getByTestId('latest-value');
    await expect(latest).toHaveCount(MEMBERS.length);
    for (const [code, name, figure] of MEMBERS) {
      const item = latest.and(page.locator(`[data-area="${code}"]`));
      await item.scrollIntoViewIfNeeded();
      await expectWithinWidth(item.getByText(name, { exact: true }));
      const value = item.locator('.ks-latest__value');
      await expectWithinWidth(value);
      await expect(value).toContainText(figure);
    }
    await expectNoSidewaysScroll(page);

    // The chart and the table are drawn as they come into view.
    await drawDeferred(page);
    await expectNoSidewaysScroll(page);

    // The legend lists all twelve lines at once, wrapped onto several rows: nothing to page through.
    const legend = page.getByTestId('chart-legend');
    const entries = legend.getByRole('button');
    await expect(entries).toHaveCount(MEMBERS.length + 1);
    const rows = new Set<number>();
    for (const entry of await entries.all()) {
      await expectWithinWidth(entry);
      rows.add(Math.round((await entry.boundingBox())!.y));
      await expect(entry).toHaveAttribute('aria-pressed', 'true');
    }
    expect(rows.size).toBeGreaterThan(1);
    // A line can be switched off from the keyboard, and on again.
    const region = entries.filter({ hasText: 'Regionen' });
    await region.focus();
    await page.keyboard.press('Enter');
    await expect(region).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Enter');
    await expect(region).toHaveAttribute('aria-pressed', 'true');

    // The chart keeps its data table, which scrolls within its own labelled region.
    const tableRegion = page.getByRole('region', { name: /per kommun och månad/ });
    await expect(tableRegion).toHaveAttribute('tabindex', '0');
    await expect(tableRegion.getByRole('table')).toBeAttached();
    expect(await tableRegion.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'the indicator page on a phone');
  });

  test('the entry grid scrolls in its own region with the period column in place, and members are cards with their role and actions', async ({
    page,
  }) => {
    await signIn(page, 'samordnare');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/nyckeltal/registrera`);
    await expect(page.getByRole('heading', { level: 1, name: 'Registrera värden' })).toBeVisible();
    const grid = page.getByRole('table', { name: /Värden för/ });
    await expect(grid).toBeVisible();
    await expectNoSidewaysScroll(page);

    const gridRegion = page.getByRole('region', { name: /Värden för/ });
    expect(await gridRegion.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const period = grid.locator('tbody th[scope="row"]').first();
    const before = (await period.boundingBox())!.x;
    await gridRegion.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => gridRegion.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The period column stays where it was while the fields scroll past it.
    expect((await period.boundingBox())!.x).toBeCloseTo(before, 0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'the entry grid on a phone');

    await page.goto(`${FH}/medlemmar`);
    await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible();
    const cards = page.getByTestId('member-cards');
    await expect(cards).toBeVisible();
    await expect(page.getByTestId('member-table')).toHaveCount(0);
    const first = cards.getByRole('listitem').first();
    await expectWithinWidth(first.getByText('Roll', { exact: true }));
    await expectWithinWidth(first.getByRole('button', { name: /^Ändra roll för / }));
    await expectWithinWidth(first.getByRole('button', { name: /^Ta bort / }));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'the members page on a phone');
  });
});
