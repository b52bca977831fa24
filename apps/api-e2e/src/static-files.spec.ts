import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOwnApi, type OwnApi } from './support/own-api';

// Issue "The web app as people meet it", first load: the built files are sent compressed
// (Brotli or gzip, made at build time) and cached by their kind: hashed names for a year,
// index.html and translations revalidated every time.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const web = mkdtempSync(path.join(tmpdir(), 'ks-web-'));
const script = `/* app */\n${'export const words = "kraftsamling mål insats jämförelse";\n'.repeat(80)}`;
const translations = JSON.stringify({
  titles: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`t${i}`, 'Mål och insatser'])),
});
let api: OwnApi;

beforeAll(async () => {
  writeFileSync(
    path.join(web, 'index.html'),
    '<!doctype html><title>Kraftsamling</title><script src="main-ABCD1234.js"></script>',
  );
  writeFileSync(path.join(web, 'main-ABCD1234.js'), script);
  for (const chunk of ['chunk-MJpKCqfL.js', 'chunk-D__YTa-s.js'])
    writeFileSync(path.join(web, chunk), script);
  mkdirSync(path.join(web, 'i18n'));
  writeFileSync(path.join(web, 'i18n', 'sv.json'), translations);
  const said = execFileSync(
    process.execPath,
    [path.join(workspaceRoot, 'tools/build/compress-static.mjs'), web],
    {
      encoding: 'utf8',
    },
  );
  expect(said).toMatch(/^precompressed 4 files in /);
  api = await startOwnApi({ WEB_DIST_DIR: web });
}, 120_000);
afterAll(() => api?.stop());

const get = (file: string, encoding: string) =>
  fetch(`${api.url}${file}`, { headers: { 'accept-encoding': encoding } });

describe('the web app’s files', () => {
  it('are sent as Brotli, or gzip, as the browser accepts, and as they are otherwise', async () => {
    const brotli = await get('/main-ABCD1234.js', 'gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(await brotli.text()).toBe(script);
    const gzip = await get('/main-ABCD1234.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(script);
    const plain = await get('/main-ABCD1234.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('keeps hashed names a year and revalidates index.html and the translations', async () => {
    expect((await get('/main-ABCD1234.js', 'br')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    // The chunk optimiser's names: hashes in both cases, with - and _.
    for (const chunk of ['/chunk-MJpKCqfL.js', '/chunk-D__YTa-s.js']) {
      const response = await get(chunk, 'br');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const translationsFile = await get('/i18n/sv.json', 'br');
    expect(translationsFile.headers.get('content-encoding')).toBe('br');
    expect(translationsFile.headers.get('cache-control')).toBe('no-cache');
    expect(await translationsFile.json()).toEqual(JSON.parse(translations));
    for (const address of ['/', '/s/familjen-helsingborg/mal']) {
      const index = await get(address, 'br');
      expect(index.status).toBe(200);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(await index.text()).toContain('<title>Kraftsamling</title>');
    }
  });

  it('has every load revalidate the configuration index.html preloads', async () => {
    const config = await get('/app-config.json', 'br');
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect((await config.json()).oidc.clientId).toEqual(expect.any(String));
  });
});
