import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { CatalogueFilter, Indicator, IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NEVER, of, throwError } from 'rxjs';
import {
  CATALOGUE,
  COORDINATOR_PERMISSIONS,
  EDITOR_PERMISSIONS,
  VIEWER_PERMISSIONS,
  collaboration,
  meStore,
} from '../../testing/fixtures';
import { IndicatorCataloguePage, SEARCH_DEBOUNCE_MS } from './indicator-catalogue.page';

/** `count` local indicators named Serie 00, Serie 01, …, in that order. */
function series(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    ...CATALOGUE[2],
    id: `many-${i}`,
    code: `lokal.serie_${String(i).padStart(2, '0')}`,
    nameSv: `Serie ${String(i).padStart(2, '0')}`,
  }));
}

describe('IndicatorCataloguePage', () => {
  /** The API's search as far as these tests need it: theme, source and a word of the Swedish name. */
  const apiSearch = (_collaborationId: string, filter: CatalogueFilter) =>
    of(
      CATALOGUE.filter(
        (indicator: Indicator) =>
          (!filter.theme || indicator.theme === filter.theme) &&
          (!filter.source || indicator.source === filter.source) &&
          indicator.nameSv.toLowerCase().includes(filter.search.trim().toLowerCase()),
      ),
    );

  async function render(
    permissions = VIEWER_PERMISSIONS,
    indicators = of(CATALOGUE),
    options: { url?: string; phone?: boolean; platformPermissions?: string[] } = {},
  ) {
    const service = { indicators: jest.fn(() => indicators), search: jest.fn(apiSearch) };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration(permissions))),
        },
        { provide: IndicatorService, useValue: service },
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: options.phone ?? false, breakpoints: {} }) },
        },
        meStore(options.platformPermissions ?? []),
      ],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(options.url ?? '/s/familjen-helsingborg/nyckeltal');
    const fixture = TestBed.createComponent(IndicatorCataloguePage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const names = () =>
      Array.from(element.querySelectorAll('tbody th[scope="row"] a')).map((a) => a.textContent?.trim());
    const settle = async (ms = 0) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await fixture.whenStable();
    };
    return { fixture, element, service, names, settle, router };
  }

  async function choose(element: HTMLElement, settle: () => Promise<void>, select: string, option: string) {
    const list = element.querySelector<HTMLSelectElement>(`select[data-testid="${select}"]`)!;
    list.selectedIndex = Array.from(list.options).findIndex(
      (candidate) => candidate.textContent?.trim() === option,
    );
    list.dispatchEvent(new Event('change'));
    await settle();
  }

  it('lists every indicator with name (in Swedish), code, unit, periodicity and source, linking to its page', async () => {
    const { element, names, service } = await render();
    expect(service.indicators).toHaveBeenCalledWith('c1');
    expect(names()).toEqual([
      'Andel inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
      'Deltagare i jobbspår',
      'Folkmängd',
      'Inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
    ]);
    const row = Array.from(element.querySelectorAll('tbody tr')).find((tr) =>
      tr.textContent?.includes('Folkmängd'),
    );
    const cells = Array.from(row?.querySelectorAll('td') ?? []).map((td) => td.textContent?.trim());
    expect(cells).toEqual(['scb.population', 'Antal', 'År', 'SCB', 'Inga värden ännu', '', '']);
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/nyckeltal/scb.population',
    );
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Visar 4 av 4 nyckeltal.');
  });

  it('draws the first 30 indicators and 30 more on each request', async () => {
    const many = series(70);
    const { element, names, settle } = await render(VIEWER_PERMISSIONS, of(many));
    const more = () => element.querySelector<HTMLButtonElement>('[data-testid="catalogue-more"]');
    expect(names()).toHaveLength(30);
    expect(more()?.textContent?.trim()).toBe('Visa 30 till (40 återstår)');
    more()!.click();
    await settle();
    expect(names()).toHaveLength(60);
    expect(names()[59]).toBe('Serie 59');
    expect(more()?.textContent?.trim()).toBe('Visa 10 till (10 återstår)');
    more()!.click();
    await settle();
    expect(names()).toHaveLength(70);
    expect(more()).toBeNull();
  });

  it('draws 15 cards at first on a phone, and 15 more on each request', async () => {
    const many = series(40);
    const { element, settle } = await render(VIEWER_PERMISSIONS, of(many), { phone: true });
    const cards = () => element.querySelectorAll('[data-testid="catalogue-cards"] > li');
    const more = () => element.querySelector<HTMLButtonElement>('[data-testid="catalogue-more"]');
    expect(cards()).toHaveLength(15);
    expect(more()?.textContent?.trim()).toBe('Visa 15 till (25 återstår)');
    more()!.click();
    await settle();
    expect(cards()).toHaveLength(30);
    expect(more()?.textContent?.trim()).toBe('Visa 10 till (10 återstår)');
  });

  it('keeps "show more", and the focus on it, while the next entries are drawn', async () => {
    const { element, fixture } = await render(VIEWER_PERMISSIONS, of(series(40)), { phone: true });
    const more = () => element.querySelector<HTMLButtonElement>('[data-testid="catalogue-more"]');
    const button = more()!;
    button.focus();
    button.click();
    fixture.detectChanges();
    // The next entries are not all drawn yet; the button the keyboard is on stays where it is.
    expect(element.querySelectorAll('[data-testid="catalogue-cards"] > li').length).toBeLessThan(30);
    expect(more()).toBe(button);
    expect(document.activeElement).toBe(button);
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="catalogue-cards"] > li')).toHaveLength(30);
    expect(document.activeElement).toBe(button);
  });

  it('searches through the API after the user stops typing, ranked, and keeps the search in the address', async () => {
    const { element, names, settle, service, router } = await render();
    const search = element.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'jobbspår';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(names()).toHaveLength(4);
    expect(service.search).not.toHaveBeenCalled();

    await settle(SEARCH_DEBOUNCE_MS + 10);
    expect(service.search).toHaveBeenLastCalledWith('c1', {
      search: 'jobbspår',
      theme: null,
      source: null,
      all: false,
    });
    expect(names()).toEqual(['Deltagare i jobbspår']);
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      '1 av 4 nyckeltal matchar, bästa träffen först.',
    );
    expect(router.url).toBe('/s/familjen-helsingborg/nyckeltal?q=jobbsp%C3%A5r');
  });

  it('starts from the search and filters the address names (Back, reload)', async () => {
    const { element, names, service } = await render(VIEWER_PERMISSIONS, of(CATALOGUE), {
      url: '/s/familjen-helsingborg/nyckeltal?q=folkm%C3%A4ngd&kalla=SCB&alla=1',
    });
    expect(element.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('folkmängd');
    expect(service.search).toHaveBeenCalledWith('c1', {
      search: 'folkmängd',
      theme: null,
      source: 'SCB',
      all: true,
    });
    expect(names()).toEqual(['Folkmängd']);
    expect(element.querySelector<HTMLInputElement>('[data-testid="all-series"] input')?.checked).toBe(true);
  });

  it('on a phone lists the indicators as cards linking to their pages, not as a table', async () => {
    const { element } = await render(VIEWER_PERMISSIONS, of(CATALOGUE), { phone: true });
    expect(element.querySelector('table')).toBeNull();
    const links = Array.from(element.querySelectorAll('[data-testid="catalogue-cards"] > li a'));
    expect(links.map((a) => a.textContent?.trim())).toContain('Folkmängd');
    expect(links.find((a) => a.textContent?.trim() === 'Folkmängd')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/nyckeltal/scb.population',
    );
  });

  const KOLADA_KPIS: Indicator[] = [
    {
      ...CATALOGUE[2],
      id: 'i-kolada.n00955',
      code: 'kolada.n00955',
      nameSv: 'Förvärvsarbetande utrikes födda, andel',
      descriptionSv: 'Andel av alla utrikes födda 20–64 år.',
      source: 'KOLADA',
      coverage: 3,
      lastPeriod: '2024',
      lastImportedAt: '2026-11-30T10:00:00Z',
      lastFetchedAt: '2026-11-30T10:00:00Z',
      sourceSubject: 'N00955',
      sourceUrl: 'https://www.kolada.se/verktyg/fri-sokning/?kpis=N00955',
    },
    {
      ...CATALOGUE[2],
      id: 'i-kolada.n00956',
      code: 'kolada.n00956',
      nameSv: 'Nyanlända i arbete',
      source: 'KOLADA',
      sourceSubject: 'N00956',
      sourceUrl: 'https://www.kolada.se/verktyg/fri-sokning/?kpis=N00956',
    },
  ];
  const cellsOf = (element: HTMLElement, name: string) =>
    Array.from(
      Array.from(element.querySelectorAll('tbody tr'))
        .find((tr) => tr.textContent?.includes(name))
        ?.querySelectorAll('td') ?? [],
    ).map((td) => td.textContent?.replace(/\s+/g, ' ').trim());

  it('tells of each indicator its source with a link to the source’s page, its definition, coverage, latest period and last import', async () => {
    const { element } = await render(VIEWER_PERMISSIONS, of(KOLADA_KPIS));
    const cells = cellsOf(element, 'Förvärvsarbetande');
    expect(cells.slice(3, 6)).toEqual([
      'Kolada N00955 (källans sida, öppnas i nytt fönster)',
      '3 kommuner',
      '2024',
    ]);
    expect(cells[6]).toMatch(/^Importerad .+ Hämtad .+$/);
    expect(element.querySelector('[data-testid="source-page"]')?.getAttribute('href')).toBe(
      'https://www.kolada.se/verktyg/fri-sokning/?kpis=N00955',
    );
    expect(element.querySelector('details p')?.textContent).toBe('Andel av alla utrikes födda 20–64 år.');
    expect(cellsOf(element, 'Nyanlända')[4]).toBe('Inga värden ännu');
    // Not a steward: no offer to fetch.
    expect(element.querySelector('[data-testid="fetch-values"]')).toBeNull();
  });

  it('offers a steward to fetch the values of an indicator without any, in the table and on a phone', async () => {
    const { element } = await render(VIEWER_PERMISSIONS, of(KOLADA_KPIS), {
      platformPermissions: ['official:import'],
    });
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('[data-testid="fetch-values"]'));
    expect(links).toHaveLength(1);
    expect(links[0].textContent?.replace(/\s+/g, ' ').trim()).toBe('Hämta värdena: Nyanlända i arbete');
    expect(links[0].getAttribute('href')).toBe(
      '/s/familjen-helsingborg/import/hamtningar?source=KOLADA&subject=N00956',
    );
    TestBed.resetTestingModule();
    const phone = await render(VIEWER_PERMISSIONS, of(KOLADA_KPIS), {
      phone: true,
      platformPermissions: ['official:import'],
    });
    const cards = Array.from(phone.element.querySelectorAll('[data-testid="catalogue-cards"] > li'));
    expect(cards[0].querySelector('[data-testid="coverage"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '3 kommuner · Senaste period: 2024',
    );
    expect(cards[1].querySelector('[data-testid="coverage"]')?.textContent?.trim()).toBe('Inga värden ännu');
    expect(cards[1].querySelector('[data-testid="fetch-values"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/import/hamtningar?source=KOLADA&subject=N00956',
    );
  });

  it('filters by theme and by source with labelled selects', async () => {
    const { element, names, settle } = await render();
    // The browser's own lists, each named by its label.
    const label = (testId: string) => {
      const list = element.querySelector<HTMLSelectElement>(`select[data-testid="${testId}"]`)!;
      return element.querySelector(`label[for="${list.id}"]`)?.textContent?.trim();
    };
    expect(label('theme-filter')).toBe('Tema');
    expect(label('source-filter')).toBe('Källa');

    await choose(element, settle, 'theme-filter', 'Befolkning');
    expect(names()).toEqual(['Folkmängd']);

    await choose(element, settle, 'theme-filter', 'Alla teman');
    await choose(element, settle, 'source-filter', 'Egna nyckeltal');
    expect(names()).toEqual(['Deltagare i jobbspår']);
  });

  it('says what to do when nothing matches, and clears the filters on request', async () => {
    const { element, names, settle } = await render();
    await choose(element, settle, 'source-filter', 'SCB');
    await choose(element, settle, 'theme-filter', 'Insatser');
    expect(names()).toEqual([]);
    const empty = element.querySelector('[data-testid="catalogue-empty"]');
    expect(empty?.textContent).toContain('Inga nyckeltal matchar sökningen');

    empty?.querySelector('button')?.click();
    await settle(SEARCH_DEBOUNCE_MS + 10);
    expect(names()).toHaveLength(4);
  });

  it('shows its heading and introduction while the catalogue loads', async () => {
    const { element } = await render(VIEWER_PERMISSIONS, NEVER);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Nyckeltal');
    expect(element.querySelector('.ks-lead')?.textContent?.trim()).toBeTruthy();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Laddar nyckeltal …');
  });

  it('keeps the filters, and the focus in the search field, through a reload in the background', async () => {
    const { element, fixture } = await render();
    const search = element.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    fixture.componentInstance['page'].reload(true);
    await fixture.whenStable();
    expect(element.querySelector('input[type="search"]')).toBe(search);
    expect(document.activeElement).toBe(search);
  });

  it('shows the error with a retry when the catalogue cannot be loaded', async () => {
    const { element } = await render(
      VIEWER_PERMISSIONS,
      throwError(() => new Error('Failed to fetch')),
    );
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Kontrollera din internetanslutning',
    );
    expect(element.querySelector('[role="alert"] button')?.textContent?.trim()).toBe('Försök igen');
    // The page's own heading, once (not the error's as well).
    expect(element.querySelectorAll('h1')).toHaveLength(1);
  });

  it('offers "Registrera värden" only with values:enter and the import pages only with indicator:import', async () => {
    const viewer = await render(VIEWER_PERMISSIONS);
    expect(viewer.element.querySelector('[data-testid="link-enter"]')).toBeNull();
    expect(viewer.element.querySelector('[data-testid="link-import"]')).toBeNull();
    TestBed.resetTestingModule();

    const editor = await render(EDITOR_PERMISSIONS);
    expect(editor.element.querySelector('[data-testid="link-enter"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/nyckeltal/registrera',
    );
    expect(editor.element.querySelector('[data-testid="link-import"]')).toBeNull();
    TestBed.resetTestingModule();

    const coordinator = await render(COORDINATOR_PERMISSIONS);
    expect(coordinator.element.querySelector('[data-testid="link-enter"]')).not.toBeNull();
    expect(coordinator.element.querySelector('[data-testid="link-import"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/import',
    );
    expect(coordinator.element.querySelector('[data-testid="link-history"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/import/historik',
    );
  });

  it('links to the local indicators only for users with indicator:manage', async () => {
    const editor = await render(EDITOR_PERMISSIONS);
    expect(editor.element.querySelector('[data-testid="link-local-indicators"]')).toBeNull();
    TestBed.resetTestingModule();

    const coordinator = await render(COORDINATOR_PERMISSIONS);
    const link = coordinator.element.querySelector('[data-testid="link-local-indicators"]');
    expect(link?.textContent?.trim()).toBe('Egna nyckeltal');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/nyckeltal/egna');
  });
});
