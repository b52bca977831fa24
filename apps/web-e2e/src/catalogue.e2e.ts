import { Page, expect, test } from '@playwright/test';
import { holdAnswer } from './support/held-answer';
import { expectAccessible, signIn } from './support/pages';

const FH = '/s/familjen-helsingborg';
const SHARE_BAS = 'Andel inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)';

test.describe('finding an indicator', () => {
  test('a search without diacritics puts the foreign-born women’s unemployment share first and survives Back and reload', async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/nyckeltal`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();

    await page.getByLabel('Sök nyckeltal').fill('utrikesfodda kvinnor arbetsloshet');
    await expect(page).toHaveURL(/[?&]q=utrikesfodda(\+|%20)kvinnor(\+|%20)arbetsloshet/);
    await expect(page.getByTestId('catalogue-count')).toContainText('bästa träffen först');
    const firstRow = page.locator('tbody th[scope="row"] a').first();
    await expect(firstRow).toHaveText(SHARE_BAS);
    await expectAccessible(page, 'the catalogue with a search');

    // Back from the indicator finds the same search and order; so does a reload.
    await firstRow.click();
    await expect(page).toHaveURL(new RegExp(`${FH}/nyckeltal/af\\.bas\\.utrk\\.unemployment_share$`));
    await page.goBack();
    await expect(page.getByLabel('Sök nyckeltal')).toHaveValue('utrikesfodda kvinnor arbetsloshet');
    await expect(page.locator('tbody th[scope="row"] a').first()).toHaveText(SHARE_BAS);
    await page.reload();
    await expect(page.getByLabel('Sök nyckeltal')).toHaveValue('utrikesfodda kvinnor arbetsloshet');
    await expect(page.locator('tbody th[scope="row"] a').first()).toHaveText(SHARE_BAS);

    // The register-based series are folded away until asked for, and the choice is in the address.
    await expect(page.getByRole('link', { name: /registerbaserad arbetskraft/ })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Visa även registerbaserade serier (t.o.m. 2023)' }).check();
    await expect(page).toHaveURL(/[?&]alla=1/);
    await expect(
      page.getByRole('link', {
        name: 'Andel inskrivna arbetslösa, utrikes födda kvinnor (registerbaserad arbetskraft, t.o.m. 2023)',
      }),
    ).toBeVisible();
    await expectAccessible(page, 'the catalogue with the register-based series');
  });

  test('on a 390 px phone the catalogue is a list of cards, without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.goto(`${FH}/nyckeltal?q=befolkning`);
    const cards = page.getByTestId('catalogue-cards');
    await expect(cards).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
    await expect(cards.getByRole('link', { name: /^Folkmängd/ }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the catalogue on a phone');
  });

  test('the catalogue loads the code of its own operations, not every other page’s', async ({ page }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    // A fresh load of the catalogue's address: every script it runs, and the GraphQL operations
    // (parsed documents) in them.
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      // The load that leaves for the login may be gone before its scripts' bodies are read: the
      // page the login sends back runs the same ones.
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    await page.goto(`${FH}/nyckeltal`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
    await expect(page.getByTestId('catalogue-count')).toBeVisible();
    const operations = new Set(
      (await Promise.all(scripts)).flatMap((code) =>
        [
          // Strings in either quote: the chunk optimiser's minifier writes them as `…`.
          ...code.matchAll(
            /kind:(["`])OperationDefinition\1,operation:\1\w+\1,name:\{kind:\1Name\1,value:\1(\w+)\1/g,
          ),
        ].map((match) => match[2]),
      ),
    );
    // Who is signed in (the frame) and the catalogue's own.
    expect(operations).toContain('Me');
    expect(operations).toContain('Indicators');
    // Goals, actions, comparisons and decisions are other pages' (their code comes with them).
    for (const other of [
      'Goals',
      'CreateGoal',
      'GroupActions',
      'CreateAction',
      'Comparison',
      'SavePeerSet',
      'Decisions',
    ])
      expect(operations).not.toContain(other);
  });

  test('a load of the catalogue or of an indicator asks for its data beside `me`, not after it', async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    const loads = [
      { address: `${FH}/nyckeltal`, data: ['Indicators'], heading: 'Nyckeltal' },
      {
        address: `${FH}/nyckeltal/af.bas.utrk.unemployment_share`,
        data: ['IndicatorSeries', 'RegionSeries'],
        heading: SHARE_BAS,
      },
    ];
    for (const { address, data, heading } of loads) {
      // `me` (who is signed in) is held back until the page’s data has been asked for, or 5 s.
      const me = await holdAnswer(page, 'Me', data);
      try {
        await page.goto(address);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        expect([...me.askedWhileHeld], `asked for at ${address} before \`me\` answered`).toEqual(
          expect.arrayContaining(data),
        );
      } finally {
        await me.end();
      }
    }
  });

  test("a load of an indicator asks for its series before the page's code has come, and once", async ({
    page,
  }) => {
    await signIn(page, 'helsingborg');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    const address = `${FH}/nyckeltal/af.bas.utrk.unemployment_share`;
    const { chunks } = await chunksWith(page, address, 'ks-indicator-page');
    expect(chunks).toHaveLength(1);
    // The page's code is held back until its series and region have been asked for, or 10 s.
    const asked: string[] = [];
    const askedBeforePageCode = new Set<string>();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const heldAtMost = setTimeout(release, 10_000);
    let pageCodeHeld = true;
    await page.route(`**/${chunks[0]}`, async (route) => {
      await released;
      pageCodeHeld = false;
      await route.continue().catch(() => undefined);
    });
    await page.route('**/graphql', async (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (operation) {
        asked.push(operation);
        if (pageCodeHeld) askedBeforePageCode.add(operation);
        if (['IndicatorSeries', 'RegionSeries'].every((name) => askedBeforePageCode.has(name))) release();
      }
      await route.continue().catch(() => undefined);
    });
    try {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1, name: SHARE_BAS })).toBeVisible();
      expect([...askedBeforePageCode]).toEqual(expect.arrayContaining(['IndicatorSeries', 'RegionSeries']));
      // The page took the answers asked for ahead: it did not ask again.
      expect(asked.filter((name) => name === 'IndicatorSeries')).toHaveLength(1);
      expect(asked.filter((name) => name === 'RegionSeries')).toHaveLength(1);
    } finally {
      clearTimeout(heldAtMost);
      release();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  test('a load of the catalogue asks for the page’s code at once, not after Angular has arrived', async ({
    page,
    baseURL,
  }) => {
    // The scripts index.html names (main.js and its initial chunks) are served as they are;
    // every other script (Angular, the application) is held back until the catalogue page's
    // own code has been asked for. The page's code is the chunk with its component's selector,
    // found by following the scripts' names from index.html's before the load: its request is
    // then counted as it is made, not once its answer has come (the load may leave for the
    // login first, and a request still in flight is cancelled).
    const { initial, chunks: pageChunks } = await chunksWith(
      page,
      `${FH}/nyckeltal`,
      'ks-indicator-catalogue-page',
    );
    expect(pageChunks).toHaveLength(1);
    expect(initial.has(pageChunks[0]!)).toBe(false);
    const [pageChunk] = pageChunks;
    let pageCodeAsked = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const heldBack = setTimeout(release, 15_000);
    const app = new URL(baseURL!).origin;
    await page.route(
      (url) => url.origin === app && /^\/[\w-]+\.js$/.test(url.pathname),
      async (route) => {
        const name = new URL(route.request().url()).pathname.slice(1);
        if (name === pageChunk) {
          pageCodeAsked = true;
          release();
        } else if (!initial.has(name)) {
          await released;
        }
        await route.continue().catch(() => undefined);
      },
    );
    try {
      // A signed-out load: it ends on the login page, and asks for the page's code before it leaves.
      await page.goto(`${FH}/nyckeltal`);
      await expect(page.getByLabel('Användarnamn')).toBeVisible();
      expect(pageCodeAsked).toBe(true);
    } finally {
      clearTimeout(heldBack);
      release();
      // Scripts still in flight when the test ends (the login page was reached first) meet a
      // closed context: their handler's response is disposed, and the error is not this test's.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
});

/**
 * The scripts index.html names at an address, and the chunks (followed from them by name)
 * whose code holds `text`, such as a page component's selector.
 */
async function chunksWith(page: Page, address: string, text: string) {
  const initial = new Set<string>();
  const html = await (await page.request.get(address)).text();
  for (const [, name] of html.matchAll(/(?:src|href)="([\w-]+\.js)"/g)) initial.add(name!);
  expect(initial.size).toBeGreaterThan(0);
  const chunks: string[] = [];
  const seen = new Set(initial);
  for (const name of seen) {
    const code = await (await page.request.get(`/${name}`)).text();
    if (code.includes(text)) chunks.push(name);
    for (const [chunk] of code.matchAll(/chunk-[\w-]+\.js/g)) seen.add(chunk);
  }
  return { initial, chunks };
}
