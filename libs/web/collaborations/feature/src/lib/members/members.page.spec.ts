import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { collaborationAdmin } from '../../testing/fixtures';
import { ChangeRoleDialogComponent } from './change-role-dialog.component';
import { MembersPage } from './members.page';

const COORDINATOR = [
  'collaboration:read',
  'member:read',
  'member:manage',
  'group:manage',
  'organization:manage',
];

describe('MembersPage', () => {
  async function render(permissions = COORDINATOR, phone = false) {
    const service = {
      members: jest.fn(() => of(collaborationAdmin(permissions))),
      removeMember: jest.fn(() => of('ms-1')),
      changeMemberRole: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        { provide: CollaborationService, useValue: service },
        // The layout as a phone or a wider screen reports it (jsdom has no media queries).
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } },
      ],
    });
    const fixture = TestBed.createComponent(MembersPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    return { fixture, element: fixture.nativeElement as HTMLElement, service, settle };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('lists the members with e-mail, translated role and binding', async () => {
    const { element } = await render();
    const row = element.querySelector('[data-testid="member-table"] tbody tr');
    expect(row?.textContent).toContain('Exempel Person');
    expect(row?.textContent).toContain('exempel.person@example.org');
    expect(row?.textContent).toContain('Kommunredaktör');
    expect(row?.textContent).toContain('Helsingborg');
    expect(row?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Ändra roll för Exempel Person (Kommunredaktör)',
    );
  });

  it('on a phone shows each member as a card with role, binding and both actions, and no table', async () => {
    const { element, fixture } = await render(COORDINATOR, true);
    expect(element.querySelector('[data-testid="member-table"]')).toBeNull();
    const card = Array.from(element.querySelectorAll('[data-testid="member-cards"] > li')).find((li) =>
      li.textContent?.includes('Exempel Person'),
    );
    expect(card?.querySelector('h3')?.textContent?.trim()).toBe('Exempel Person');
    const facts = Object.fromEntries(
      Array.from(card?.querySelectorAll('dl > div') ?? []).map((pair) => [
        pair.querySelector('dt')?.textContent?.trim(),
        pair.querySelector('dd')?.textContent?.trim(),
      ]),
    );
    expect(facts).toEqual({
      'E-post': 'exempel.person@example.org',
      Roll: 'Kommunredaktör',
      'Kopplad till': 'Helsingborg',
    });
    const buttons = Array.from(card?.querySelectorAll('button') ?? []).map((button) =>
      button.getAttribute('aria-label'),
    );
    expect(buttons).toEqual([
      'Ändra roll för Exempel Person (Kommunredaktör)',
      'Ta bort Exempel Person (Kommunredaktör)',
    ]);
    const dialog = TestBed.inject(MatDialog);
    const open = jest.spyOn(dialog, 'open');
    (card?.querySelector('button') as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledWith(ChangeRoleDialogComponent, expect.anything());
    fixture.destroy();
  });

  it('shows a pending invitation as such, with the invited name and address', async () => {
    const { element } = await render();
    const row = Array.from(element.querySelectorAll('[data-testid="member-table"] tbody tr')).find((tr) =>
      tr.textContent?.includes('Ny Person'),
    );
    expect(row?.textContent).toContain('Inbjuden, väntar på inloggning');
    expect(row?.textContent).toContain('ny.person@example.org');
    expect(row?.textContent).toContain('Läsare');
    expect(row?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Ändra roll för Ny Person (Läsare)',
    );
  });

  it('shows group and organisation management only with group:manage and organization:manage', async () => {
    const coordinator = await render();
    expect(coordinator.element.querySelector('[data-testid="create-group-form"]')).not.toBeNull();
    expect(coordinator.element.querySelector('[data-testid="add-organization-form"]')).not.toBeNull();
    TestBed.resetTestingModule();

    const memberManagerOnly = await render(['collaboration:read', 'member:read', 'member:manage']);
    expect(memberManagerOnly.element.querySelector('[data-testid="add-member-form"]')).not.toBeNull();
    expect(memberManagerOnly.element.querySelector('[data-testid="create-group-form"]')).toBeNull();
    expect(memberManagerOnly.element.querySelector('[data-testid="add-organization-form"]')).toBeNull();
  });

  it('removes a member only after confirmation, with the version seen, then reloads', async () => {
    const { element, service, settle } = await render();
    element
      .querySelector<HTMLButtonElement>('button[aria-label="Ta bort Exempel Person (Kommunredaktör)"]')
      ?.click();
    await settle();
    expect(service.removeMember).not.toHaveBeenCalled();

    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await settle();

    expect(service.removeMember).toHaveBeenCalledWith({
      collaborationId: 'c1',
      membershipId: 'ms-1',
      expectedVersion: 2,
    });
    expect(service.members).toHaveBeenCalledTimes(2);
  });

  it('changes a role with expectedVersion, and explains a conflict in the dialog', async () => {
    const { element, service, settle } = await render();
    const conflict = new CombinedGraphQLErrors({ data: null }, [
      { message: 'stale', extensions: { code: 'CONFLICT' } },
    ]);
    service.changeMemberRole.mockReturnValue(throwError(() => conflict));

    element
      .querySelector<HTMLButtonElement>('button[aria-label="Ändra roll för Exempel Person (Kommunredaktör)"]')
      ?.click();
    await settle();
    const dialog = TestBed.inject(MatDialog).openDialogs[0].componentInstance as ChangeRoleDialogComponent;
    dialog.form.controls.role.setValue('VIEWER');
    await settle();
    document.querySelector<HTMLButtonElement>('[data-testid="change-role-submit"]')?.click();
    await settle();

    expect(service.changeMemberRole).toHaveBeenCalledWith({
      collaborationId: 'c1',
      membershipId: 'ms-1',
      expectedVersion: 2,
      role: 'VIEWER',
      organizationId: null,
      groupId: null,
    });
    expect(document.querySelector('.mat-mdc-dialog-container [role="alert"]')?.textContent).toContain(
      'Någon annan har ändrat det här samtidigt som du. Ladda om sidan',
    );
  });
});
