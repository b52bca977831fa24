import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CollaborationService, MeStore } from '@kraftsamling/web/collaborations/data-access';
import { ComparisonService } from '@kraftsamling/web/comparisons/data-access';
import { DecisionService } from '@kraftsamling/web/decisions/data-access';
import { GoalService } from '@kraftsamling/web/goals/data-access';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { Observable, map, of } from 'rxjs';
import { appRoutes } from './app.routes';

const COLLABORATION = {
  id: 'c1',
  slug: 'familjen-helsingborg',
  name: 'Familjen Helsingborg',
  description: null,
  version: 1,
  myRoles: ['VIEWER'],
  myPermissions: ['collaboration:read', 'indicator:read'],
  organizations: [],
  groups: [],
};

describe('application routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        {
          provide: MeStore,
          useValue: {
            load: async () => ({ access: [{ slug: 'familjen-helsingborg' }], platformPermissions: [] }),
            me: () => null,
            access: () => [],
            platformPermissions: () => [],
            canOnPlatform: () => false,
          },
        },
        { provide: IndicatorService, useValue: { indicators: () => of([]) } },
        { provide: DecisionService, useValue: { decisions: () => of([]), goals: () => of([]) } },
        { provide: GoalService, useValue: { goals: () => of([]) } },
        {
          provide: ComparisonService,
          useValue: {
            context: () =>
              of({
                collaborationId: 'c1',
                slug: 'familjen-helsingborg',
                name: 'Familjen Helsingborg',
                indicators: [],
                municipalities: [],
                counties: [],
                memberCodes: [],
                peerSets: [],
                ownMunicipality: null,
              }),
          },
        },
        {
          provide: CollaborationService,
          useValue: {
            collaboration: () => of(COLLABORATION),
            collaborationAnd: (_slug: string, read: (id: string) => Observable<unknown>) =>
              read(COLLABORATION.id).pipe(map((data) => ({ collaboration: COLLABORATION, data }))),
          },
        },
      ],
    });
  });

  it('serves the accessibility statement at /tillganglighet with a translated title', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tillganglighet');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
      'Tillgänglighetsredogörelse',
    );
    expect(TestBed.inject(Title).getTitle()).toBe('Tillgänglighetsredogörelse – Kraftsamling');
  });

  it('shows the not-found page for an unknown address', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/finns-inte');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Sidan finns inte');
    expect(TestBed.inject(Title).getTitle()).toBe('Sidan finns inte – Kraftsamling');
  });

  it('sends / to the first collaboration of the user', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Location).path()).toBe('/s/familjen-helsingborg');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Familjen Helsingborg');
    expect(TestBed.inject(Title).getTitle()).toBe('Översikt – Familjen Helsingborg – Kraftsamling');
  });

  it('serves the steering overview at /s/:slug/mal with a translated title', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/mal');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Mål');
    expect(TestBed.inject(Title).getTitle()).toBe('Mål – Familjen Helsingborg – Kraftsamling');
  });

  it('shows "no access" at /s/:slug/mal/nytt without goal:manage', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/mal/nytt');
    expect(harness.routeNativeElement?.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Bara styrgruppens ledamöter och samordnare kan skapa och ändra mål.',
    );
  });

  it('shows "no access" at /s/:slug/medlemmar without member:manage', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/medlemmar');
    expect(harness.routeNativeElement?.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Du har inte behörighet till den här sidan',
    );
    expect(TestBed.inject(Title).getTitle()).toBe('Ingen behörighet – Kraftsamling');
  });

  it('serves the decision log at /s/:slug/beslut', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/beslut');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Beslut');
    expect(TestBed.inject(Title).getTitle()).toBe('Beslut – Familjen Helsingborg – Kraftsamling');
  });

  it('serves the indicator catalogue at /s/:slug/nyckeltal', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/nyckeltal');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Nyckeltal');
    expect(TestBed.inject(Title).getTitle()).toBe('Nyckeltal – Familjen Helsingborg – Kraftsamling');
  });

  it('serves the comparison with peers at /s/:slug/jamfor', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/jamfor');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
      'Jämför med andra kommuner',
    );
    expect(TestBed.inject(Title).getTitle()).toBe(
      'Jämför med andra kommuner – Familjen Helsingborg – Kraftsamling',
    );
  });

  it('shows "no access" at /s/:slug/import and at the entry grid without the permissions', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/import');
    expect(harness.routeNativeElement?.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Att importera och importhistoriken är för samordnare',
    );
    expect(TestBed.inject(Location).path()).toBe('/s/familjen-helsingborg/import');

    await harness.navigateByUrl('/s/familjen-helsingborg/nyckeltal/registrera');
    expect(harness.routeNativeElement?.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Att registrera värden är till för kommunredaktörer och samordnare',
    );
  });

  it('shows "no access" at /s/:slug/nyckeltal/egna without indicator:manage, not an indicator called "egna"', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/nyckeltal/egna');
    expect(harness.routeNativeElement?.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Att lägga till och ändra egna nyckeltal är till för samordnare',
    );
    expect(TestBed.inject(Location).path()).toBe('/s/familjen-helsingborg/nyckeltal/egna');
    expect(TestBed.inject(Title).getTitle()).toBe('Ingen behörighet – Kraftsamling');
  });
});
