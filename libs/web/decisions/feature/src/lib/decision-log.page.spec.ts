import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationDetail, CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { Decision, DecisionService, isoDay } from '@kraftsamling/web/decisions/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { DecisionLogPage } from './decision-log.page';

// Fictional people, organisations and decisions.
const READER = ['collaboration:read', 'goal:read'];
const STEERING = [...READER, 'goal:manage', 'decision:manage', 'decision:record'];
const GROUP_MEMBER = [...READER, 'decision:record', 'action:manage'];

function collaboration(permissions: string[]): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: null,
    version: 1,
    myRoles: ['STEERING_MEMBER'],
    myPermissions: permissions,
    organizations: [
      {
        id: 'o-af',
        collaborationId: 'c1',
        kind: 'EMPLOYMENT_AGENCY',
        name: 'Arbetsförmedlingen',
        properName: 'Arbetsförmedlingen',
        municipalityCode: null,
        version: 1,
      },
      {
        id: 'o-1260',
        collaborationId: 'c1',
        kind: 'MUNICIPALITY',
        name: 'Bjuv',
        properName: 'Bjuvs kommun',
        municipalityCode: '1260',
        version: 1,
      },
    ],
    groups: [
      {
        id: 'g-steering',
        collaborationId: 'c1',
        kind: 'STEERING',
        name: 'Styrgrupp',
        focusArea: null,
        version: 1,
        // The API's hint: decision:manage writes in every log.
        viewerCanRecordDecisions: permissions.includes('decision:manage'),
        members: [
          {
            id: 'ms-1',
            role: 'STEERING_MEMBER',
            pending: false,
            user: { id: 'u1', name: 'Stina Exempel' },
            invitation: null,
            organization: null,
          },
        ],
      },
    ],
  };
}

const decision = (overrides: Partial<Decision>): Decision => ({
  id: 'd1',
  collaborationId: 'c1',
  groupId: 'g-steering',
  title: 'Arbetsförmedlingen tar fram nya siffror per kommun',
  description: null,
  decidedOn: '2025-08-20',
  dueOn: '2025-09-30',
  status: 'DONE',
  overdue: false,
  ownerUserId: null,
  ownerName: null,
  ownerOrganizationId: 'o-af',
  ownerOrganizationName: 'Arbetsförmedlingen',
  goalId: 'goal-1',
  version: 2,
  ...overrides,
});

const OVERDUE = decision({
  id: 'd2',
  title: 'Två nya jobbspår föreslås',
  description: 'Från operativa gruppen arbetsmarknad.',
  decidedOn: '2025-10-01',
  dueOn: '2025-11-01',
  status: 'OPEN',
  overdue: true,
  ownerUserId: 'u1',
  ownerName: 'Stina Exempel',
  ownerOrganizationId: null,
  ownerOrganizationName: null,
  goalId: null,
  version: 5,
});
const DONE = decision({});

const badInput = (field: string, message: string) =>
  new CombinedGraphQLErrors({ data: null }, [
    { message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } },
  ]);

