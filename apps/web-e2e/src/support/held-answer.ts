import type { Page } from '@playwright/test';

/** What a held answer saw: the operations asked for while it was held, and how to end it. */
export interface HeldAnswer {
  readonly askedWhileHeld: ReadonlySet<string>;
  /** Lets the answer go (if it has not) and stops watching the page's GraphQL requests. */
  end(): Promise<void>;
}

/**
 * Holds back the answer to one GraphQL operation (by its name) until the `awaited` operations
 * have been asked for, or `atMostMs`, and records every operation asked for meanwhile: a page
 * that asks for its data only after that answer has come shows it in what was recorded.
 */
export async function holdAnswer(
  page: Page,
  held: string,
  awaited: readonly string[],
  atMostMs = 5_000,
): Promise<HeldAnswer> {
  const askedWhileHeld = new Set<string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const heldAtMost = setTimeout(release, atMostMs);
  let answered = false;
  await page.route('**/graphql', async (route) => {
    const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
    if (operation === held) {
      await released;
      answered = true;
    } else if (!answered && operation) {
      askedWhileHeld.add(operation);
      if (awaited.every((name) => askedWhileHeld.has(name))) release();
    }
    await route.continue().catch(() => undefined);
  });
  return {
    askedWhileHeld,
    async end() {
      clearTimeout(heldAtMost);
      release();
      await page.unroute('**/graphql');
    },
  };
}
