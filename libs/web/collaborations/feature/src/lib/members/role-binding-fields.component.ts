import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { Role, RoleBindingProblem } from '@kraftsamling/shared/permissions';
import { sortByName } from '@kraftsamling/web/collaborations/data-access';
import { serverError } from '@kraftsamling/web/shared/forms';
import {
  BindingOptions,
  ROLES,
  RoleBindingControls,
  applyRoleChange,
  bindingChoices,
  bindingErrorKey,
  bindingFieldsFor,
  bindingLabelKey,
} from './role-binding';

/**
 * The role select and, depending on the role, a municipality (organisation) or group
 * select. Which one shows, and whether it is required, comes from the shared rules.
 */
@Component({
  selector: 'ks-role-binding-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container [formGroup]="group()">
      <mat-form-field>
        <mat-label>{{ 'members.form.role' | transloco }}</mat-label>
        <mat-select formControlName="role" data-testid="member-role">
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ 'roles.' + role | transloco }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ errorKey(group().controls.role) | transloco }}</mat-error>
      </mat-form-field>

      @if (fields().organization; as field) {
        <mat-form-field>
          <mat-label>{{ labelKey(field.kind) | transloco }}</mat-label>
          <mat-select formControlName="organizationId" data-testid="member-organization">
            @if (!field.required) {
              <mat-option [value]="null">{{ 'members.binding.none' | transloco }}</mat-option>
            }
            @for (organization of organizationChoices(); track organization.id) {
              <mat-option [value]="organization.id">{{ organization.name }}</mat-option>
            }
          </mat-select>
          @if (!field.required) {
            <mat-hint>{{ 'common.optional' | transloco }}</mat-hint>
          }
          <mat-error>{{
            errorKey(group().controls.organizationId)
              | transloco: { message: server(group().controls.organizationId) }
          }}</mat-error>
        </mat-form-field>
      }

      @if (fields().group; as field) {
        <mat-form-field>
          <mat-label>{{ labelKey(field.kind) | transloco }}</mat-label>
          <mat-select formControlName="groupId" data-testid="member-group">
            @if (!field.required) {
              <mat-option [value]="null">{{ 'members.binding.none' | transloco }}</mat-option>
            }
            @for (choice of groupChoices(); track choice.id) {
              <mat-option [value]="choice.id">{{ choice.name }}</mat-option>
            }
          </mat-select>
          @if (!field.required) {
            <mat-hint>{{ 'common.optional' | transloco }}</mat-hint>
          }
          <mat-error>{{
            errorKey(group().controls.groupId) | transloco: { message: server(group().controls.groupId) }
          }}</mat-error>
        </mat-form-field>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class RoleBindingFieldsComponent implements OnInit {
  readonly group = input.required<FormGroup<RoleBindingControls>>();
  readonly options = input.required<BindingOptions>();

  protected readonly roles = ROLES;
  protected readonly labelKey = bindingLabelKey;
  protected readonly server = serverError;
  private readonly role = signal<Role | null>(null);
  private readonly destroyRef = inject(DestroyRef);

  /** The binding fields the selected role shows. */
  readonly fields = computed(() => bindingFieldsFor(this.role()));
  readonly organizationChoices = computed(() =>
    sortByName(bindingChoices(this.options().organizations, this.fields().organization)),
  );
  readonly groupChoices = computed(() =>
    sortByName(bindingChoices(this.options().groups, this.fields().group)),
  );

  ngOnInit(): void {
    const group = this.group();
    this.role.set(group.controls.role.value);
    applyRoleChange(group);
    group.controls.role.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((role) => {
      this.role.set(role);
      applyRoleChange(group);
    });
  }

  /** The message key for a control's first error (binding rules first, then the API's message). */
  protected errorKey(control: AbstractControl): string {
    const binding = control.errors?.['binding'] as RoleBindingProblem | undefined;
    if (binding) return bindingErrorKey(binding);
    if (control.errors?.['server']) return 'errors.fieldInvalid';
    if (control.errors?.['required']) return 'members.form.errors.roleRequired';
    return 'errors.fieldInvalid';
  }
}
