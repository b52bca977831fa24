import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { Routes, TitleStrategy, provideRouter } from '@angular/router';
import { APP_CONFIG, AppConfig } from '@kraftsamling/web/shared/auth';
import { TranslatedTitleStrategy, provideI18n } from '@kraftsamling/web/shared/i18n';
import { STATEMENT_PATH } from './public-path';
import { provideAppHttpClient } from './http-client';

export { STATEMENT_PATH, isPublicPath } from './public-path';

/**
 * Pages anyone may read without signing in. The law (2018:1937) wants the accessibility
 * statement reachable by everyone, including people who cannot or will not sign in.
 */
export const publicRoutes: Routes = [
  {
    path: STATEMENT_PATH,
    loadComponent: () =>
      import('@kraftsamling/web/accessibility/feature').then((m) => m.AccessibilityStatementPage),
    title: 'titles.accessibility',
  },
];

/** The public pages' application: translations and the router, no session and no API. */
export function publicAppConfig(config: AppConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      { provide: APP_CONFIG, useValue: config },
      provideAppHttpClient(),
      provideRouter(publicRoutes),
      { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      provideI18n(),
    ],
  };
}
