import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import {
  ActionService,
  ActionSummary,
  ActionUpdate,
  GroupActivity,
} from '@kraftsamling/web/actions/data-access';
import {
  CollaborationDetail,
  CollaborationService,
  MeStore,
} from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { BehaviorSubject, Subject, of } from 'rxjs';
import { GroupPage } from './group.page';

// Fictional people, organisations and actions.
const zero = {
  participants: 0,
  started: 0,
  completed: 0,
  employed: 0,
  employedPrivate: 0,
  studies: 0,
  otherOutcome: 0,
};

function collaboration(permissions: string[], roles: string[]): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: null,
    version: 1,
    myRoles: roles as CollaborationDetail['myRoles'],
    myPermissions: permissions,
    organizations: [],
    groups: [
      {
        id: 'g-labour',
        collaborationId: 'c1',
        kind: 'OPERATIONAL',
        name: 'Arbetsmarknad',
        focusArea: 'Jobbspår och arbetsträning',
        version: 1,
        viewerCanRecordDecisions: false,
        members: [
          {
            id: 'm1',
            role: 'GROUP_MEMBER',
            pending: false,
            user: { id: 'u-am', name: 'Anna Exempel' },
            invitation: null,
            organization: { id: 'o-af', name: 'Arbetsförmedlingen' },
          },
        ],
      },
    ],
  };
}

function action(id: string, overrides: Partial<ActionSummary> = {}): ActionSummary {
  return {
    id,
    collaborationId: 'c1',
    groupId: 'g-labour',
    groupName: 'Arbetsmarknad',
    title: `Insats ${id}`,
    type: { id: 't-job', code: 'JOB_TRACK', name: 'Jobbspår', builtIn: true },
    targetGroups: [],
    municipalities: [{ code: '1283', name: 'Helsingborg' }],
    goals: [{ id: 'goal-1', title: 'Halvera arbetslösheten' }],
    leadOrganization: null,
    contact: null,
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    status: 'ONGOING',
    plannedParticipants: 20,
    confidence: 'AT_RISK',
    totals: { ...zero, participants: 14, employed: 4 },
    lastActivityAt: '2026-11-01T10:00:00Z',
    version: 1,
    viewerCanEdit: true,
    ...overrides,
  } as ActionSummary;
}

const update = (id: string, text: string): ActionUpdate =>
  ({
    id,
    actionId: 'a1',
    actionTitle: 'Insats a1',
    date: '2026-11-20',
    text,
    authorName: 'Anna Exempel',
    statusChange: null,
    confidence: null,
    createdAt: '2026-11-20T09:00:00Z',
  }) as ActionUpdate;

describe('GroupPage', () => {
  async function render(
    options: { roles?: string[]; permissions?: string[]; me?: string; query?: Record<string, string> } = {},
  ) {
    const activity = new Subject<GroupActivity>();
    let feed = [update('u1', 'Första träffen hölls')];
    const service = {
      group: jest.fn(() =>
        of({
          actions: [
            action('a1'),
            action('a2', { status: 'PLANNED', municipalities: [{ code: '1260', name: 'Bjuv' }] }),
          ],
          groupFeed: feed,
          actionTypes: [{ id: 't-job', code: 'JOB_TRACK', name: 'Jobbspår', builtIn: true }],
        }),
      ),
      goals: jest.fn(() =>
        of([
          {
            id: 'goal-1',
            title: 'Halvera arbetslösheten',
            groupIds: [],
            progress: { asOf: '2026-10', collaboration: { status: 'ON_TRACK' } },
          },
          { id: 'goal-2', title: 'Ett annat mål', groupIds: [], progress: null },
        ]),
      ),
      activity: jest.fn(() => activity.asObservable()),
    };
    const query = new BehaviorSubject(convertToParamMap(options.query ?? {}));
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() =>
            of(
              collaboration(
                options.permissions ?? ['collaboration:read', 'action:read', 'action:manage'],
                options.roles ?? ['GROUP_MEMBER'],
              ),
            ),
          ),
        },
        { provide: ActionService, useValue: service },
        { provide: MeStore, useValue: { me: signal({ id: options.me ?? 'u-am' }) } },
        {
          provide: ActivatedRoute,
          useValue: { queryParamMap: query, snapshot: { queryParamMap: query.value } },
        },
      ],
    });
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(GroupPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    fixture.componentRef.setInput('groupId', 'g-labour');
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const text = (selector: string) =>
      element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    return {
      element,
      service,
      activity,
      query,
      navigate,
      settle,
      text,
      setFeed: (items: ActionUpdate[]) => (feed = items),
    };
  }

  it('shows the group’s members, the goals it serves with their status, and its actions on a board by status', async () => {
    const { element, text } = await render();
    expect(text('h1')).toBe('Arbetsmarknad');
    expect(text('[data-testid="group-members"]')).toBe('Anna Exempel , Arbetsförmedlingen – Gruppmedlem');
    // Only the goal that one of the group's actions serves.
    expect(text('[data-testid="group-goals"]')).toContain('Halvera arbetslösheten');
    expect(text('[data-testid="group-goals"]')).not.toContain('Ett annat mål');
    const columns = Array.from(element.querySelectorAll('.ks-board-column h3')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(columns).toEqual(['Planerad (1)', 'Pågående (1)', 'Pausad (0)', 'Avslutad (0)', 'Inställd (0)']);
    expect(text('[data-testid="action-card"]')).toContain('14 deltaganden, 4 till arbete');
    expect(element.querySelector('[data-testid="action-create-link"]')).not.toBeNull();
  });

  it('offers no changes to a reader outside the group', async () => {
    const { element } = await render({
      roles: ['MUNICIPAL_EDITOR'],
      permissions: ['collaboration:read', 'action:read', 'outcome:record'],
      me: 'u-other',
    });
    expect(element.querySelector('[data-testid="action-create-link"]')).toBeNull();
    expect(element.querySelector('[data-testid="group-read-only"]')).not.toBeNull();
  });

  it('takes the table view and the filter from the address, and writes a changed filter back to it', async () => {
    const { element, navigate } = await render({ query: { vy: 'tabell', kommun: '1260' } });
    const rows = Array.from(element.querySelectorAll('[data-testid="action-row"] th')).map((th) =>
      th.textContent?.trim(),
    );
    expect(rows).toEqual(['Insats a2']);
    expect(element.querySelector('[data-testid="actions-count"]')?.textContent).toContain(
      'Visar 1 av 2 insatser',
    );
    (element.querySelector('[data-testid="filter-clear"]') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { vy: 'tabell' } }));
  });

  it('follows the group live: a new update is announced, marked new, and the page loads again', async () => {
    const { service, activity, settle, text, setFeed } = await render();
    expect(service.activity).toHaveBeenCalledWith('c1', 'g-labour');
    const fresh = update('u2', 'Två nya arbetsgivare är med');
    setFeed([fresh, update('u1', 'Första träffen hölls')]);
    activity.next({
      kind: 'UPDATE_ADDED',
      groupId: 'g-labour',
      actionId: 'a1',
      actionTitle: 'Insats a1',
      actorName: 'Bertil Exempel',
      at: '2026-11-30T10:00:00Z',
      update: fresh,
    } as GroupActivity);
    await settle();
    expect(service.group).toHaveBeenCalledTimes(2);
    expect(text('[data-testid="group-live-status"]')).toBe(
      'Bertil Exempel skrev en uppdatering om Insats a1.',
    );
    expect(text('[data-testid="feed-item"]')).toContain('Två nya arbetsgivare är med');
    expect(text('[data-testid="feed-item"] .ks-new-badge')).toBe('Ny');
  });
});
