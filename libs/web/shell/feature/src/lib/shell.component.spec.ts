import { Component, computed, signal } from '@angular/core';
import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MatMenu } from '@angular/material/menu';
import { Router, provideRouter } from '@angular/router';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { AuthSession } from '@kraftsamling/web/shared/auth';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { ShellComponent, slugFromUrl } from './shell.component';

@Component({ template: '<h1>page</h1>' })
class PageStub {}

function access(slug: string, name: string, permissions: string[]) {
  return { collaborationId: slug, slug, name, roles: [], permissions };
}

describe('ShellComponent', () => {
  /** `shownAddress`: the browser shows it, the router has not got there (its code still loading). */
  async function render(
    permissions: string[],
    load?: () => Promise<unknown>,
    shownAddress?: string,
    settle = true,
  ) {
    const me = signal({
      id: 'u1',
      name: 'Test Testsson',
      email: 'test@example.org',
      username: 'test',
      isPlatformAdmin: false,
      access: [
        access('familjen-helsingborg', 'Familjen Helsingborg', permissions),
        access('nasta-steg', 'Nästa Steg', ['collaboration:read']),
      ],
    });
    const meStore = {
      load: jest.fn(load ?? (async () => me())),
      me,
      access: computed(() => me().access),
      canOnPlatform: () => false,
    };
    const auth = {
      user: { id: 'u1', name: 'Test Testsson' },
      accessToken: jest.fn(),
      logout: jest.fn(async () => undefined),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([{ path: '**', component: PageStub }]),
        { provide: MeStore, useValue: meStore },
        { provide: AuthSession, useValue: auth },
      ],
    });
    if (shownAddress) TestBed.inject(Location).go(shownAddress);
    const fixture = TestBed.createComponent(ShellComponent);
    if (!shownAddress) await TestBed.inject(Router).navigateByUrl('/s/familjen-helsingborg');
    if (settle) await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, auth };
  }

  it('has a skip link to main, the product name, and a footer link to the accessibility statement', async () => {
    const { element } = await render([]);
    const skip = element.querySelector<HTMLAnchorElement>('a.ks-skip-link');
    expect(skip?.textContent?.trim()).toBe('Hoppa till huvudinnehållet');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(element.querySelector('main#main')).not.toBeNull();
    expect(element.querySelector('.ks-brand')?.textContent?.trim()).toBe('Kraftsamling');
    const footerLink = element.querySelector<HTMLAnchorElement>('footer a');
    expect(footerLink?.textContent?.trim()).toBe('Tillgänglighetsredogörelse');
    expect(footerLink?.getAttribute('href')).toBe('/tillganglighet');
  });

  it('skip link moves focus to main', async () => {
    const { element } = await render([]);
    element.querySelector<HTMLAnchorElement>('a.ks-skip-link')?.click();
    expect(document.activeElement?.id).toBe('main');
  });

  it('hides the member management link without member:manage', async () => {
    const { element } = await render(['collaboration:read', 'member:read']);
    expect(element.querySelector('[data-testid="nav-members"]')).toBeNull();
  });

  it('shows the member management link with member:manage', async () => {
    const { element } = await render(['collaboration:read', 'member:manage']);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="nav-members"]');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/medlemmar');
  });

  it('links every member to the indicators, and shows Import only with indicator:import', async () => {
    const { element } = await render(['collaboration:read', 'indicator:read']);
    expect(element.querySelector('[data-testid="nav-indicators"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/nyckeltal',
    );
    expect(element.querySelector('[data-testid="nav-indicators"]')?.textContent?.trim()).toBe('Nyckeltal');
    expect(element.querySelector('[data-testid="nav-import"]')).toBeNull();
  });

  it('shows the Import link with indicator:import', async () => {
    const { element } = await render(['collaboration:read', 'indicator:read', 'indicator:import']);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="nav-import"]');
    expect(link?.textContent?.trim()).toBe('Importera');
    expect(link?.getAttribute('href')).toBe('/s/familjen-helsingborg/import');
  });

  it('labels the switcher with the current collaboration and the user menu with the name', async () => {
    const { element } = await render([]);
    expect(element.querySelector('[data-testid="collaboration-switcher"]')?.textContent).toContain(
      'Byt samverkan: Familjen Helsingborg',
    );
    expect(element.querySelector('[data-testid="user-menu"]')?.textContent).toContain(
      'Användarmeny: Test Testsson',
    );
  });

  it("makes the menus' items only when a menu opens, not with the frame", async () => {
    const { element, fixture } = await render([]);
    // Not in the page either way before it opens: made (a ripple, a focus monitor, a link each) or not.
    const menus = fixture.debugElement
      .queryAll(By.directive(MatMenu))
      .map((menu) => menu.injector.get(MatMenu));
    expect(menus).toHaveLength(2);
    expect(menus.map((menu) => menu._allItems.length)).toEqual([0, 0]);
    element.querySelector<HTMLButtonElement>('[data-testid="collaboration-switcher"]')?.click();
    await fixture.whenStable();
    expect(document.querySelectorAll('a[mat-menu-item]')).toHaveLength(2);
    expect(document.querySelector('[data-testid="logout"]')).toBeNull();
  });

  it('lists every collaboration in the switcher and logs out from the user menu', async () => {
    const { element, auth, fixture } = await render([]);
    element.querySelector<HTMLButtonElement>('[data-testid="collaboration-switcher"]')?.click();
    await fixture.whenStable();
    const items = Array.from(
      document.querySelectorAll<HTMLAnchorElement>('.mat-mdc-menu-panel a[mat-menu-item]'),
    );
    expect(items.map((item) => item.getAttribute('href'))).toEqual([
      '/s/familjen-helsingborg',
      '/s/nasta-steg',
    ]);
    expect(items[0].getAttribute('aria-current')).toBe('page');
    items[0].click();
    await fixture.whenStable();

    element.querySelector<HTMLButtonElement>('[data-testid="user-menu"]')?.click();
    await fixture.whenStable();
    const logout = document.querySelector<HTMLButtonElement>('[data-testid="logout"]');
    expect(logout?.textContent?.trim()).toBe('Logga ut');
    logout?.click();
    expect(auth.logout).toHaveBeenCalled();
  });

  it('shows the frame only once it knows who is logged in, with a status message until then', async () => {
    let answer!: () => void;
    const { element, fixture } = await render(
      ['collaboration:read', 'member:manage'],
      () => new Promise<void>((resolve) => (answer = resolve)),
    );
    expect(element.classList).toContain('ks-shell--starting');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Kraftsamling startar …');
    // The page below is there already (it asks for its data meanwhile), only not shown.
    expect(element.querySelector('main h1')?.textContent).toBe('page');

    answer();
    // The shell hears the answer a microtask later; then it draws again.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();

    expect(element.classList).not.toContain('ks-shell--starting');
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it('keeps the frame hidden until its top bar is complete, when `me` answers before the bar’s buttons are drawn', async () => {
    const { element, fixture } = await render(
      ['collaboration:read'],
      undefined,
      '/s/familjen-helsingborg',
      false,
    );
    // `me` has answered (a resolved promise), the top bar's buttons wait for the next task.
    await Promise.resolve();
    await Promise.resolve();
    fixture.detectChanges();
    expect(element.querySelector('ks-language-switch')).toBeNull();
    expect(element.classList).toContain('ks-shell--starting');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Kraftsamling startar …');

    await fixture.whenStable();

    expect(element.querySelector('ks-language-switch')).not.toBeNull();
    expect(element.classList).not.toContain('ks-shell--starting');
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it("links the collaboration's pages from the address shown, before the first navigation has ended", async () => {
    const { element } = await render(['collaboration:read'], undefined, '/s/familjen-helsingborg/nyckeltal');
    expect(TestBed.inject(Router).url).toBe('/');
    expect(element.querySelector('[data-testid="nav-indicators"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/nyckeltal',
    );
  });

  it('reads the collaboration slug from the address', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const router = TestBed.inject(Router);
    expect(slugFromUrl(router, '/s/familjen-helsingborg/medlemmar')).toBe('familjen-helsingborg');
    expect(slugFromUrl(router, '/tillganglighet')).toBeNull();
  });
});
