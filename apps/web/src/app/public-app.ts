// The public pages' application (the accessibility statement), loaded by main.ts only on their address.
export { PublicShellComponent } from '@kraftsamling/web/shell/feature';
export { publicAppConfig } from './public.config';
