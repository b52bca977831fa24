import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What a page does when something on it starts to move (an animation or a transition). */
const MOVEMENT_EVENTS = ['animationstart', 'transitionstart', 'transitionrun'];

/** Runs axe (every rule it has, not only WCAG's) on the page as it is and fails on any violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // What people read is the page at rest. A snack bar that begins to fade out while axe runs
  // (it closes on its own after six seconds) would be measured halfway, its text at a fraction
  // of its colour: such a pass is not a reading of the page at rest, and is taken again.
  for (let attempt = 1; ; attempt++) {
    await waitUntilAtRest(page);
    await page.evaluate((types) => {
      const marks = window as unknown as { __ksMovedDuringAxe?: { moved: boolean; note: () => void } };
      const mark = { moved: false, note: () => (mark.moved = true) };
      marks.__ksMovedDuringAxe = mark;
      for (const type of types) document.addEventListener(type, mark.note, { capture: true });
    }, MOVEMENT_EVENTS);
    const summary = await axeViolations(page);
    // Read and stop listening (the page may have navigated meanwhile: then nothing is marked).
    const moved = await page.evaluate((types) => {
      const mark = (window as unknown as { __ksMovedDuringAxe?: { moved: boolean; note: () => void } })
        .__ksMovedDuringAxe;
      for (const type of types) if (mark) document.removeEventListener(type, mark.note, { capture: true });
      return mark?.moved === true;
    }, MOVEMENT_EVENTS);
    if (!moved || summary.length === 0 || attempt === 3) {
      expect(summary, `axe violations on ${where}`).toEqual([]);
      return;
    }
  }
}

/** Waits until every animation that ends has ended (a field error fading in is then at its full colour). */
async function waitUntilAtRest(page: Page): Promise<void> {
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
}

/** Runs axe once and describes each violation by rule, impact and the elements it found. */
async function axeViolations(page: Page): Promise<string[]> {
  // Every rule runs on every element as before; `resultTypes` only spares axe the unique
  // selectors of every element that passed (all but one per rule), which the check never
  // reads: 48 → 34 s of axe in the goal and indicator tests, 4.6 → 2.0 s on the entry grid.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  // A page without frames (the app has none) is checked in one pass, axe.run in the page itself:
  // the same rules on the same document, without the merge of per-frame results in a second,
  // blank page that the default takes (several seconds on the larger pages, every call).
  if (page.frames().length === 1) axe.setLegacyMode(true);
  const results = await axe.analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
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
