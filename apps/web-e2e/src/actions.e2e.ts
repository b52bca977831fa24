import { type Page, expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/pages';

/** Opens a select from the keyboard (as a keyboard user would) and picks options by name. */
async function choose(page: Page, select: string, options: (string | RegExp)[]): Promise<void> {
  await page.getByRole('combobox', { name: select }).focus();
  await page.keyboard.press('Enter');
  for (const option of options) await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

test.describe('operational groups at work', () => {
  test('a group member creates an action, records outcomes and an update; another user sees the update arrive live', async ({
    page,
    browser,
  }) => {
    // The reader: a municipal editor with the group page open in a browser of their own.
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();

    await signIn(page, 'arbetsmarknad');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Insatser och uppdateringar i Arbetsmarknad' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Arbetsmarknad' })).toBeVisible();
    await expect(page.getByTestId('action-board')).toBeVisible();
    await expect(page.getByTestId('action-card').first()).toBeVisible();
    await expectAccessible(page, 'the group page as a board');

    // The table view and its filter live in the address: Back returns to them.
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect(page).toHaveURL(/vy=tabell/);
    await choose(page, 'Status', ['Pågående']);
    await expect(page).toHaveURL(/status=ONGOING/);
    const rows = page.getByTestId('action-row');
    await expect(rows.first()).toBeVisible();
    for (const status of await rows.locator('td:nth-child(3)').allTextContents())
      expect(status.trim()).toBe('Pågående');
    await expectAccessible(page, 'the group page as a filtered table');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect(page).not.toHaveURL(/status=/);

    // A new action: required fields are checked before anything is sent.
    const title = `Jobbspår lager och logistik ${Date.now()}`;
    await page.getByRole('link', { name: 'Ny insats' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ny insats' })).toBeVisible();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Välj minst en kommun där insatsen genomförs.')).toBeVisible();
    await page.getByLabel('Namn på insatsen').fill(title);
    await choose(page, 'Typ av insats', ['Jobbspår']);
    await choose(page, 'Kommuner där insatsen genomförs', [/^Helsingborg/, /^Bjuv/]);
    await page.getByLabel('Startdatum').fill('2026-09-01');
    await page.getByLabel('Slutdatum').fill('2026-08-01');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Slutdatumet kan inte vara före startdatumet.')).toBeVisible();
    await page.getByLabel('Slutdatum').fill('2027-06-30');
    await page.getByLabel('Planerat antal deltagare').fill('24');
    await page.getByLabel('Målgrupper').fill('Utrikes födda kvinnor\nUnga vuxna');
    await expectAccessible(page, 'the action form');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('action-facts')).toContainText('Utrikes födda kvinnor, Unga vuxna');
    await expect(page.getByTestId('outcomes-none')).toBeVisible();

    // Outcomes for a month, for both municipalities.
    await page.getByLabel('Månad').fill('2026-10');
    const helsingborg = page.locator('[data-testid="outcome-row"][data-municipality="1283"]');
    const bjuv = page.locator('[data-testid="outcome-row"][data-municipality="1260"]');
    await helsingborg.getByRole('spinbutton', { name: /Helsingborg Deltagare/ }).fill('12');
    await helsingborg.getByRole('spinbutton', { name: /Helsingborg Påbörjade/ }).fill('10');
    await helsingborg.getByRole('spinbutton', { name: /Helsingborg Till arbete/ }).fill('3');
    await helsingborg.getByRole('spinbutton', { name: /Helsingborg varav privat sektor/ }).fill('4');
    await page.getByRole('button', { name: 'Spara utfall' }).click();
    await expect(page.getByText('Fler i privat sektor än till arbete.')).toBeVisible();
    await helsingborg.getByRole('spinbutton', { name: /Helsingborg varav privat sektor/ }).fill('2');
    await bjuv.getByRole('spinbutton', { name: /Bjuv Deltagare/ }).fill('5');
    await page.getByRole('button', { name: 'Spara utfall' }).click();
    await expect(page.getByTestId('action-status')).toHaveText('Utfallen är sparade.');
    const grid = page.getByRole('table', { name: 'Deltagare per kommun och period' });
    await expect(grid.getByRole('row', { name: /^Helsingborg/ })).toContainText('12');
    await expect(grid.getByRole('row', { name: /^Totalt/ })).toContainText('17');
    await expect(page.getByTestId('action-totals')).toContainText('Till arbete3');
    await expectAccessible(page, 'the action page with outcomes');

    // The reader opens the group page and keeps it open.
    await signIn(reader, 'helsingborg');
    await expect(reader.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await reader.getByRole('link', { name: 'Insatser och uppdateringar i Arbetsmarknad' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: 'Arbetsmarknad' })).toBeVisible();
    await expect(reader.getByTestId('group-read-only')).toBeVisible();
    await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();

    // An update with a new status and an assessment.
    const text = `Första kullen har börjat, två arbetsgivare till är med ${Date.now()}`;
    await page.getByLabel('Vad har hänt?').fill(text);
    await choose(page, 'Ändra status', ['Pågående']);
    await choose(page, 'Bedömning', ['Enligt plan']);
    await page.getByRole('button', { name: 'Publicera uppdateringen' }).click();
    await expect(page.getByTestId('action-status')).toHaveText('Uppdateringen är publicerad.');
    await expect(page.getByTestId('action-updates')).toContainText(text);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.ks-lead')).toContainText('Pågående');

    // …and it reaches the reader's open page without a reload: in the feed, marked new, and announced.
    const item = reader.getByTestId('feed-item').filter({ hasText: text });
    await expect(item).toBeVisible();
    await expect(item).toContainText('Ny');
    await expect(reader.getByTestId('group-live-status')).toContainText(`skrev en uppdatering om ${title}`);
    await expectAccessible(reader, 'the group page after a live update');

    // The reader may record Helsingborg's outcomes, but not change the action.
    await item.getByRole('link', { name: title }).click();
    await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(reader.getByTestId('action-edit-link')).toHaveCount(0);
    await expect(reader.locator('[data-testid="outcome-row"][data-municipality="1283"]')).toBeVisible();
    await expect(reader.locator('[data-testid="outcome-row"][data-municipality="1260"]')).toHaveCount(0);
    await readerContext.close();
  });

  test('a second save of the same action meets a conflict with the newer version shown', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'arbetsmarknad');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Insatser och uppdateringar i Arbetsmarknad' }).click();
    await page.getByRole('link', { name: 'Ny insats' }).click();
    const title = `Rekryteringsmässa ${Date.now()}`;
    await page.getByLabel('Namn på insatsen').fill(title);
    await choose(page, 'Kommuner där insatsen genomförs', [/^Höganäs/]);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Two people open the editor; the coordinator saves first.
    await page.getByRole('link', { name: 'Redigera insatsen' }).click();
    await expect(page.getByLabel('Namn på insatsen')).toHaveValue(title);
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, 'samordnare');
    await expect(other.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await other.getByRole('link', { name: 'Insatser och uppdateringar i Arbetsmarknad' }).click();
    await other.getByRole('link', { name: title }).first().click();
    await other.getByRole('link', { name: 'Redigera insatsen' }).click();
    await expect(other.getByLabel('Namn på insatsen')).toHaveValue(title);
    await other.getByLabel('Namn på insatsen').fill(`${title} (flyttad)`);
    await other.getByRole('button', { name: 'Spara' }).click();
    await expect(other.getByRole('heading', { level: 1, name: `${title} (flyttad)` })).toBeVisible();
    await otherContext.close();

    // The group member's save is refused, and what changed is shown.
    await page.getByLabel('Planerat antal deltagare').fill('40');
    await page.getByRole('button', { name: 'Spara' }).click();
    const conflict = page.getByTestId('action-conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(`${title} (flyttad)`);
    await expectAccessible(page, 'the action form after a conflict');
    await page.getByRole('button', { name: 'Använd deras version' }).click();
    await expect(page.getByLabel('Namn på insatsen')).toHaveValue(`${title} (flyttad)`);
    await page.getByLabel('Planerat antal deltagare').fill('40');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title} (flyttad)` })).toBeVisible();
    await expect(page.getByTestId('action-facts')).toContainText('40');
  });
  test('a group member records a decision in the group’s own log and follows it up', async ({ page }) => {
    await signIn(page, 'arbetsmarknad');
    await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
    await page.getByRole('link', { name: 'Insatser och uppdateringar i Arbetsmarknad' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Arbetsmarknad' })).toBeVisible();
    await page.getByTestId('group-decisions-link').click();
    await expect(page).toHaveURL(/\/beslut\?grupp=/);
    await expect(page.getByTestId('decisions-group')).toContainText('Arbetsmarknad');
    await expect(page.getByTestId('decisions-read-only')).toHaveCount(0);

    const title = `Jobbspåret utökas till Bjuv ${Date.now()}`;
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'the dialog to record a decision in a group’s log');
    await dialog.getByLabel('Vad beslutades').fill(title);
    await dialog.getByLabel('Klart senast').fill('2099-03-31');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('decisions-status')).toHaveText(`Beslutet ”${title}” är registrerat.`);

    const table = page.getByRole('table', { name: /Beslut i Arbetsmarknad, Familjen Helsingborg/ });
    const row = table.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('Ej påbörjat');
    await expectAccessible(page, 'the group’s decision log with a new decision');

    // Following it up: the status moves on.
    await row.getByRole('button', { name: `Ändra beslutet ${title}` }).click();
    const edit = page.getByRole('dialog', { name: 'Ändra beslut' });
    // The dialog puts focus on its first field once it has opened; focus moved before that is
    // taken back, and Enter then lands in the text of the decision instead of opening the select.
    await expect(edit.getByLabel('Vad beslutades')).toBeFocused();
    await edit.getByRole('combobox', { name: 'Status' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Pågår' }).click();
    await edit.getByRole('button', { name: 'Spara' }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByTestId('decisions-status')).toHaveText(`Beslutet ”${title}” är ändrat.`);
    await expect(row).toContainText('Pågår');
  });
});
