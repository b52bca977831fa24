import { Routes } from '@angular/router';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { requirePermission, requirePlatformPermission } from '@kraftsamling/web/collaborations/data-access';
import { IndicatorNoAccessPage } from './shared/indicator-no-access.page';

/**
 * Routes under /s (mount them with `path: 's'`) for /s/:slug/nyckeltal… and /s/:slug/import…
 * (apps/web matches only those before loading them): the catalogue, an indicator, the manual
 * entry grid, the collaboration's local indicators, the import page and the import history.
 * Route titles are translation keys. A page the user's permissions do not cover matches the
 * "no access" route after it, at the same address. The fixed pages under nyckeltal/ come
 * before nyckeltal/:code, which would otherwise take them for indicator codes. Each page is
 * loaded when it is opened: the catalogue does not fetch the import page's code, nor the
 * indicator page the catalogue's. The table itself is part of the application, so a page's
 * code is fetched as soon as the application starts, not after a file of routes.
 */
export const indicatorRoutes: Routes = [
  {
    path: ':slug/nyckeltal',
    pathMatch: 'full',
    loadComponent: () => import('./catalogue/indicator-catalogue.page').then((m) => m.IndicatorCataloguePage),
    title: 'titles.indicators',
  },
  {
    path: ':slug/nyckeltal/registrera',
    canMatch: [requirePermission(Permission.ValuesEnter)],
    loadComponent: () => import('./entry/value-entry.page').then((m) => m.ValueEntryPage),
    title: 'titles.valueEntry',
  },
  {
    path: ':slug/nyckeltal/registrera',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.enter' },
    title: 'titles.noAccess',
  },
  {
    path: ':slug/nyckeltal/egna',
    canMatch: [requirePermission(Permission.IndicatorManage)],
    loadComponent: () => import('./local/local-indicators.page').then((m) => m.LocalIndicatorsPage),
    title: 'titles.localIndicators',
  },
  {
    path: ':slug/nyckeltal/egna',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.manage' },
    title: 'titles.noAccess',
  },
  {
    path: ':slug/nyckeltal/:code',
    loadComponent: () => import('./indicator/indicator.page').then((m) => m.IndicatorPage),
    title: 'titles.indicator',
  },
  {
    path: ':slug/import',
    pathMatch: 'full',
    // Local figures with indicator:import here; official statistics for statistics stewards.
    canMatch: [requirePermission(Permission.IndicatorImport, PlatformPermission.OfficialImport)],
    loadComponent: () => import('./import/import.page').then((m) => m.ImportPage),
    title: 'titles.import',
  },
  {
    path: ':slug/import/historik',
    // Local figures with indicator:import here; official statistics for statistics stewards.
    canMatch: [requirePermission(Permission.IndicatorImport, PlatformPermission.OfficialImport)],
    loadComponent: () => import('./history/import-history.page').then((m) => m.ImportHistoryPage),
    title: 'titles.importHistory',
  },
  {
    path: ':slug/import/hamtningar',
    // The fetches of official statistics are the statistics stewards' concern alone.
    canMatch: [requirePlatformPermission(PlatformPermission.OfficialImport)],
    loadComponent: () => import('./fetches/source-fetches.page').then((m) => m.SourceFetchesPage),
    title: 'titles.sourceFetches',
  },
  {
    path: ':slug/import/scb-tabell',
    // Defining official indicators is the statistics stewards' concern alone.
    canMatch: [requirePlatformPermission(PlatformPermission.OfficialImport)],
    loadComponent: () => import('./fetches/scb-definition.page').then((m) => m.ScbDefinitionPage),
    title: 'titles.scbDefinition',
  },
  {
    path: ':slug/import/scb-tabell',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: ':slug/import/hamtningar',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: ':slug/import',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: ':slug/import/historik',
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
];
