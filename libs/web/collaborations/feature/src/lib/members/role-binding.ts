import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  ALL_ROLES,
  Role,
  RoleBindingProblem,
  checkRoleBinding,
  isRole,
  roleBindingRules,
} from '@kraftsamling/shared/permissions';
import type { GroupKind, OrganizationKind } from '@kraftsamling/web/shared/graphql';

export const ROLES: readonly Role[] = ALL_ROLES;

/** What the member form needs to know about the organisations and groups it can bind to. */
export interface BindingOptions {
  organizations: readonly { id: string; name: string; kind: OrganizationKind }[];
  groups: readonly { id: string; name: string; kind: GroupKind }[];
}

/** The role and its binding, shared by "add member" and "change role". */
export type RoleBindingControls = {
  role: FormControl<Role | null>;
  organizationId: FormControl<string | null>;
  groupId: FormControl<string | null>;
};

export interface BindingField {
  /** The organisation or group kind the role binds to (MUNICIPALITY, OPERATIONAL, …). */
  kind: string;
  required: boolean;
}

/** Which binding fields a role shows, straight from the shared role-binding rules. */
export function bindingFieldsFor(role: Role | null | undefined): {
  organization?: BindingField;
  group?: BindingField;
} {
  return isRole(role) ? roleBindingRules(role) : {};
}

/**
 * Validates one binding field with checkRoleBinding, the rule the API applies too, so
 * the form refuses exactly what the server would. The error is `{ binding: problem }`.
 */
export function roleBindingValidator(
  field: RoleBindingProblem['field'],
  options: () => BindingOptions,
): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const form = control.parent;
    const role = form?.get('role')?.value;
    if (!form || !isRole(role)) return null;
    const organizationId = form.get('organizationId')?.value as string | null;
    const groupId = form.get('groupId')?.value as string | null;
    const { organizations, groups } = options();
    const problems = checkRoleBinding({
      role,
      organizationKind:
        organizations.find((organization) => organization.id === organizationId)?.kind ?? null,
      groupKind: groups.find((group) => group.id === groupId)?.kind ?? null,
    });
    const problem = problems.find((entry) => entry.field === field);
    return problem ? { binding: problem } : null;
  };
}

export function roleBindingControls(
  options: () => BindingOptions,
  initial: { role?: Role | null; organizationId?: string | null; groupId?: string | null } = {},
): RoleBindingControls {
  return {
    role: new FormControl<Role | null>(initial.role ?? null, { validators: [Validators.required] }),
    organizationId: new FormControl<string | null>(initial.organizationId ?? null, {
      validators: roleBindingValidator('organizationId', options),
    }),
    groupId: new FormControl<string | null>(initial.groupId ?? null, {
      validators: roleBindingValidator('groupId', options),
    }),
  };
}

/**
 * Call when the role changes: clears a binding the new role does not take (so a value
 * that no longer shows is never sent) and re-runs the binding validators.
 */
export function applyRoleChange(form: FormGroup<RoleBindingControls>): void {
  const fields = bindingFieldsFor(form.controls.role.value);
  const bindings: [FormControl<string | null>, BindingField | undefined][] = [
    [form.controls.organizationId, fields.organization],
    [form.controls.groupId, fields.group],
  ];
  for (const [control, field] of bindings) {
    if (!field && control.value !== null) control.setValue(null);
    // Validators.required (next to the binding rule) is what makes Material mark the
    // select as required (asterisk, aria-required); a `required` attribute would add a
    // validator that outlives the field when the role changes.
    if (field?.required) control.addValidators(Validators.required);
    else control.removeValidators(Validators.required);
    control.updateValueAndValidity();
  }
}

/** The organisations or groups a binding field offers: only those of the kind the role takes. */
export function bindingChoices<T extends { kind: string }>(
  items: readonly T[],
  field: BindingField | undefined,
): T[] {
  return field ? items.filter((item) => item.kind === field.kind) : [];
}

/** Translation key of the label of a binding field, by the kind it binds to. */
export function bindingLabelKey(kind: string): string {
  return `members.binding.label.${kind}`;
}

/** Translation key of the message for a binding problem. */
export function bindingErrorKey(problem: RoleBindingProblem): string {
  return problem.reason === 'required' || problem.reason === 'wrong-kind'
    ? `members.binding.error.${problem.reason}.${problem.expected ?? 'ANY'}`
    : 'members.binding.error.not-allowed';
}
