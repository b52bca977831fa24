import { InjectionToken } from '@angular/core';
import type { AppConfig } from './app-config';

/** The runtime configuration main.ts loaded, for the application's providers. */
export const APP_CONFIG = new InjectionToken<AppConfig>('APP_CONFIG');
