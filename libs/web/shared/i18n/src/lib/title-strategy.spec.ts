import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { translocoTesting } from '../testing';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './title-strategy';

@Component({ template: '' })
class EmptyPage {}

describe('TranslatedTitleStrategy', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([{ path: 'tillganglighet', component: EmptyPage, title: 'titles.accessibility' }]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
  });

  it('translates the route title, adds the page detail and follows the language', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tillganglighet');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('Tillgänglighetsredogörelse – Kraftsamling');

    TestBed.inject(TranslatedTitleStrategy).setDetail('Familjen Helsingborg');
    expect(title.getTitle()).toBe('Tillgänglighetsredogörelse – Familjen Helsingborg – Kraftsamling');

    await TestBed.inject(LanguageService).use('en');
    expect(title.getTitle()).toBe('Accessibility statement – Familjen Helsingborg – Kraftsamling');
  });
});
