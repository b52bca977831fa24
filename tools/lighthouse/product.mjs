// The product as the measuring tools run it (run.mjs, profile.mjs): port 3000 (the origin the
// dev realm's redirect URIs allow, shared with the browser tests: run under their lock), its
// own database `kraftsamling_lighthouse` with the demo statistics, kept between runs like
// `npm start` keeps its own (the statistics then import once), data under tmp/lighthouse.
import path from 'node:path';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

export const LIGHTHOUSE_WORK_DIR = path.join(workspaceRoot, 'tmp/lighthouse');

/** Starts PostgreSQL (unless DATABASE_URL names a server), the dev IdP and the API with the web app. */
export function startMeasuredProduct() {
  return startStack({
    databaseServerUrl: process.env.DATABASE_URL,
    databaseName: process.env.LIGHTHOUSE_DATABASE_NAME ?? 'kraftsamling_lighthouse',
    recreateDatabase: false,
    dataDir: LIGHTHOUSE_WORK_DIR,
    postgresPort: 54339,
    idpPort: Number(process.env.LIGHTHOUSE_IDP_PORT ?? 18089),
    apiPort: 3000,
    seedDemo: true,
    importDemoStatistics: true,
    quiet: true,
    log: (line) => console.log(line),
  });
}

/** Signs in as `helsingborg` through the dev IdP's real login page, in a page of the browser measured. */
export async function signInAsHelsingborg(page, apiUrl) {
  await page.goto(apiUrl);
  await page.getByLabel('Användarnamn').fill('helsingborg');
  await page.getByLabel('Lösenord').fill('demo');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' }).waitFor({ timeout: 60_000 });
}
