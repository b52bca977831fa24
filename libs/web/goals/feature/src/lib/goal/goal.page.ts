import { ActionService } from '@kraftsamling/web/actions/data-access';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ExportFormat } from '@kraftsamling/shared/exports';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  CLOSING_STATES,
  GoalService,
  GoalTableColumn,
  GoalTableRow,
  goalExportTable,
  goalPermissions,
  goalTableRows,
  sortGoalRows,
} from '@kraftsamling/web/goals/data-access';
import {
  GoalChartComponent,
  GoalChartKeyComponent,
  GoalChartInput,
  GoalStatusComponent,
  GoalTableComponent,
  GoalTableRowView,
  GoalTableSort,
  formatQuantity,
  formatShare,
} from '@kraftsamling/web/goals/ui';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { formatDateTime, injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import type { GoalState } from '@kraftsamling/web/shared/graphql';
import { loadOnChange, toAppError } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent, downloadTable, fileNameOf } from '@kraftsamling/web/shared/ui';
import { openConfirmDialog } from '@kraftsamling/web/shared/ui/confirm-dialog';
import { filter, forkJoin, map, switchMap } from 'rxjs';
import { BaselinePreviewComponent } from '../shared/baseline-preview.component';
import { goalIndicator, targetText } from '../shared/goal-text';
import { CheckInFormComponent } from './check-in-form.component';
import {
  RebaselineDialogComponent,
  RebaselineDialogData,
  RebaselineDialogResult,
} from './rebaseline-dialog.component';

/**
 * One goal for the steering group: what it is, the collaboration's and each member's
 * progress as small charts and as a sortable table, the check-ins, the history of the
 * baselines, the contributing groups and the decisions that serve it. Those who may manage
 * goals also check in, re-baseline, activate a draft and close the goal. Prints as a clean
 * A4 report; the table exports as CSV and XLSX.
 */
