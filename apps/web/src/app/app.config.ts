import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { APP_CONFIG, AppConfig, AuthSession, provideAuthSession } from '@kraftsamling/web/shared/auth';
import { provideGraphql } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, provideI18n } from '@kraftsamling/web/shared/i18n';
import { appRoutes } from './app.routes';
import { provideAppHttpClient } from './http-client';

const formFieldDefaults: MatFormFieldDefaultOptions = { appearance: 'outline', subscriptSizing: 'dynamic' };

/** Everything the application needs, given the runtime configuration and the logged-in session. */
export function appConfig(config: AppConfig, session: AuthSession): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      { provide: APP_CONFIG, useValue: config },
      provideAuthSession(session),
      provideAppHttpClient(),
      provideRouter(
        appRoutes,
        // Pages read route parameters (the collaboration slug) as inputs.
        withComponentInputBinding(),
        withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
      ),
      { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      provideI18n(),
      provideGraphql(),
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: formFieldDefaults },
    ],
  };
}
