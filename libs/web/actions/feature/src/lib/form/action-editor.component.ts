import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Permission } from '@kraftsamling/shared/permissions';
import {
  ACTION_LIMITS,
  ACTION_STATUSES,
  ActionDetail,
  ActionService,
  ActionType,
  actionFields,
} from '@kraftsamling/web/actions/data-access';
import { CollaborationDetail, MeStore, can } from '@kraftsamling/web/collaborations/data-access';
import { isoDay, ownerChoices } from '@kraftsamling/web/decisions/data-access';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
} from '@kraftsamling/web/shared/forms';
import {
  ActionField,
  NewerAction,
  actionDraft,
  actionErrorKey,
  actionForm,
  changedFields,
  formValueOf,
  newerAction,
} from './action-form';
import { ActionTypeFormComponent } from './action-type-form.component';

/**
 * The action's fields with validation and sensible defaults (planned, starting today, the
 * user as contact person). The API's field errors show at their fields. A change carries the
 * version the user saw; when someone else saved meanwhile the API refuses, and the form shows
 * what they changed, with the choice to take their version or save this one over it.
 */
@Component({
  selector: 'ks-action-editor',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption, RouterLink, ActionTypeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-editor.component.html',
  styleUrl: './action-editor.component.scss',
})
export class ActionEditorComponent implements OnInit {
  readonly collaboration = input.required<CollaborationDetail>();
  readonly actionTypes = input.required<readonly ActionType[]>();
  readonly goals = input.required<readonly { id: string; title: string }[]>();
  readonly action = input<ActionDetail | null>(null);
  readonly groupId = input.required<string>();
  readonly saved = output<ActionDetail>();

  private readonly service = inject(ActionService);
  private readonly meStore = inject(MeStore);
  private readonly transloco = inject(TranslocoService);

  protected readonly statuses = ACTION_STATUSES;
  protected readonly limits = ACTION_LIMITS;

  readonly form = actionForm({ typeId: '', contactUserId: null, today: isoDay(new Date()) });
  protected readonly submission = serverValidatedForm(this.form);
  /** Types added here, before the page reloads its list. */
  private readonly addedTypes = signal<ActionType[]>([]);
  readonly types = computed(() => [...this.actionTypes(), ...this.addedTypes()]);
  /** The version being changed; after a conflict, the newer one the user has now seen. */
  private version = 0;
  /** Someone else's newer version and the fields where it differs from this form. */
  readonly theirs = signal<{ action: NewerAction; fields: ActionField[] } | null>(null);

  readonly municipalities = computed(() =>
    this.collaboration()
      .organizations.filter((o) => o.kind === 'MUNICIPALITY' && !!o.municipalityCode)
      .map((o) => ({ code: o.municipalityCode!, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  );
  readonly choices = computed(() => ownerChoices(this.collaboration()));
  readonly groupName = computed(
    () => this.collaboration().groups.find((g) => g.id === this.groupId())?.name ?? '',
  );
  /** Only a hint: the API lets the coordinator add types. */
  readonly canAddType = computed(() => can(this.collaboration().myPermissions, Permission.ActionTypeManage));

  ngOnInit(): void {
    const action = this.action();
    const fresh = actionForm(
      {
        typeId: this.actionTypes()[0]?.id ?? '',
        contactUserId: this.meStore.me()?.id ?? null,
        today: isoDay(new Date()),
      },
      action ?? undefined,
    );
    this.form.setValue(fresh.getRawValue());
    this.version = action?.version ?? 0;
  }

  errorKey(field: ActionField): string {
    return actionErrorKey(this.form.controls.fields.controls[field], field);
  }

  server(field: ActionField): string | null {
    return serverError(this.form.controls.fields.controls[field]);
  }

  /** Their value of a field, as the conflict notice shows it: names, not ids. */
  theirValue(action: NewerAction, field: ActionField): string {
    const names = (ids: readonly string[], choices: readonly { id: string; name: string }[]) =>
      ids.map((id) => choices.find((choice) => choice.id === id)?.name ?? id).join(', ') || '–';
    switch (field) {
      case 'typeId':
        return names([action.typeId], this.types());
      case 'status':
        return this.transloco.translate(`actions.statuses.${action.status}`);
      case 'municipalityCodes':
        return names(
          action.municipalityCodes,
          this.municipalities().map((m) => ({ id: m.code, name: m.name })),
        );
      case 'goalIds':
        return names(
          action.goalIds,
          this.goals().map((goal) => ({ id: goal.id, name: goal.title })),
        );
      case 'leadOrganizationId':
        return action.leadOrganizationId
          ? names([action.leadOrganizationId], this.choices().organizations)
          : '–';
      case 'contactUserId':
        return action.contactUserId ? names([action.contactUserId], this.choices().people) : '–';
      case 'targetGroups':
      case 'partnerOrganizations':
        return action[field].join(', ') || '–';
      default: {
        const value = action[field];
        return value === null || value === undefined || value === '' ? '–' : String(value);
      }
    }
  }

  typeAdded(type: ActionType): void {
    this.addedTypes.update((types) => [...types, type]);
    this.form.controls.fields.controls.typeId.setValue(type.id);
  }

  /** After a conflict: drop this form's changes and edit their version. */
  takeTheirs(): void {
    const theirs = this.theirs();
    if (!theirs) return;
    this.form.controls.fields.setValue(formValueOf(theirs.action));
    this.version = theirs.action.version;
    this.theirs.set(null);
  }

  submit(): void {
    const action = this.action();
    const collaborationId = this.collaboration().id;
    this.submission.submit({
      value: () => {
        const draft = actionDraft(this.form);
        if (!draft.title.trim()) {
          this.form.controls.fields.controls.title.setErrors({ required: true });
          return null;
        }
        return actionFields(draft);
      },
      request: (fields) =>
        action
          ? this.service.update({ collaborationId, actionId: action.id, version: this.version, fields })
          : this.service.create({ collaborationId, groupId: this.groupId(), fields }),
      messages: { CONFLICT: 'actions.edit.conflict' },
      staysBusy: true,
      succeeded: (saved) => this.saved.emit(saved),
    });
  }

  constructor() {
    // A refused save: show their newer version and what differs. Saving again then
    // overwrites it knowingly, because the user has seen it.
    effect(() => {
      const current = newerAction(this.submission.error()?.current);
      if (!current) return;
      untracked(() => {
        this.theirs.set({ action: current, fields: changedFields(actionDraft(this.form), current) });
        this.version = current.version;
      });
    });
  }
}
