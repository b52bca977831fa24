import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { GroupListComponent } from './group-list.component';
import { OrganizationListComponent } from './organization-list.component';
import { RoleListComponent } from './role-list.component';

describe('collaboration lists', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [translocoTesting('en')] }));

  it('shows each group with its kind, focus area and members with translated roles', async () => {
    const fixture = TestBed.createComponent(GroupListComponent);
    fixture.componentRef.setInput('groups', [
      {
        id: 'g1',
        name: 'Vuxenutbildning',
        kind: 'OPERATIONAL',
        focusArea: 'Adult education',
        members: [
          {
            id: 'm1',
            role: 'GROUP_MEMBER',
            pending: false,
            user: { id: 'u1', name: 'Test Testsson' },
            invitation: null,
          },
          { id: 'm2', role: 'GROUP_MEMBER', pending: true, user: null, invitation: { name: 'Ny Inbjuden' } },
        ],
      },
    ]);
    await fixture.whenStable();
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('Operational group');
    expect(text).toContain('Adult education');
    expect(text).toContain('Test Testsson');
    expect(text).toContain('Group member');
    expect(text).toMatch(/Ny Inbjuden\s+\(invited\)/);
  });

  it('names the kind of every other organisation', async () => {
    const fixture = TestBed.createComponent(OrganizationListComponent);
    fixture.componentRef.setInput('organizations', [
      { id: 'o1', name: 'Arbetsförmedlingen', properName: 'Arbetsförmedlingen', kind: 'EMPLOYMENT_AGENCY' },
      { id: 'o2', name: 'Folkhögskolan', properName: 'Folkhögskolan', kind: 'FOLK_HIGH_SCHOOL' },
    ]);
    await fixture.whenStable();
    const items = fixture.nativeElement.querySelectorAll('li');
    expect(items[0].textContent).toContain('Employment agency');
    expect(items[1].textContent).toContain('Folk high school');
  });

  it('translates my roles', async () => {
    const fixture = TestBed.createComponent(RoleListComponent);
    fixture.componentRef.setInput('roles', ['COORDINATOR', 'AGENCY_ANALYST']);
    await fixture.whenStable();
    const roles = Array.from(fixture.nativeElement.querySelectorAll('li') as NodeListOf<HTMLElement>).map(
      (li) => li.textContent?.trim(),
    );
    expect(roles).toEqual(['Coordinator', 'Agency analyst']);
    expect(fixture.nativeElement.querySelector('h2').textContent.trim()).toBe('My roles');
  });
});
