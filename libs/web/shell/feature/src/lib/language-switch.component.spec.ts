import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY } from '@kraftsamling/web/shared/i18n';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { LanguageSwitchComponent } from './language-switch.component';

describe('LanguageSwitchComponent', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  it('offers English (named in English) while the page is Swedish', async () => {
    const fixture = TestBed.createComponent(LanguageSwitchComponent);
    await fixture.whenStable();
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.textContent?.trim()).toBe('English');
    expect(button.getAttribute('lang')).toBe('en');
  });

  it('switches the active language and <html lang>, then offers Svenska', async () => {
    const fixture = TestBed.createComponent(LanguageSwitchComponent);
    await fixture.whenStable();
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');

    await fixture.componentInstance.switch();
    await fixture.whenStable();

    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(button.textContent?.trim()).toBe('Svenska');
    expect(button.getAttribute('lang')).toBe('sv');

    button.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('sv');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('sv');
  });
});
