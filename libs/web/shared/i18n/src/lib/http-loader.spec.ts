import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TranslocoHttpLoader } from './http-loader';
import { prefetchTranslation } from './translation-prefetch';

/** A fetch answering with the body (the test environment has no Response class). */
function answering(body: unknown, status = 200): jest.Mock {
  return jest.fn(async () => ({ ok: status < 400, status, json: async () => body }));
}

describe('TranslocoHttpLoader', () => {
  let loader: TranslocoHttpLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    loader = TestBed.inject(TranslocoHttpLoader);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('takes the translations fetched during the login once, then asks the server', async () => {
    const fetchFn = answering({ greeting: 'Hej' });
    prefetchTranslation('sv', fetchFn as unknown as typeof fetch);

    await expect(firstValueFrom(loader.getTranslation('sv'))).resolves.toEqual({ greeting: 'Hej' });
    expect(fetchFn).toHaveBeenCalledWith('/i18n/sv.json', expect.anything());
    http.expectNone('/i18n/sv.json');

    const again = firstValueFrom(loader.getTranslation('sv'));
    http.expectOne('/i18n/sv.json').flush({ greeting: 'Hej igen' });
    await expect(again).resolves.toEqual({ greeting: 'Hej igen' });
  });

  it('asks the server again when the prefetch failed', async () => {
    prefetchTranslation('en', answering({}, 503) as unknown as typeof fetch);

    const translation = firstValueFrom(loader.getTranslation('en'));
    // The failed prefetch settles first; then the loader's own request goes out.
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/i18n/en.json').flush({ greeting: 'Hello' });
    await expect(translation).resolves.toEqual({ greeting: 'Hello' });
  });

  it('loads a language nothing prefetched from the server', async () => {
    const translation = firstValueFrom(loader.getTranslation('en'));
    http.expectOne('/i18n/en.json').flush({ greeting: 'Hello' });
    await expect(translation).resolves.toEqual({ greeting: 'Hello' });
  });
});
