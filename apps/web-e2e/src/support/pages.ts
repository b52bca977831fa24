import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe (every rule it has, not only WCAG's) on the page as it is and fails on any violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // What people read is the page at rest: a field error fading in is measured at its full
  // colour, not halfway (on a loaded machine axe could otherwise catch it mid-animation).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        // A spinner turns for ever: only animations that end are waited for.
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .every((animation) => animation.playState !== 'running'),
    undefined,
    { timeout: 5_000 },
  );
  const axe = new AxeBuilder({ page });
  // A page without frames (the app has none) is checked in one pass, axe.run in the page itself:
  // the same rules on the same document, without the merge of per-frame results in a second,
  // blank page that the default takes (several seconds on the larger pages, every call).
  if (page.frames().length === 1) axe.setLegacyMode(true);
  const results = await axe.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** Signs in through the identity provider's real login page. */
export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/**
 * Waits for a snack-bar message as screen readers get it. Material first renders the
 * message aria-hidden and moves it into its live region a moment later; until then its
 * close button sits inside an aria-hidden element, which axe rightly reports.
 */
export async function expectSnackBar(page: Page, text: string, close = 'Stäng'): Promise<void> {
  const bar = page.locator('mat-snack-bar-container');
  await expect(bar.getByText(text)).toBeVisible();
  await expect(bar.getByRole('button', { name: close })).toBeVisible();
}

/**
 * Brings into view, one after the other, the parts a page draws only when they come into view
 * (`@defer (on viewport)`: the indicator page's chart and table), and waits until each is drawn.
 */
export async function drawDeferred(page: Page): Promise<void> {
  for (const id of ['chart-placeholder', 'table-placeholder']) {
    const placeholder = page.getByTestId(id);
    await placeholder.evaluateAll((elements) =>
      elements.forEach((element) => element.scrollIntoView({ block: 'center' })),
    );
    await expect(placeholder).toHaveCount(0);
  }
}
