import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { GROUPS, ORGANIZATIONS, collaborationAdmin } from '../../testing/fixtures';
import { AddMemberFormComponent } from './add-member-form.component';

describe('AddMemberFormComponent', () => {
  async function render() {
    const service = { addMember: jest.fn() };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [{ provide: CollaborationService, useValue: service }],
    });
    const fixture = TestBed.createComponent(AddMemberFormComponent);
    fixture.componentRef.setInput('collaborationId', 'c1');
    fixture.componentRef.setInput('organizations', ORGANIZATIONS);
    fixture.componentRef.setInput('groups', GROUPS);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const form = fixture.componentInstance.form;
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('[data-testid="add-member-submit"]')?.click();
      await fixture.whenStable();
    };
    const errors = () =>
      Array.from(element.querySelectorAll('mat-error')).map((error) => error.textContent?.trim());
    const labels = () =>
      Array.from(element.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    return { fixture, element, form, service, submit, errors, labels };
  }

  it('requires an e-mail address and a role, and sends nothing until they are there', async () => {
    const { submit, errors, service } = await render();

    await submit();

    expect(errors()).toEqual(['Ange en e-postadress.', 'Välj en roll.']);
    expect(service.addMember).not.toHaveBeenCalled();
  });

  it('rejects an address that is not an e-mail address', async () => {
    const { form, submit, errors } = await render();
    form.controls.email.setValue('not-an-address');
    form.controls.binding.controls.role.setValue('VIEWER');

    await submit();

    expect(errors()).toEqual(['Ange en giltig e-postadress, till exempel namn@kommun.se.']);
  });

  it('links each error to its field for screen readers', async () => {
    const { element, submit } = await render();
    await submit();
    const input = element.querySelector<HTMLInputElement>('[data-testid="member-email"]');
    const describedBy = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
    const error = element.querySelector('mat-error');
    expect(describedBy).toContain(error?.id);
  });

  it('shows a required municipality select for a municipal editor, and only municipalities in it', async () => {
    const { fixture, form, labels, submit, errors } = await render();
    expect(labels()).not.toContain('Kommun');

    form.controls.binding.controls.role.setValue('MUNICIPAL_EDITOR');
    await fixture.whenStable();

    expect(labels()).toContain('Kommun');
    expect(labels()).not.toContain('Operativ grupp');
    expect(fixture.nativeElement.querySelector('[data-testid="member-group"]')).toBeNull();
    const choices = fixture.componentInstance.form.controls.binding;
    expect(choices.controls.organizationId.enabled).toBe(true);

    form.controls.email.setValue('redaktor@example.org');
    await submit();
    expect(errors()).toEqual(['Välj vilken kommun kommunredaktören arbetar för.']);
  });

  it('shows an operational group select for a group member, and nothing for a coordinator', async () => {
    const { fixture, form, labels } = await render();

    form.controls.binding.controls.role.setValue('GROUP_MEMBER');
    await fixture.whenStable();
    expect(labels()).toContain('Operativ grupp');
    expect(labels()).not.toContain('Kommun');

    form.controls.binding.controls.groupId.setValue('g-labour');
    form.controls.binding.controls.role.setValue('COORDINATOR');
    await fixture.whenStable();
    expect(labels()).not.toContain('Operativ grupp');
    expect(form.controls.binding.controls.groupId.value).toBeNull();
  });

  it('sends a valid member to addMember and emits the new membership', async () => {
    const { fixture, form, submit, service, errors } = await render();
    const member = collaborationAdmin([]).members[0];
    service.addMember.mockReturnValue(of(member));
    const added = jest.fn();
    fixture.componentInstance.added.subscribe(added);

    form.controls.email.setValue('  exempel.person@example.org ');
    form.controls.name.setValue('Exempel Person');
    form.controls.binding.controls.role.setValue('MUNICIPAL_EDITOR');
    await fixture.whenStable();
    form.controls.binding.controls.organizationId.setValue('m-1283');
    await submit();

    expect(service.addMember).toHaveBeenCalledWith({
      collaborationId: 'c1',
      email: 'exempel.person@example.org',
      name: 'Exempel Person',
      role: 'MUNICIPAL_EDITOR',
      organizationId: 'm-1283',
      groupId: null,
    });
    expect(added).toHaveBeenCalledWith(member);
    expect(form.controls.email.value).toBe('');
    expect(errors()).toEqual([]);
  });

  it('shows the API field errors next to the fields', async () => {
    const { fixture, form, submit, service, errors, element } = await render();
    service.addMember.mockReturnValue(
      throwError(
        () =>
          new CombinedGraphQLErrors({ data: null }, [
            {
              message: 'Bad input',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'email', message: 'domain does not accept mail' }],
              },
            },
          ]),
      ),
    );
    form.controls.email.setValue('person@example.org');
    form.controls.binding.controls.role.setValue('VIEWER');
    await fixture.whenStable();

    await submit();

    expect(errors()).toEqual(['Kontrollera fältet: domain does not accept mail']);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Några uppgifter behöver rättas');
  });
});
