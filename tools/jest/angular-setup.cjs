// Test environment for every Angular project: zoneless, like the application, and with
// Material's animations off so dialogs and menus open and close at once.
const { setupZonelessTestEnv } = require('jest-preset-angular/setup-env/zoneless');
const { MATERIAL_ANIMATIONS } = require('@angular/material/core');

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
  extraProviders: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
});
