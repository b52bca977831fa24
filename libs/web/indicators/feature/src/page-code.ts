// The indicator pages' addresses (below /s) and code, without Angular: main.ts reads this to
// ask for a page's code in the first moment of a page load, while Angular itself still
// arrives; the route table (lib/indicator.routes.ts) takes its paths and loaders from here,
// so both fetch the same code for the same address. `readAhead` gives the code that asks for
// what a page reads first, run as the application starts on a load of its address (apps/web's
// page-data-ahead.ts).
import type { Injector } from '@angular/core';

export const indicatorPages = {
  catalogue: {
    path: ':slug/nyckeltal',
    load: () => import('./lib/catalogue/indicator-catalogue.page').then((m) => m.IndicatorCataloguePage),
  },
  entry: {
    path: ':slug/nyckeltal/registrera',
    load: () => import('./lib/entry/value-entry.page').then((m) => m.ValueEntryPage),
  },
  local: {
    path: ':slug/nyckeltal/egna',
    load: () => import('./lib/local/local-indicators.page').then((m) => m.LocalIndicatorsPage),
  },
  indicator: {
    path: ':slug/nyckeltal/:code',
    load: () => import('./lib/indicator/indicator.page').then((m) => m.IndicatorPage),
    // Its code is asked for with the page's (main.ts), and run as the application starts.
    readAhead: () =>
      import('./lib/indicator/read-ahead').then(
        (m) => (injector: Injector, params: Readonly<Record<string, string>>) =>
          m.readIndicatorPageAhead(injector, params['slug']!, params['code']!),
      ),
  },
  import: {
    path: ':slug/import',
    load: () => import('./lib/import/import.page').then((m) => m.ImportPage),
  },
  history: {
    path: ':slug/import/historik',
    load: () => import('./lib/history/import-history.page').then((m) => m.ImportHistoryPage),
  },
  fetches: {
    path: ':slug/import/hamtningar',
    load: () => import('./lib/fetches/source-fetches.page').then((m) => m.SourceFetchesPage),
  },
  scbDefinition: {
    path: ':slug/import/scb-tabell',
    load: () => import('./lib/fetches/scb-definition.page').then((m) => m.ScbDefinitionPage),
  },
} as const;
