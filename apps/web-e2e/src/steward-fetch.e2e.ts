import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, drawDeferred } from './support/pages';

// Issue "Open data sources": a statistics steward makes Kolada's key-figure list available,
// finds a key figure in the catalogue, fetches its values and sees them on the indicator's
// page. Kolada is the replay server the global setup starts (fixtures/replay), never the internet.
const FH = 'familjen-helsingborg';
const here = path.dirname(fileURLToPath(import.meta.url));
const KPI_LIST = readFileSync(path.join(here, 'fixtures/replay/kolada/kpi.json'));

test('a statistics steward loads Kolada’s key figures, finds one, fetches its values and sees them', async ({
  page,
}) => {
  await signIn(page, 'analytiker');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();

  // Kolada's key-figure list, loaded into the catalogue through the import page.
  await page.goto(`/s/${FH}/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Importera statistik' })).toBeVisible();
  await page.getByRole('radio', { name: 'Officiell statistik för alla samverkan' }).check();
  await page.getByRole('combobox', { name: 'Källa' }).click();
  await page.getByRole('option', { name: 'Kolada (JSON)' }).click();
  await page.getByLabel('Fil att importera').setInputFiles({
    name: 'kpi.json',
    mimeType: 'application/json',
    buffer: KPI_LIST,
  });
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-catalogue')).toContainText('2 nyckeltal skulle läggas till');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-catalogue')).toContainText('Nyckeltalskatalogen: 2 nya nyckeltal');
  await expectAccessible(page, 'the import page with the key-figure list loaded');

  // The catalogue finds it by words of its name; it has no values yet, and says so.
  await page.goto(`/s/${FH}/nyckeltal`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
  await page.getByLabel('Sök nyckeltal').fill('förvärvsarbetande utrikes');
  const row = page.getByRole('row', { name: /Förvärvsarbetande utrikes födda, andel/ });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('coverage')).toHaveText('Inga värden ännu');
  await expect(row.getByTestId('source-page')).toHaveAttribute(
    'href',
    'https://www.kolada.se/verktyg/fri-sokning/?kpis=N00955',
  );
  await expectAccessible(page, 'the catalogue with a key figure without values');

  // Offered to fetch them: the fetch page, filled in.
  await row.getByTestId('fetch-values').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hämtningar av officiell statistik' })).toBeVisible();
  await expect(page.getByTestId('fetch-subject')).toHaveValue('N00955');
  await page.getByTestId('fetch-from').fill('2020');
  await page.getByTestId('fetch-submit').click();
  await expect(page.getByTestId('fetch-outcome')).toHaveText(/Klart: 6 nya och 0 ändrade värden importerades\./);
  await expect(page.getByTestId('source-fetches-latest')).toContainText('Kolada N00955');
  await expectAccessible(page, 'the fetch page after a fetch');

  // The catalogue now tells its coverage; the indicator's page shows the values.
  await page.goto(`/s/${FH}/nyckeltal?q=${encodeURIComponent('förvärvsarbetande utrikes')}`);
  const fetched = page.getByRole('row', { name: /Förvärvsarbetande utrikes födda, andel/ });
  await expect(fetched.getByTestId('coverage')).toHaveText('3 kommuner');
  await fetched.getByRole('link', { name: /Förvärvsarbetande utrikes födda, andel/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Förvärvsarbetande utrikes födda, andel/ })).toBeVisible();
  await drawDeferred(page);
  await expect(page.getByRole('table').first()).toContainText('61,4');
  await expectAccessible(page, 'the indicator page with fetched values');
});
