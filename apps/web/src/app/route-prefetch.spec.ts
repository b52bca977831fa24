import { Route, Routes, UrlSegment } from '@angular/router';
import { collaborationRoutes } from '@kraftsamling/web/collaborations/feature';
import { indicatorRoutes } from '@kraftsamling/web/indicators/feature';
import { appRoutes } from './app.routes';
import { prefetchRoute } from './route-prefetch';

/** A table shaped like the application's: sections chosen by the address, guards, lazy children. */
function table() {
  const load = {
    home: jest.fn(async () => class Home {}),
    catalogue: jest.fn(async () => class Catalogue {}),
    indicator: jest.fn(async () => class Indicator {}),
    entry: jest.fn(async () => class Entry {}),
    goal: jest.fn(async () => class Goal {}),
    statement: jest.fn(async () => class Statement {}),
  };
  const goalRoutes: Routes = [{ path: ':slug/mal/:id', loadComponent: load.goal }];
  const loadGoals = jest.fn(async () => goalRoutes);
  const needsInjector = () => {
    throw new Error('inject() must be called from an injection context');
  };
  const routes: Routes = [
    { path: '', pathMatch: 'full', redirectTo: '/s/start' },
    {
      path: 's',
      canMatch: [(_route: Route, segments: UrlSegment[]) => segments[2]?.path === 'nyckeltal'],
      children: [
        { path: ':slug/nyckeltal', pathMatch: 'full', loadComponent: load.catalogue },
        { path: ':slug/nyckeltal/registrera', canMatch: [needsInjector], loadComponent: load.entry },
        { path: ':slug/nyckeltal/:code', loadComponent: load.indicator },
      ],
    },
    {
      path: 's',
      canMatch: [(_route: Route, segments: UrlSegment[]) => segments[2]?.path === 'mal'],
      loadChildren: loadGoals,
    },
    { path: 's', children: [{ path: ':slug', pathMatch: 'full', loadComponent: load.home }] },
    { path: 'tillganglighet', loadComponent: load.statement },
    { path: '**', component: class NotFound {} },
  ];
  return { routes, load, loadGoals };
}

const called = (load: ReturnType<typeof table>['load']) =>
  Object.entries(load)
    .filter(([, fn]) => fn.mock.calls.length > 0)
    .map(([name]) => name);

describe('prefetchRoute', () => {
  it.each([
    ['/s/familjen-helsingborg', ['home']],
    ['/s/familjen-helsingborg/nyckeltal', ['catalogue']],
    ['/s/familjen-helsingborg/nyckeltal/af.bas.utrk.unemployment_share', ['indicator']],
    ['/tillganglighet', ['statement']],
    ['/', []],
    ['/finns/inte', []],
  ])('fetches the code of the page %s opens, and only that', async (path, pages) => {
    const { routes, load } = table();
    await prefetchRoute(routes, path);
    expect(called(load)).toEqual(pages);
  });

  it('counts a guard that needs the injector as matching (the router decides)', async () => {
    const { routes, load } = table();
    await prefetchRoute(routes, '/s/familjen-helsingborg/nyckeltal/registrera');
    expect(called(load)).toEqual(['entry']);
  });

  it('loads a section’s routes to find the page in them', async () => {
    const { routes, load, loadGoals } = table();
    await prefetchRoute(routes, '/s/familjen-helsingborg/mal/42');
    expect(loadGoals).toHaveBeenCalledTimes(1);
    expect(called(load)).toEqual(['goal']);
  });

  it('does not load a section the address is not in', async () => {
    const { routes, loadGoals } = table();
    await prefetchRoute(routes, '/s/familjen-helsingborg/nyckeltal');
    expect(loadGoals).not.toHaveBeenCalled();
  });

  it('never throws on an address the browser could not decode', async () => {
    const { routes, load } = table();
    await expect(prefetchRoute(routes, '/s/%E0%A4%A/nyckeltal')).resolves.toBeUndefined();
    expect(called(load)).toEqual([]);
  });

  it('never throws, even when a section cannot be fetched', async () => {
    const { routes, loadGoals } = table();
    loadGoals.mockRejectedValueOnce(new Error('offline'));
    await expect(prefetchRoute(routes, '/s/familjen-helsingborg/mal/42')).resolves.toBeUndefined();
  });
});

describe('prefetchRoute with the application’s routes', () => {
  const page = (routes: Routes, path: string) => {
    const route = routes.find((candidate) => candidate.path === path);
    if (!route?.loadComponent) throw new Error(`no lazily loaded page at ${path}`);
    return jest.spyOn(route, 'loadComponent').mockResolvedValue(class Page {});
  };
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['/s/familjen-helsingborg', collaborationRoutes, ':slug'],
    ['/s/familjen-helsingborg/nyckeltal', indicatorRoutes, ':slug/nyckeltal'],
    [
      '/s/familjen-helsingborg/nyckeltal/af.bas.utrk.unemployment_share',
      indicatorRoutes,
      ':slug/nyckeltal/:code',
    ],
  ])('fetches the page %s opens', async (address, routes, path) => {
    const load = page(routes, path);
    await prefetchRoute(appRoutes, address);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
