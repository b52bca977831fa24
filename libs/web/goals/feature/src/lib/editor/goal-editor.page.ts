import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { PERIOD_FORMATS, Periodicity } from '@kraftsamling/shared/periods';
import {
  CollaborationService,
  municipalitiesOf,
  sortByName,
} from '@kraftsamling/web/collaborations/data-access';
import { GoalService, TARGET_KINDS } from '@kraftsamling/web/goals/data-access';
import { IndicatorService, indicatorName } from '@kraftsamling/web/indicators/data-access';
import { injectLanguage } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, compareSwedish } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { forkJoin, map, of } from 'rxjs';
import { BaselinePreviewComponent, BaselinePreviewRequest } from '../shared/baseline-preview.component';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
} from '@kraftsamling/web/shared/forms';
import {
  GoalControls,
  MEASURE_FIELDS,
  createGoalInput,
  goalErrorKey,
  goalForm,
  goalFormValue,
  updateGoalInput,
} from './goal-form';

/**
 * Sets up a new goal (a draft) or edits one: title, description, target group, the
 * indicator from the catalogue, the members in scope (all by default), the contributing
 * operational groups, the baseline and target periods, the target and its kind, the status
 * thresholds. Once a goal is active, what it measures is fixed (the API refuses changes).
 * The preview shows the baselines activation would freeze now.
 */
@Component({
  selector: 'ks-goal-editor-page',
  imports: [
    RouterLink,
    FORM_IMPORTS,
    TEXT_FIELD_IMPORTS,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatRadioGroup,
    MatRadioButton,
    PageStateComponent,
    BaselinePreviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './goal-editor.page.html',
  styles: `
    .ks-goal-form {
      max-width: 56rem;
      margin-bottom: 2rem;
    }
    .ks-wide-field,
    .ks-fieldset {
      grid-column: 1 / -1;
    }
    .ks-fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 0.5rem 1rem 0.75rem;
      margin: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .ks-checks {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    }
    .ks-radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .ks-field-error {
      color: var(--mat-sys-error);
      font-size: 0.875rem;
      margin: 0.25rem 0 0;
    }
    .ks-form-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class GoalEditorPage {
  readonly slug = input.required<string>();
  /** Absent for a new goal. */
  readonly goalId = input<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly goals = inject(GoalService);
  private readonly indicators = inject(IndicatorService);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), goalId: this.goalId() ?? null }),
    ({ slug, goalId }) =>
      this.collaborations
        .collaborationAnd(
          slug,
          (collaboration) =>
            forkJoin({
              catalogue: this.indicators.indicators(collaboration),
              goal: goalId ? this.goals.goal(collaboration, goalId) : of(null),
              records: goalId ? this.goals.records(collaboration, goalId) : of(null),
            }),
          { fresh: true },
        )
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
    (data) => this.setUp(data),
  );
  readonly state = this.page.state;
  readonly form: FormGroup<GoalControls> = goalForm(
    () => (this.selectedIndicator()?.periodicity as Periodicity | undefined) ?? null,
  );
  protected readonly submission = serverValidatedForm(this.form);
  /** The request the preview shows; set when the user asks for it. */
  readonly preview = signal<BaselinePreviewRequest | null>(null);
  private readonly indicatorCode = signal('');

  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  readonly isNew = computed(() => !this.goalId());
  readonly isDraft = computed(() => this.isNew() || this.data()?.goal?.status === 'DRAFT');
  readonly catalogue = computed(() =>
    [...(this.data()?.catalogue ?? [])].sort((a, b) =>
      compareSwedish(indicatorName(a, this.language()), indicatorName(b, this.language())),
    ),
  );
  readonly municipalities = computed(() => municipalitiesOf(this.data()?.collaboration.organizations ?? []));
  readonly operationalGroups = computed(() =>
    sortByName((this.data()?.collaboration.groups ?? []).filter((group) => group.kind === 'OPERATIONAL')),
  );
  readonly selectedIndicator = computed(
    () => this.data()?.catalogue.find((indicator) => indicator.code === this.indicatorCode()) ?? null,
  );
  readonly periodFormat = computed(() => {
    const periodicity = this.selectedIndicator()?.periodicity as Periodicity | undefined;
    return periodicity ? PERIOD_FORMATS[periodicity] : '';
  });
  protected readonly targetKinds = TARGET_KINDS;

  constructor() {
    this.form.controls.indicatorCode.valueChanges.pipe(takeUntilDestroyed()).subscribe((code) => {
      this.indicatorCode.set(code);
      // The periods' format follows the indicator's periodicity.
      this.form.controls.baselinePeriod.updateValueAndValidity();
      this.form.controls.targetPeriod.updateValueAndValidity();
    });
  }
  indicatorLabel(code: string): string {
    const indicator = this.data()?.catalogue.find((entry) => entry.code === code);
    return indicator ? indicatorName(indicator, this.language()) : code;
  }

  errorKey(field: keyof GoalControls): string {
    return goalErrorKey(field, this.form.controls[field]);
  }

  server(field: keyof GoalControls): string | null {
    return serverError(this.form.controls[field]);
  }

  showError(field: keyof GoalControls): boolean {
    const control = this.form.controls[field];
    return control.invalid && control.touched;
  }

  toggle(field: 'areaCodes' | 'groupIds', value: string, checked: boolean): void {
    const control = this.form.controls[field];
    const current = control.value.filter((entry) => entry !== value);
    control.setValue(checked ? [...current, value] : current);
    control.markAsTouched();
  }

  showPreview(): void {
    const form = this.form;
    const data = this.data();
    if (!data) return;
    const { indicatorCode, baselinePeriod, areaCodes } = form.getRawValue();
    const controls = [form.controls.indicatorCode, form.controls.baselinePeriod, form.controls.areaCodes];
    controls.forEach((control) => control.markAsTouched());
    if (controls.some((control) => control.invalid)) {
      this.preview.set(null);
      return;
    }
    this.preview.set({
      collaborationId: data.collaboration.id,
      indicatorCode,
      baselinePeriod: baselinePeriod.trim(),
      areaCodes: [...areaCodes],
    });
  }

  submit(): void {
    const form = this.form;
    const data = this.data();
    if (!data) return;
    const goal = data.goal;
    this.submission.submit({
      value: () =>
        goal
          ? updateGoalInput(data.collaboration.id, goal, form)
          : createGoalInput(data.collaboration.id, form),
      request: (input) =>
        'goalId' in input
          ? this.goals.update(input)
          : this.goals.create(input as Parameters<GoalService['create']>[0]),
      succeeded: (saved) => void this.router.navigate(['/s', this.slug(), 'mal', saved.id]),
    });
  }

  private setUp(data: NonNullable<ReturnType<typeof this.data>>): void {
    this.titles?.setDetail(data.goal?.title ?? data.collaboration.name);
    const allMembers = municipalitiesOf(data.collaboration.organizations)
      .map((organization) => organization.municipalityCode)
      .filter((code): code is string => !!code);
    const inScope = data.records?.members.filter((member) => member.inScope).map((member) => member.areaCode);
    const form = this.form;
    this.indicatorCode.set(data.goal?.indicatorCode ?? '');
    form.enable({ emitEvent: false });
    form.reset(goalFormValue(data.goal, inScope ?? allMembers));
    if (data.goal && data.goal.status !== 'DRAFT')
      for (const field of MEASURE_FIELDS) form.controls[field].disable({ emitEvent: false });
  }

  protected label(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }
}
