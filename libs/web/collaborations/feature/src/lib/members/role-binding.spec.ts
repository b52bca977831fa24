import { FormGroup, Validators } from '@angular/forms';
import {
  BindingOptions,
  RoleBindingControls,
  applyRoleChange,
  bindingFieldsFor,
  roleBindingControls,
} from './role-binding';

const options: BindingOptions = {
  organizations: [
    { id: 'm-1283', name: 'Helsingborg', kind: 'MUNICIPALITY' },
    { id: 'af', name: 'Arbetsförmedlingen', kind: 'EMPLOYMENT_AGENCY' },
  ],
  groups: [
    { id: 'g-steering', name: 'Styrgrupp', kind: 'STEERING' },
    { id: 'g-labour', name: 'Arbetsmarknad', kind: 'OPERATIONAL' },
  ],
};

function form(): FormGroup<RoleBindingControls> {
  const group = new FormGroup<RoleBindingControls>(roleBindingControls(() => options));
  applyRoleChange(group);
  return group;
}

describe('role binding in forms', () => {
  it('shows the field each role binds to, from the shared rules', () => {
    expect(bindingFieldsFor('MUNICIPAL_EDITOR')).toEqual({
      organization: { kind: 'MUNICIPALITY', required: true },
    });
    expect(bindingFieldsFor('GROUP_MEMBER')).toEqual({ group: { kind: 'OPERATIONAL', required: true } });
    expect(bindingFieldsFor('COORDINATOR')).toEqual({});
    expect(bindingFieldsFor(null)).toEqual({});
  });

  it('refuses a municipal editor without a municipality, and one bound to the agency', () => {
    const group = form();
    group.controls.role.setValue('MUNICIPAL_EDITOR');
    applyRoleChange(group);
    expect(group.controls.organizationId.errors).toEqual({
      required: true,
      binding: { field: 'organizationId', reason: 'required', expected: 'MUNICIPALITY' },
    });
    expect(group.controls.organizationId.hasValidator(Validators.required)).toBe(true);

    group.controls.organizationId.setValue('af');
    expect(group.controls.organizationId.errors?.['binding']).toMatchObject({ reason: 'wrong-kind' });

    group.controls.organizationId.setValue('m-1283');
    expect(group.valid).toBe(true);
  });

  it('clears a binding the new role does not take', () => {
    const group = form();
    group.controls.role.setValue('GROUP_MEMBER');
    group.controls.groupId.setValue('g-labour');
    applyRoleChange(group);
    expect(group.valid).toBe(true);

    group.controls.role.setValue('VIEWER');
    applyRoleChange(group);
    expect(group.controls.groupId.value).toBeNull();
    expect(group.controls.groupId.hasValidator(Validators.required)).toBe(false);
    expect(group.valid).toBe(true);
  });

  it('requires a role', () => {
    expect(form().controls.role.errors).toEqual({ required: true });
  });
});
