// The public pages' application (the accessibility statement), loaded by main.ts only on their address.
import { ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppConfig } from '@kraftsamling/web/shared/auth';
import { PublicShellComponent } from '@kraftsamling/web/shell/feature';
import { publicAppConfig } from './public.config';

export function startPublicApp(config: AppConfig): Promise<ApplicationRef> {
  return bootstrapApplication(PublicShellComponent, publicAppConfig(config));
}
