import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ExportFormat } from '@kraftsamling/shared/exports';
import { labelPeriod } from '@kraftsamling/shared/periods';
import {
  ActionService,
  OUTCOME_MEASURES,
  OutcomeMeasure,
  formatCount,
  formatDay,
  formatMoment,
  outcomeGrid,
  outcomesTable,
} from '@kraftsamling/web/actions/data-access';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { GoalStatusComponent } from '@kraftsamling/web/goals/ui';
import { injectLanguage } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent, downloadTable, fileNameOf } from '@kraftsamling/web/shared/ui';
import { map } from 'rxjs';
import { ActionStatusComponent } from '../shared/action-status.component';
import { UpdateOutcomeComponent } from '../shared/update-outcome.component';
import { OutcomeFormComponent } from './outcome-form.component';
import { UpdateFormComponent } from './update-form.component';

/**
 * One action: what it is, where and for whom; its outcomes as municipality × period for the
 * chosen count (with a form to record them); its journal of progress updates; and its history.
 */
@Component({
  selector: 'ks-action-page',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    TranslocoPipe,
    PageStateComponent,
    GoalStatusComponent,
    ActionStatusComponent,
    UpdateOutcomeComponent,
    OutcomeFormComponent,
    UpdateFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action.page.html',
  styleUrl: './action.page.scss',
})
export class ActionPage {
  readonly slug = input.required<string>();
  readonly actionId = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly actions = inject(ActionService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });

  protected readonly measures = OUTCOME_MEASURES;
  protected readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), actionId: this.actionId() }),
    ({ slug, actionId }) =>
      this.collaborations
        .collaborationAnd(slug, (collaboration) => this.actions.action(collaboration, actionId))
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
    (data) => this.titles?.setDetail(data.action.title),
  );
  readonly state = this.page.state;
  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });

  /** The count the grid shows. */
  readonly measure = signal<OutcomeMeasure>('participants');
  readonly grid = computed(() => {
    const action = this.data()?.action;
    return action ? outcomeGrid(action, this.measure()) : null;
  });
  /** What a save did, for screen readers and everyone else. */
  readonly status = signal('');

  day(value: string | null | undefined): string {
    return formatDay(value, this.language());
  }

  moment(value: string): string {
    return formatMoment(value, this.language());
  }

  count(value: number | null | undefined): string {
    return formatCount(value, this.language());
  }

  period(code: string): string {
    return labelPeriod(code, this.language());
  }

  saved(key: string): void {
    this.status.set(this.transloco.translate(key));
    this.page.reload();
  }

  async export(format: ExportFormat): Promise<void> {
    const action = this.data()?.action;
    if (!action) return;
    const t = (key: string) => this.transloco.translate(key);
    const table = outcomesTable(
      action,
      {
        sheet: t('actions.outcomes.sheet'),
        column: (key) => t(`actions.columns.${key}`),
        status: (status) => t(`actions.statuses.${status}`),
        measure: (measure) => t(`actions.measures.${measure}`),
        municipality: t('actions.outcomes.municipality'),
        code: t('actions.outcomes.code'),
        period: t('actions.outcomes.period'),
      },
      this.language(),
    );
    await downloadTable(
      table,
      format,
      fileNameOf(`${t('actions.outcomes.filePrefix')} ${action.title}`, format, 'utfall'),
    );
  }
}
