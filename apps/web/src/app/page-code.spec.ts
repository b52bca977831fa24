import { Route, UrlSegment } from '@angular/router';
import { collaborationRoutes } from '@kraftsamling/web/collaborations/feature';
import { collaborationPages } from '@kraftsamling/web/collaborations/feature/page-code';
import { indicatorRoutes } from '@kraftsamling/web/indicators/feature';
import { indicatorPages } from '@kraftsamling/web/indicators/feature/page-code';
import { appRoutes } from './app.routes';
import { lazySections, matchPage, pageCodeFor, prefetchPageCode } from './page-code';

const SLUG = 'familjen-helsingborg';

describe('matchPage', () => {
  it("names a page's path and its parameters' values, decoded", () => {
    expect(matchPage(`/s/${SLUG}/nyckeltal/af.bas.utrk.unemployment%5Fshare`)).toEqual({
      path: indicatorPages.indicator.path,
      load: indicatorPages.indicator.load,
      readAhead: indicatorPages.indicator.readAhead,
      params: { slug: SLUG, code: 'af.bas.utrk.unemployment_share' },
    });
    expect(matchPage(`/s/${SLUG}/nyckeltal/registrera`)?.path).toBe(indicatorPages.entry.path);
  });

  it('matches no page in a lazily loaded part, nor outside /s/', () => {
    expect(matchPage(`/s/${SLUG}/jamfor`)).toBeNull();
    expect(matchPage('/tillganglighet')).toBeNull();
  });
});

describe('pageCodeFor', () => {
  it.each([
    [`/s/${SLUG}`, collaborationPages.home.load],
    [`/s/${SLUG}/`, collaborationPages.home.load],
    [`/s/${SLUG}/medlemmar`, collaborationPages.members.load],
    [`/s/${SLUG}/nyckeltal`, indicatorPages.catalogue.load],
    [`/s/${SLUG}/nyckeltal/af.bas.utrk.unemployment_share`, indicatorPages.indicator.load],
    [`/s/${SLUG}/import/historik`, indicatorPages.history.load],
    [`/s/${SLUG}/jamfor`, lazySections.comparisons.load],
    [`/s/${SLUG}/mal/42`, lazySections.goals.load],
    [`/s/${SLUG}/insatser/7`, lazySections.actions.load],
    [`/s/${SLUG}/beslut`, lazySections.decisions.load],
  ])('gives %s the code of its page', (address, load) => {
    expect(pageCodeFor(address)).toBe(load);
  });

  it('takes a fixed segment before a parameter, as the route table’s order does', () => {
    expect(pageCodeFor(`/s/${SLUG}/nyckeltal/registrera`)).toBe(indicatorPages.entry.load);
    expect(pageCodeFor(`/s/${SLUG}/nyckeltal/egna`)).toBe(indicatorPages.local.load);
  });

  it.each(['/', '/tillganglighet', '/finns/inte', '/s', `/s/${SLUG}/nyckeltal/a/b`, '/s/%E0%A4%A/nyckeltal'])(
    'gives %s no code of its own',
    (address) => {
      expect(pageCodeFor(address)).toBeNull();
    },
  );
});

describe('pageCodeFor and the route table', () => {
  /** An address the route path matches, with a value for each parameter. */
  const address = (path: string) =>
    `/s/${path.replace(':slug', SLUG).replace(':code', 'af.bas.utrk.unemployment_share')}`;

  it.each([
    ['indicators', indicatorRoutes],
    ['collaborations', collaborationRoutes],
  ])('fetches the code the router loads for every lazily loaded page of the %s', (_part, routes) => {
    const lazy = routes.filter((route) => route.loadComponent);
    expect(lazy.length).toBeGreaterThan(0);
    for (const route of lazy) expect(pageCodeFor(address(route.path!))).toBe(route.loadComponent);
  });

  it('fetches the routes the router loads for each lazily loaded part, for each of its sections', () => {
    const lazy = appRoutes.filter((route) => route.loadChildren);
    expect(lazy.map((route) => route.loadChildren)).toEqual(
      Object.values(lazySections).map((part) => part.load),
    );
    for (const part of Object.values(lazySections)) {
      const route = lazy.find((candidate) => candidate.loadChildren === part.load)!;
      for (const section of part.sections) {
        const segments = ['s', SLUG, section].map((path) => new UrlSegment(path, {}));
        const matches = route.canMatch!.every((guard) =>
          (guard as (route: Route, segments: UrlSegment[]) => boolean)(route, segments),
        );
        expect(matches).toBe(true);
        expect(pageCodeFor(`/s/${SLUG}/${section}`)).toBe(part.load);
      }
    }
  });
});

describe('prefetchPageCode', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks for the code of the page at the address, once', () => {
    const load = jest.spyOn(indicatorPages.catalogue, 'load').mockReturnValue(new Promise(() => undefined));
    prefetchPageCode(`/s/${SLUG}/nyckeltal`);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("asks for an indicator page's code and the code that reads its data ahead, in the same moment", () => {
    const load = jest.spyOn(indicatorPages.indicator, 'load').mockReturnValue(new Promise(() => undefined));
    const readAhead = jest
      .spyOn(indicatorPages.indicator, 'readAhead')
      .mockReturnValue(new Promise(() => undefined));
    prefetchPageCode(`/s/${SLUG}/nyckeltal/af.bas.utrk.unemployment_share`);
    expect(load).toHaveBeenCalledTimes(1);
    expect(readAhead).toHaveBeenCalledTimes(1);
  });

  it('leaves a failed fetch to the router (no unhandled rejection)', async () => {
    const load = jest.spyOn(indicatorPages.catalogue, 'load').mockRejectedValue(new Error('offline'));
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(() => prefetchPageCode(`/s/${SLUG}/nyckeltal`)).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(load).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