@Component({
  selector: 'ks-goal-page',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    TranslocoPipe,
    PageStateComponent,
    GoalStatusComponent,
    GoalTableComponent,
    GoalChartComponent,
    GoalChartKeyComponent,
    CheckInFormComponent,
    BaselinePreviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './goal.page.html',
  styleUrl: './goal.page.scss',
})
export class GoalPage {
  readonly slug = input.required<string>();
  readonly goalId = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly goals = inject(GoalService);
  private readonly indicators = inject(IndicatorService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  readonly language = injectLanguage();
  private readonly actionService = inject(ActionService);

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), goalId: this.goalId() }),
    ({ slug, goalId }) =>
      this.collaborations
        .collaborationAnd(
          slug,
          (collaboration) =>
            forkJoin({
              goal: this.goals.goal(collaboration, goalId),
              records: this.goals.records(collaboration, goalId),
              decisions: this.goals.decisions(collaboration, goalId),
              actions: this.actionService.forGoal(collaboration, goalId),
              catalogue: this.indicators.indicators(collaboration),
            }),
          { fresh: true },
        )
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
  );
  readonly state = this.page.state;
  /** The last action's failure (activate, status), shown above the actions. */
  readonly actionError = signal<string | null>(null);
  /** Set while an export is being built. */
  readonly exporting = signal<ExportFormat | null>(null);

  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  readonly goal = computed(() => this.data()?.goal ?? null);
  readonly permissions = computed(() => goalPermissions(this.data()?.collaboration.myPermissions));
  readonly indicator = computed(() =>
    goalIndicator(this.data()?.catalogue ?? [], this.goal()?.indicatorCode ?? ''),
  );
  readonly unit = computed(() => this.indicator().unit);
  readonly indicatorName = computed(() => this.indicator().name(this.language()));
  readonly target = computed(() => {
    const goal = this.goal();
    return goal ? targetText(goal, this.unit(), this.language(), this.t) : '';
  });
  readonly groups = computed(() => {
    const data = this.data();
    if (!data) return [];
    return data.collaboration.groups.filter((group) => data.goal.groupIds.includes(group.id));
  });
  readonly rows = computed(() => {
    const progress = this.goal()?.progress;
    return progress ? goalTableRows(progress) : null;
  });
  readonly sortRows = (rows: readonly GoalTableRowView[], sort: GoalTableSort): GoalTableRowView[] =>
    sortGoalRows(rows as GoalTableRow[], sort.active as GoalTableColumn, sort.direction);
  readonly tableCaption = computed(() => {
    const goal = this.goal();
    if (!goal) return '';
    return this.t('goals.table.caption', {
      name: this.indicatorName(),
      asOf: goal.progress?.asOf ? periodLabel(goal.progress.asOf, this.language()) : '–',
      unit: this.t(`indicators.units.${this.unit()}`),
    });
  });
  /** The collaboration first, then each member: the small multiples. */
  readonly charts = computed(() => {
    const goal = this.goal();
    const progress = goal?.progress;
    if (!goal || !progress) return [];
    const chart = (entry: (typeof progress.members)[number], key: string, name: string) => ({
      key,
      name,
      status: entry.status,
      input: {
        periods: progress.periods,
        values: entry.values,
        lowerBounds: entry.lowerBounds,
        upperBounds: entry.upperBounds,
        baselinePeriod: goal.baselinePeriod,
        targetPeriod: goal.targetPeriod,
        baseline: entry.baseline,
        target: entry.target,
        latestPeriod: entry.latestPeriod,
        latest: entry.latest,
        projection: entry.projection,
      } satisfies GoalChartInput,
    });
    return [
      chart(progress.collaboration, 'collaboration', this.t('goals.table.collaboration')),
      ...progress.members.map((member) => chart(member, member.areaCode ?? member.areaName, member.areaName)),
    ];
  });
  readonly areaNames = computed(
    () => new Map((this.data()?.records.members ?? []).map((member) => [member.areaCode, member.areaName])),
  );
  readonly inScope = computed(() => (this.data()?.records.members ?? []).filter((member) => member.inScope));
  readonly outOfScope = computed(() =>
    (this.data()?.records.members ?? []).filter((member) => !member.inScope),
  );
  readonly previewRequest = computed(() => {
    const data = this.data();
    if (!data || data.goal.status !== 'DRAFT') return null;
    return {
      collaborationId: data.collaboration.id,
      indicatorCode: data.goal.indicatorCode,
      baselinePeriod: data.goal.baselinePeriod,
      areaCodes: this.inScope().map((member) => member.areaCode),
    };
  });
  protected readonly closingStates = CLOSING_STATES;

  constructor() {
    // The title names the goal.
    effect(() => {
      const title = this.goal()?.title;
      if (title) untracked(() => this.titles?.setDetail(title));
    });
  }

  private readonly t = (key: string, params?: Record<string, unknown>) =>
    this.transloco.translate(key, params);

  figure(quantity: Parameters<typeof formatQuantity>[0]): string {
    return formatQuantity(quantity, this.unit(), this.language()) || this.t('goals.value.missing');
  }

  /** A threshold (a fraction of the planned change) as a signed percentage: "−5 %". */
  share(fraction: number): string {
    return formatShare({ value: fraction, low: fraction, high: fraction }, this.language(), true);
  }

  period(code: string | null | undefined): string {
    return code ? periodLabel(code, this.language()) : '';
  }

  dateTime(iso: string): string {
    return formatDateTime(iso, this.language());
  }

  print(): void {
    window.print();
  }

  async export(format: ExportFormat): Promise<void> {
    const goal = this.goal();
    const rows = this.rows();
    if (!goal || !rows || this.exporting()) return;
    this.exporting.set(format);
    try {
      const table = goalExportTable(rows, {
        sheetName: this.t('goals.export.sheet'),
        headers: {
          area: this.t('goals.table.area'),
          code: this.t('goals.export.code'),
          baseline: this.t('goals.table.baseline'),
          latest: this.t('goals.table.latest'),
          latestPeriod: this.t('goals.export.latestPeriod'),
          change: this.t('goals.table.change'),
          relativeChange: this.t('goals.export.relativeChange'),
          target: this.t('goals.table.target'),
          expected: this.t('goals.table.expected'),
          progress: this.t('goals.export.progress'),
          status: this.t('goals.table.status'),
          flags: this.t('goals.table.flags'),
        },
        status: (status) => this.t(`goals.status.${status}`),
        flag: (flag) => this.t(`goals.flags.${flag}`),
        period: (code) => periodLabel(code, this.language()),
      });
      await downloadTable(table, format, fileNameOf(goal.title, format, 'mal'));
    } catch (error: unknown) {
      this.actionError.set(toAppError(error).messageKey);
    } finally {
      this.exporting.set(null);
    }
  }

  rebaseline(): void {
    const data = this.data();
    if (!data) return;
    this.actionError.set(null);
    this.dialog
      .open<RebaselineDialogComponent, RebaselineDialogData, RebaselineDialogResult>(
        RebaselineDialogComponent,
        {
          data: {
            collaborationId: data.collaboration.id,
            goal: data.goal,
            members: this.inScope().map(({ areaCode, areaName }) => ({ areaCode, areaName })),
          },
          width: '36rem',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.announce('goals.rebaseline.success');
        this.page.reload();
      });
  }

  activate(): void {
    const data = this.data();
    if (!data) return;
    this.actionError.set(null);
    openConfirmDialog(this.dialog, {
      titleKey: 'goals.activate.title',
      messageKey: 'goals.activate.message',
      confirmKey: 'goals.activate.confirm',
      params: { period: this.period(data.goal.baselinePeriod) },
    })
      .pipe(
        filter(Boolean),
        switchMap(() =>
          this.goals.activate({
            collaborationId: data.collaboration.id,
            goalId: data.goal.id,
            expectedVersion: data.goal.version,
          }),
        ),
      )
      .subscribe({
        next: () => {
          this.announce('goals.activate.success');
          this.page.reload();
        },
        error: (error: unknown) => this.actionError.set(toAppError(error).messageKey),
      });
  }

  setStatus(status: GoalState): void {
    const data = this.data();
    if (!data) return;
    this.actionError.set(null);
    const state = this.t(`goals.state.${status}`);
    openConfirmDialog(this.dialog, {
      titleKey: 'goals.setStatus.title',
      messageKey: `goals.setStatus.message.${status}`,
      confirmKey: 'goals.setStatus.confirm',
      params: { state },
    })
      .pipe(
        filter(Boolean),
        switchMap(() =>
          this.goals.setStatus({
            collaborationId: data.collaboration.id,
            goalId: data.goal.id,
            expectedVersion: data.goal.version,
            status,
          }),
        ),
      )
      .subscribe({
        next: () => {
          this.announce('goals.setStatus.success', { state });
          this.page.reload();
        },
        error: (error: unknown) => this.actionError.set(toAppError(error).messageKey),
      });
  }

  onCheckIn(): void {
    this.announce('goals.checkIns.success');
    this.page.reload();
  }

  /** Success messages go to a snack bar, which Material announces in a polite live region. */
  private announce(key: string, params: Record<string, unknown> = {}): void {
    this.snackBar.open(this.t(key, params), this.t('common.close'), { duration: 6000, politeness: 'polite' });
  }
}
