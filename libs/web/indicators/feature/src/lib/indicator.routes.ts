import { Routes } from '@angular/router';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { requirePermission, requirePlatformPermission } from '@kraftsamling/web/collaborations/data-access';
import { indicatorPages } from '../page-code';
import { IndicatorNoAccessPage } from './shared/indicator-no-access.page';

/**
 * Routes under /s (mount them with `path: 's'`) for /s/:slug/nyckeltal… and /s/:slug/import…
 * (apps/web matches only those before loading them): the catalogue, an indicator, the manual
 * entry grid, the collaboration's local indicators, the import page and the import history.
 * Route titles are translation keys. A page the user's permissions do not cover matches the
 * "no access" route after it, at the same address. The fixed pages under nyckeltal/ come
 * before nyckeltal/:code, which would otherwise take them for indicator codes. Each page is
 * loaded when it is opened: the catalogue does not fetch the import page's code, nor the
 * indicator page the catalogue's. The paths and loaders are page-code.ts's, which main.ts
 * reads to fetch the code of the page an address opens before Angular has arrived.
 */
export const indicatorRoutes: Routes = [
  {
    path: indicatorPages.catalogue.path,
    pathMatch: 'full',
    loadComponent: indicatorPages.catalogue.load,
    title: 'titles.indicators',
  },
  {
    path: indicatorPages.entry.path,
    canMatch: [requirePermission(Permission.ValuesEnter)],
    loadComponent: indicatorPages.entry.load,
    title: 'titles.valueEntry',
  },
  {
    path: indicatorPages.entry.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.enter' },
    title: 'titles.noAccess',
  },
  {
    path: indicatorPages.local.path,
    canMatch: [requirePermission(Permission.IndicatorManage)],
    loadComponent: indicatorPages.local.load,
    title: 'titles.localIndicators',
  },
  {
    path: indicatorPages.local.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.manage' },
    title: 'titles.noAccess',
  },
  {
    path: indicatorPages.indicator.path,
    loadComponent: indicatorPages.indicator.load,
    title: 'titles.indicator',
  },
  {
    path: indicatorPages.import.path,
    pathMatch: 'full',
    // Local figures with indicator:import here; official statistics for statistics stewards.
    canMatch: [requirePermission(Permission.IndicatorImport, PlatformPermission.OfficialImport)],
    loadComponent: indicatorPages.import.load,
    title: 'titles.import',
  },
  {
    path: indicatorPages.history.path,
    // Local figures with indicator:import here; official statistics for statistics stewards.
    canMatch: [requirePermission(Permission.IndicatorImport, PlatformPermission.OfficialImport)],
    loadComponent: indicatorPages.history.load,
    title: 'titles.importHistory',
  },
  {
    path: indicatorPages.fetches.path,
    // The fetches of official statistics are the statistics stewards' concern alone.
    canMatch: [requirePlatformPermission(PlatformPermission.OfficialImport)],
    loadComponent: indicatorPages.fetches.load,
    title: 'titles.sourceFetches',
  },
  {
    path: indicatorPages.scbDefinition.path,
    // Defining official indicators is the statistics stewards' concern alone.
    canMatch: [requirePlatformPermission(PlatformPermission.OfficialImport)],
    loadComponent: indicatorPages.scbDefinition.load,
    title: 'titles.scbDefinition',
  },
  {
    path: indicatorPages.scbDefinition.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: indicatorPages.fetches.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: indicatorPages.import.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
  {
    path: indicatorPages.history.path,
    component: IndicatorNoAccessPage,
    data: { reasonKey: 'indicators.noAccess.import' },
    title: 'titles.noAccess',
  },
];
