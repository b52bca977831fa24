import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CollaborationService, MeStore } from '@kraftsamling/web/collaborations/data-access';
import { LanguageService } from '@kraftsamling/web/shared/i18n';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { of, throwError } from 'rxjs';
import { collaborationDetail } from '../../testing/fixtures';
import { CollaborationHomePage } from './collaboration-home.page';

describe('CollaborationHomePage', () => {
  async function render(collaboration: ReturnType<CollaborationService['collaboration']>) {
    const service = { collaboration: jest.fn(() => collaboration) };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        { provide: CollaborationService, useValue: service },
        { provide: MeStore, useValue: { canOnPlatform: () => false } },
      ],
    });
    const fixture = TestBed.createComponent(CollaborationHomePage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, service };
  }

  it('lists the 11 member municipalities by name with their codes, and the other organisations and groups', async () => {
    const { element } = await render(of(collaborationDetail(['collaboration:read'], ['STEERING_MEMBER'])));

    expect(element.querySelector('h1')?.textContent).toContain('Familjen Helsingborg');
    const items = Array.from(element.querySelectorAll('[data-testid="municipality-list"] li'));
    expect(items).toHaveLength(11);
    expect(items[0].textContent).toContain('Bjuvs kommun');
    expect(items[0].textContent).toContain('1260');
    expect(items.find((item) => item.textContent?.includes('1283'))?.textContent).toContain('Helsingborgs stad');
    // Swedish order: Åstorp, Ängelholm, Örkelljunga last.
    expect(items.slice(-3).map((item) => item.textContent?.trim().slice(0, 4))).toEqual(['Åsto', 'Änge', 'Örke']);
    const partners = element.querySelector('[data-testid="organization-list"]')?.textContent ?? '';
    expect(partners).toContain('Arbetsförmedlingen');
    expect(partners).not.toContain('Arbetsförmedlingen – Arbetsförmedlingen');
    expect(element.textContent).toContain('Styrgrupp');
    expect(element.querySelector('[data-testid="my-roles"]')?.textContent).toContain('Styrgruppsledamot');
  });

  it('hides the member management link without member:manage', async () => {
    const { element } = await render(of(collaborationDetail(['collaboration:read', 'member:read'])));
    expect(element.querySelector('[data-testid="manage-members-link"]')).toBeNull();
  });

  it('shows the member management link with member:manage', async () => {
    const { element } = await render(
      of(collaborationDetail(['collaboration:read', 'member:manage'], ['COORDINATOR'])),
    );
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="manage-members-link"]');
    expect(link?.textContent?.trim()).toBe('Hantera medlemmar');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/medlemmar');
  });

  it('links to the goals with goal:read, and to a new goal only with goal:manage', async () => {
    const reader = await render(of(collaborationDetail(['collaboration:read', 'goal:read'])));
    const link = reader.element.querySelector<HTMLAnchorElement>('[data-testid="home-goals-link"]');
    expect(link?.textContent?.trim()).toBe('Se målen');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/mal');
    expect(reader.element.querySelector('[data-testid="home-new-goal-link"]')).toBeNull();
    TestBed.resetTestingModule();

    const steering = await render(
      of(collaborationDetail(['collaboration:read', 'goal:read', 'goal:manage'], ['STEERING_MEMBER'])),
    );
    expect(steering.element.querySelector('[data-testid="home-new-goal-link"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/mal/nytt',
    );
    TestBed.resetTestingModule();

    const none = await render(of(collaborationDetail(['collaboration:read'])));
    expect(none.element.querySelector('[data-testid="home-goals-link"]')).toBeNull();
  });

  it('links to the indicators and the comparison for every member, to entry and import only with their permissions', async () => {
    const { element } = await render(of(collaborationDetail(['collaboration:read', 'indicator:read'])));
    const section = element.querySelector('section[aria-labelledby="home-indicators-heading"]');
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Nyckeltal');
    const links = Array.from(section?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/s/familjen-helsingborg/nyckeltal', '/s/familjen-helsingborg/jamfor']);
    TestBed.resetTestingModule();

    const coordinator = await render(
      of(
        collaborationDetail(
          ['collaboration:read', 'indicator:read', 'indicator:import', 'values:enter'],
          ['COORDINATOR'],
        ),
      ),
    );
    const all = Array.from(
      coordinator.element.querySelectorAll('section[aria-labelledby="home-indicators-heading"] a'),
    ).map((a) => a.getAttribute('href'));
    expect(all).toEqual([
      '/s/familjen-helsingborg/nyckeltal',
      '/s/familjen-helsingborg/jamfor',
      '/s/familjen-helsingborg/nyckeltal/registrera',
      '/s/familjen-helsingborg/import',
    ]);
  });

  it('says what to do when the collaboration does not exist, and offers the start page instead of a retry', async () => {
    const notFound = new CombinedGraphQLErrors({ data: null }, [
      { message: 'x', extensions: { code: 'NOT_FOUND' } },
    ]);
    const { element } = await render(throwError(() => notFound));

    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Det du letar efter finns inte');
    expect(alert?.querySelector('button')).toBeNull();
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/');
  });

  it('offers a retry after a network failure, and shows the collaboration once it loads', async () => {
    const { element, service, fixture } = await render(throwError(() => new Error('Failed to fetch')));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Kontrollera din internetanslutning',
    );
    service.collaboration.mockReturnValue(of(collaborationDetail([])));
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toContain('Familjen Helsingborg');
  });

  it('marks the collaboration’s Swedish description with lang="sv" in the English interface', async () => {
    const { element, fixture } = await render(of(collaborationDetail(['collaboration:read'], ['VIEWER'])));
    const description = () => element.querySelector('[data-testid="collaboration-description"]');
    expect(description()?.textContent?.trim()).toBe('Elva kommuner i nordvästra Skåne.');
    expect(description()?.getAttribute('lang')).toBeNull();
    await TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(description()?.getAttribute('lang')).toBe('sv');
  });
});