describe('DecisionLogPage', () => {
  async function render(permissions = STEERING, list: Decision[] = [OVERDUE, DONE], group?: string) {
    const service = {
      decisions: jest.fn((_id: string, filter: { overdueOnly?: boolean }) =>
        of(filter.overdueOnly ? list.filter((d) => d.overdue) : list),
      ),
      goals: jest.fn(() =>
        of([{ id: 'goal-1', title: 'Halvera arbetslösheten bland utrikes födda kvinnor' }]),
      ),
      create: jest.fn(),
      update: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration(permissions))),
        },
        { provide: DecisionService, useValue: service },
      ],
    });
    const fixture = TestBed.createComponent(DecisionLogPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    if (group) fixture.componentRef.setInput('grupp', group);
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const dialog = () => document.querySelector<HTMLElement>('.mat-mdc-dialog-container');
    const formField = (label: string) =>
      Array.from(dialog()?.querySelectorAll('mat-form-field') ?? []).find(
        (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
      );
    const field = (label: string) =>
      formField(label)?.querySelector<HTMLElement>('input, textarea, mat-select') ?? null;
    const error = (label: string) => formField(label)?.querySelector('mat-error')?.textContent?.trim();
    const type = async (label: string, text: string) => {
      const target = field(label) as HTMLInputElement;
      target.value = text;
      target.dispatchEvent(new Event('input'));
      await settle();
    };
    const choose = async (label: string, option: string) => {
      field(label)?.click();
      await settle();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((candidate) => candidate.textContent?.trim() === option)
        ?.click();
      await settle();
    };
    const click = async (button: HTMLElement | null | undefined) => {
      button?.click();
      await settle();
    };
    const rows = () =>
      Array.from(element.querySelectorAll('[data-testid="decisions-table"] tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((cell) =>
          cell.textContent?.replace(/\s+/g, ' ').trim(),
        ),
      );
    const status = () => element.querySelector('[data-testid="decisions-status"]')?.textContent?.trim();
    return { fixture, element, service, settle, dialog, field, error, type, choose, click, rows, status };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('lists what was decided, when, by whom, by when, its status and goal; overdue first, with icon and word', async () => {
    const { element, service, rows } = await render();

    expect(service.decisions).toHaveBeenCalledWith('c1', { overdueOnly: false, groupId: null });
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Beslut');
    const headers = Array.from(element.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Beslut', 'Beslutat', 'Ansvarig', 'Klart senast', 'Status', 'Mål', 'Åtgärder']);
    expect(rows()).toEqual([
      [
        'Två nya jobbspår föreslås Från operativa gruppen arbetsmarknad.',
        '1 okt. 2025',
        'Stina Exempel',
        '1 nov. 2025',
        'Försenat Ej påbörjat',
        'Inget mål',
        'Ändra',
      ],
      [
        'Arbetsförmedlingen tar fram nya siffror per kommun',
        '20 aug. 2025',
        'Arbetsförmedlingen',
        '30 sep. 2025',
        'Klart',
        'Halvera arbetslösheten bland utrikes födda kvinnor',
        'Ändra',
      ],
    ]);
    // Not by colour alone: an icon (hidden from screen readers) and the word.
    const badge = element.querySelector('[data-testid="decision-overdue"]');
    expect(badge?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(badge?.textContent?.trim()).toBe('Försenat');
    expect(element.querySelectorAll('[data-testid="decision-overdue"]')).toHaveLength(1);
    expect(element.querySelector('[data-testid="decisions-count"]')?.textContent?.trim()).toBe(
      '2 beslut, varav 1 försenade.',
    );
  });

  it('shows a reader the log without controls to change it', async () => {
    const { element, rows } = await render(READER);

    expect(element.querySelector('[data-testid="decision-create"]')).toBeNull();
    expect(element.querySelectorAll('tbody button')).toHaveLength(0);
    expect(rows()[0]).toHaveLength(6);
    expect(element.querySelector('[data-testid="decisions-read-only"]')?.textContent).toContain(
      'Du kan läsa beslutsloggen.',
    );
  });

  it('shows only the overdue decisions on request, from the API', async () => {
    const { element, service, click, rows } = await render();

    await click(element.querySelector<HTMLElement>('[data-testid="decisions-overdue-only"] input'));

    expect(service.decisions).toHaveBeenLastCalledWith('c1', { overdueOnly: true, groupId: null });
    expect(rows().map((row) => row[0])).toEqual([
      'Två nya jobbspår föreslås Från operativa gruppen arbetsmarknad.',
    ]);
  });

  it('records a decision for the steering group, decided today by default, and says so', async () => {
    const { element, service, click, type, choose, dialog, status } = await render();
    service.create.mockReturnValue(of(decision({ id: 'd3', title: 'Mässa för arbetsgivare i maj' })));

    await click(element.querySelector<HTMLElement>('[data-testid="decision-create"]'));
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Registrera beslut');
    await type('Vad beslutades', '  Mässa för arbetsgivare i maj ');
    await type('Klart senast', '2099-05-31');
    await choose('Ansvarig organisation', 'Bjuv');
    await choose('Mål som beslutet gäller', 'Halvera arbetslösheten bland utrikes födda kvinnor');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));

    expect(service.create).toHaveBeenCalledWith({
      collaborationId: 'c1',
      title: 'Mässa för arbetsgivare i maj',
      description: null,
      decidedOn: isoDay(new Date()),
      dueOn: '2099-05-31',
      ownerUserId: null,
      ownerOrganizationId: 'o-1260',
      goalId: 'goal-1',
    });
    expect(dialog()).toBeNull();
    expect(status()).toBe('Beslutet ”Mässa för arbetsgivare i maj” är registrerat.');
    expect(service.decisions).toHaveBeenCalledTimes(2);
  });

  it('checks the form before sending: what was decided, and a due date not before the decision', async () => {
    const { element, service, click, type, dialog, error } = await render();

    await click(element.querySelector<HTMLElement>('[data-testid="decision-create"]'));
    await type('Beslutat', '2026-03-10');
    await type('Klart senast', '2026-03-01');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));

    expect(service.create).not.toHaveBeenCalled();
    expect(error('Vad beslutades')).toBe('Skriv vad som beslutades.');
    expect(error('Klart senast')).toBe('Klart senast kan inte vara före beslutsdatumet.');
    expect(document.activeElement).toBe(dialog()!.querySelector('[data-testid="decision-title"]'));
  });

  it("shows the API's field error at its field", async () => {
    const { element, service, click, type, dialog, error } = await render();
    service.create.mockReturnValue(
      throwError(() => badInput('input.ownerUserId', 'not a member of this collaboration')),
    );

    await click(element.querySelector<HTMLElement>('[data-testid="decision-create"]'));
    await type('Vad beslutades', 'Mässa för arbetsgivare');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));

    expect(error('Ansvarig person')).toBe('Kontrollera fältet: not a member of this collaboration');
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Några uppgifter behöver rättas',
    );
  });

  it('changes a decision against the version loaded, and says clearly when someone else changed it first', async () => {
    const { element, service, click, choose, dialog, field } = await render();
    service.update.mockReturnValue(
      throwError(
        () =>
          new CombinedGraphQLErrors({ data: null }, [{ message: 'stale', extensions: { code: 'CONFLICT' } }]),
      ),
    );

    await click(
      element.querySelector<HTMLElement>('button[aria-label="Ändra beslutet Två nya jobbspår föreslås"]'),
    );
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Ändra beslut');
    expect((field('Beslutat') as HTMLInputElement).disabled).toBe(true);
    await choose('Status', 'Pågår');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));

    expect(service.update).toHaveBeenCalledWith(
      expect.objectContaining({
        decisionId: 'd2',
        expectedVersion: 5,
        status: 'IN_PROGRESS',
        ownerUserId: 'u1',
      }),
    );
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Någon annan har ändrat beslutet medan du hade det öppet.',
    );
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-reload"]'));
    expect(dialog()).toBeNull();
    expect(service.decisions).toHaveBeenCalledTimes(2);
  });

  it('shows an operational group’s own log when the address names the group, and records decisions in it', async () => {
    const withGroup = collaboration(STEERING);
    withGroup.groups.push({
      id: 'g-labour',
      collaborationId: 'c1',
      kind: 'OPERATIONAL',
      name: 'Arbetsmarknad',
      focusArea: null,
      version: 1,
      viewerCanRecordDecisions: true,
      members: [],
    });
    TestBed.overrideProvider(CollaborationService, {
      useValue: collaborationServiceStub(() => of(withGroup)),
    });
    const { element, service, type, click, dialog } = await render(STEERING, [DONE], 'g-labour');

    expect(service.decisions).toHaveBeenCalledWith('c1', { overdueOnly: false, groupId: 'g-labour' });
    expect(element.querySelector('[data-testid="decisions-group"]')?.textContent).toContain('Arbetsmarknad');
    service.create.mockReturnValue(of(decision({ id: 'd9', groupId: 'g-labour', title: 'Nytt jobbspår' })));
    await click(element.querySelector<HTMLElement>('[data-testid="decision-create"]'));
    await type('Vad beslutades', 'Nytt jobbspår');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));
    expect(service.create).toHaveBeenCalledWith(
      expect.objectContaining({ collaborationId: 'c1', groupId: 'g-labour', title: 'Nytt jobbspår' }),
    );
  });
  describe('for a member of an operational group', () => {
    /** Familjen Helsingborg as a member of Arbetsmarknad sees it: their group's log is theirs to write in. */
    function asLabourMember(): CollaborationDetail {
      const seen = collaboration(GROUP_MEMBER);
      seen.myRoles = ['GROUP_MEMBER'];
      for (const [id, name, mine] of [
        ['g-labour', 'Arbetsmarknad', true],
        ['g-education', 'Vuxenutbildning', false],
      ] as const)
        seen.groups.push({
          id,
          collaborationId: 'c1',
          kind: 'OPERATIONAL',
          name,
          focusArea: null,
          version: 1,
          viewerCanRecordDecisions: mine,
          members: [],
        });
      return seen;
    }
    const LABOUR = decision({ id: 'd-labour', groupId: 'g-labour', title: 'Jobbspåret utökas till Bjuv' });
    const EDUCATION = decision({ id: 'd-education', groupId: 'g-education', title: 'Fler platser i sfi' });

    beforeEach(() =>
      TestBed.overrideProvider(CollaborationService, {
        useValue: collaborationServiceStub(() => of(asLabourMember())),
      }),
    );

    it('offers the form and the follow-up controls in their own group’s log', async () => {
      const { element, service, type, click, dialog, rows } = await render(
        GROUP_MEMBER,
        [LABOUR],
        'g-labour',
      );

      expect(element.querySelector('[data-testid="decisions-read-only"]')).toBeNull();
      expect(rows()[0]).toContain('Ändra');
      service.create.mockReturnValue(of(decision({ id: 'd10', groupId: 'g-labour', title: 'Ny mässa' })));
      await click(element.querySelector<HTMLElement>('[data-testid="decision-create"]'));
      await type('Vad beslutades', 'Ny mässa');
      await click(dialog()!.querySelector<HTMLElement>('[data-testid="decision-submit"]'));
      expect(service.create).toHaveBeenCalledWith(
        expect.objectContaining({ collaborationId: 'c1', groupId: 'g-labour', title: 'Ny mässa' }),
      );
    });

    const back = (element: HTMLElement) =>
      element.querySelector<HTMLAnchorElement>('[data-testid="decisions-back"]');

    it('leads back to the group from the group’s log', async () => {
      const { element } = await render(GROUP_MEMBER, [EDUCATION], 'g-education');
      expect(back(element)?.getAttribute('href')).toBe('/s/familjen-helsingborg/grupper/g-education');
      expect(back(element)?.textContent?.trim()).toBe('Tillbaka till gruppen Vuxenutbildning');
    });

    it('leads back to the overview from the steering group’s log', async () => {
      const { element } = await render(GROUP_MEMBER, [LABOUR]);
      expect(back(element)?.getAttribute('href')).toBe('/s/familjen-helsingborg');
      expect(back(element)?.textContent?.trim()).toBe('Tillbaka till översikten');
    });

    it('offers neither in another group’s log, and says who writes there', async () => {
      const { element, rows } = await render(GROUP_MEMBER, [EDUCATION], 'g-education');

      expect(element.querySelector('[data-testid="decision-create"]')).toBeNull();
      expect(element.querySelectorAll('tbody button')).toHaveLength(0);
      expect(rows()[0]).toHaveLength(6);
      expect(element.querySelector('[data-testid="decisions-read-only"]')?.textContent?.trim()).toBe(
        'Du kan läsa gruppens beslutslogg. Gruppens medlemmar, styrgruppens ledamöter och samordnare registrerar och följer upp dess beslut.',
      );
      expect(element.querySelector('caption')?.textContent?.trim()).toBe(
        'Beslut i Vuxenutbildning, Familjen Helsingborg, försenade först och sedan de senaste',
      );
    });

    it('offers no form in the steering group’s log, and follow-up only of their own group’s decisions', async () => {
      const { element, rows } = await render(GROUP_MEMBER, [LABOUR, EDUCATION, DONE]);

      expect(element.querySelector('[data-testid="decision-create"]')).toBeNull();
      expect(element.querySelector('[data-testid="decisions-read-only"]')?.textContent).toContain(
        'Du kan läsa beslutsloggen.',
      );
      expect(rows().map((row) => row.at(-1))).toEqual(['Ändra', '', '']);
      expect(
        element.querySelector('button[aria-label="Ändra beslutet Jobbspåret utökas till Bjuv"]'),
      ).not.toBeNull();
    });
  });
});
