import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../testing';
import { LanguageService } from './language.service';
import { LANGUAGE_STORAGE_KEY } from './languages';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  it('switches the active language, remembers it and sets <html lang>', async () => {
    const service = TestBed.inject(LanguageService);
    const transloco = TestBed.inject(TranslocoService);
    const document = TestBed.inject(DOCUMENT);

    await service.use('en');

    expect(service.current()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(transloco.translate('shell.userMenu.logout')).toBe('Log out');

    await service.use('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(transloco.translate('shell.userMenu.logout')).toBe('Logga ut');
  });

  it('starts in the remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const service = TestBed.inject(LanguageService);

    await service.init();

    expect(service.current()).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });
});
