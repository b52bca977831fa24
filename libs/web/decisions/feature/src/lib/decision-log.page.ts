import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  Decision,
  DecisionService,
  decisionOwner,
  isoDay,
  ownerChoices,
} from '@kraftsamling/web/decisions/data-access';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { forkJoin, map } from 'rxjs';
import {
  DecisionDialogComponent,
  DecisionDialogData,
  DecisionDialogResult,
} from './decision-dialog.component';

/**
 * A group's decision log (the steering group's, or an operational group's with ?grupp=):
 * what was decided and when, who owes it, by when, its status and the goal it serves;
 * overdue decisions first, marked with an icon and in words. Everyone in the collaboration
 * reads. Who records and follows up decisions in which group's log comes from the API
 * (Group.viewerCanRecordDecisions: decision:manage any group's, a group member their own
 * operational group's); the API checks every write again.
 */
@Component({
  selector: 'ks-decision-log-page',
  imports: [RouterLink, MatButton, MatCheckbox, TranslocoPipe, PageStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="decisions.heading"
      loadingKey="decisions.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @let data = current.data;
        <div class="ks-page-header">
          <h1>{{ 'decisions.heading' | transloco }}</h1>
          @if (groupName(); as group) {
            <p class="ks-lead" data-testid="decisions-group">
              {{ 'decisions.groupLead' | transloco: { group, collaboration: data.collaboration.name } }}
            </p>
          } @else {
            <p class="ks-lead">
              {{ 'decisions.lead' | transloco: { collaboration: data.collaboration.name } }}
            </p>
          }
          <p>
            @if (grupp() && groupName(); as group) {
              <!-- An operational group's log is opened from the group's page: back there. -->
              <a
                [routerLink]="['/s', data.collaboration.slug, 'grupper', grupp()]"
                data-testid="decisions-back"
                >{{ 'decisions.backToGroup' | transloco: { group } }}</a
              >
            } @else {
              <a [routerLink]="['/s', data.collaboration.slug]" data-testid="decisions-back">{{
                'decisions.back' | transloco
              }}</a>
            }
          </p>
        </div>

        <!-- Empty but always rendered: a live region must exist before its message arrives. -->
        <p role="status" class="ks-decisions-status" data-testid="decisions-status">{{ status() }}</p>

        <section class="ks-section" aria-labelledby="decisions-list-heading">
          <h2 id="decisions-list-heading">{{ 'decisions.list.heading' | transloco }}</h2>
          <div class="ks-decisions-tools">
            <mat-checkbox
              [checked]="overdueOnly()"
              (change)="overdueOnly.set($event.checked)"
              data-testid="decisions-overdue-only"
            >
              {{ 'decisions.list.overdueOnly' | transloco }}
            </mat-checkbox>
            @if (canRecord()) {
              <button mat-flat-button type="button" (click)="create()" data-testid="decision-create">
                {{ 'decisions.create.action' | transloco }}
              </button>
            }
          </div>
          @if (!canRecord()) {
            <p class="ks-muted" data-testid="decisions-read-only">
              {{ (groupName() ? 'decisions.list.groupReadOnly' : 'decisions.list.readOnly') | transloco }}
            </p>
          }
          <p class="ks-muted" data-testid="decisions-count">
            {{
              'decisions.list.count' | transloco: { count: data.decisions.length, overdue: overdueCount() }
            }}
          </p>

          @if (data.decisions.length) {
            <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="decisions-caption">
              <table class="ks-table ks-decisions" data-testid="decisions-table">
                <caption id="decisions-caption" class="ks-visually-hidden">
                  @if (groupName(); as group) {
                    {{
                      'decisions.list.groupCaption'
                        | transloco: { group, collaboration: data.collaboration.name }
                    }}
                  } @else {
                    {{ 'decisions.list.caption' | transloco: { collaboration: data.collaboration.name } }}
                  }
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'decisions.columns.title' | transloco }}</th>
                    <th scope="col">{{ 'decisions.columns.decidedOn' | transloco }}</th>
                    <th scope="col">{{ 'decisions.columns.owner' | transloco }}</th>
                    <th scope="col">{{ 'decisions.columns.dueOn' | transloco }}</th>
                    <th scope="col">{{ 'decisions.columns.status' | transloco }}</th>
                    <th scope="col">{{ 'decisions.columns.goal' | transloco }}</th>
                    @if (canFollowUpAny()) {
                      <th scope="col">{{ 'decisions.columns.actions' | transloco }}</th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (decision of data.decisions; track decision.id) {
                    <tr [class.ks-overdue]="decision.overdue" data-testid="decision-row">
                      <th scope="row">
                        <span class="ks-decision-title">{{ decision.title }}</span>
                        @if (decision.description) {
                          <!-- A kept space: read aloud, title and description are two phrases. -->
                          &ngsp;<span class="ks-muted ks-decision-description">{{
                            decision.description
                          }}</span>
                        }
                      </th>
                      <td class="ks-nowrap">{{ date(decision.decidedOn) }}</td>
                      <td>{{ owner(decision) ?? ('decisions.list.noOwner' | transloco) }}</td>
                      <td class="ks-nowrap">
                        {{ decision.dueOn ? date(decision.dueOn) : ('decisions.list.noDue' | transloco) }}
                      </td>
                      <td>
                        @if (decision.overdue) {
                          <span class="ks-overdue-badge" data-testid="decision-overdue">
                            <svg
                              aria-hidden="true"
                              focusable="false"
                              viewBox="0 0 24 24"
                              width="18"
                              height="18"
                            >
                              <path
                                d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z"
                                fill="currentColor"
                              />
                            </svg>
                            {{ 'decisions.overdue' | transloco }}
                          </span>
                        }
                        {{ 'decisions.statuses.' + decision.status | transloco }}
                      </td>
                      <td>{{ goalTitle(decision.goalId) ?? ('decisions.list.noGoal' | transloco) }}</td>
                      @if (canFollowUpAny()) {
                        <td class="ks-actions">
                          @if (canFollowUp(decision)) {
                            <button
                              mat-stroked-button
                              type="button"
                              (click)="edit(decision)"
                              [attr.aria-label]="
                                'decisions.edit.actionFor' | transloco: { title: decision.title }
                              "
                            >
                              {{ 'decisions.edit.action' | transloco }}
                            </button>
                          }
                        </td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p class="ks-card" data-testid="decisions-none">
              {{ (overdueOnly() ? 'decisions.list.noneOverdue' : 'decisions.list.none') | transloco }}
            </p>
          }
        </section>
      }
    </ks-page-state>
  `,
  styles: `
    .ks-decisions-status:empty {
      margin: 0;
    }
    .ks-decisions-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-bottom: 0.5rem;
    }
    .ks-decision-title {
      display: block;
    }
    .ks-decision-description {
      display: block;
      font-weight: normal;
    }
    .ks-nowrap {
      white-space: nowrap;
    }
    /* Overdue stands out by an icon and a word, and by a rule, never by colour alone. */
    .ks-overdue th[scope='row'] {
      border-inline-start: 4px solid var(--mat-sys-error);
    }
    .ks-overdue-badge {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      margin-inline-end: 0.5rem;
      padding: 0.125rem 0.5rem;
      border-radius: 4px;
      font-weight: 600;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DecisionLogPage {
  readonly slug = input.required<string>();
  /** An operational group's log (?grupp=<id>); the steering group's without it. */
  readonly grupp = input<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly decisions = inject(DecisionService);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });

  /** Show only the decisions past their due date that are not done or cancelled. */
  readonly overdueOnly = signal(false);

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), overdueOnly: this.overdueOnly(), groupId: this.grupp() || null }),
    ({ slug, overdueOnly, groupId }) =>
      this.collaborations
        .collaborationAnd(slug, (collaboration) =>
          forkJoin({
            decisions: this.decisions.decisions(collaboration, { overdueOnly, groupId }),
            goals: this.decisions.goals(collaboration),
          }),
        )
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;
  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });

  /** The groups in whose logs the user may write (only a hint: the API checks every write). */
  private readonly writableGroups = computed(
    () =>
      new Set(
        (this.data()?.collaboration.groups ?? [])
          .filter((group) => group.viewerCanRecordDecisions)
          .map((group) => group.id),
      ),
  );
  /** Whether the user may record a decision in this log (?grupp=, else the steering group's). */
  readonly canRecord = computed(() => {
    const groups = this.data()?.collaboration.groups ?? [];
    const id = this.grupp() || groups.find((group) => group.kind === 'STEERING')?.id;
    return id !== undefined && this.writableGroups().has(id);
  });
  /** Whether any listed decision is one the user may follow up (the column shows then). */
  readonly canFollowUpAny = computed(() =>
    (this.data()?.decisions ?? []).some((decision) => this.canFollowUp(decision)),
  );
  /** The operational group whose log this is, when it is not the steering group's. */
  readonly groupName = computed(() => {
    const id = this.grupp();
    return id ? (this.data()?.collaboration.groups.find((group) => group.id === id)?.name ?? null) : null;
  });
  readonly overdueCount = computed(() => this.data()?.decisions.filter((d) => d.overdue).length ?? 0);
  private readonly goalTitles = computed(
    () => new Map((this.data()?.goals ?? []).map((goal) => [goal.id, goal.title])),
  );
  /** What a change or a new decision did, for screen readers and everyone else. */
  readonly status = signal('');

  protected readonly owner = decisionOwner;

  canFollowUp(decision: Decision): boolean {
    return this.writableGroups().has(decision.groupId);
  }

  goalTitle(goalId: string | null): string | null {
    return goalId ? (this.goalTitles().get(goalId) ?? null) : null;
  }

  /** A date as the user's language writes it ("30 sep. 2025"). */
  date(day: string): string {
    const [year, month, date] = day.split('-').map(Number);
    const locale = this.transloco.getActiveLang() === 'en' ? 'en-GB' : 'sv-SE';
    return new Date(year!, month! - 1, date!).toLocaleDateString(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    });
  }

  create(): void {
    this.open(undefined, 'decisions.create.success');
  }

  edit(decision: Decision): void {
    this.open(decision, 'decisions.edit.success');
  }

  private open(decision: Decision | undefined, successKey: string): void {
    const data = this.data();
    if (!data) return;
    this.status.set('');
    const { people, organizations } = ownerChoices(data.collaboration);
    this.dialog
      .open<DecisionDialogComponent, DecisionDialogData, DecisionDialogResult>(DecisionDialogComponent, {
        data: {
          collaborationId: data.collaboration.id,
          groupId: this.grupp() || null,
          decision,
          people,
          organizations,
          goals: data.goals,
          today: isoDay(new Date()),
        },
        width: '40rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.status.set(this.transloco.translate(successKey, { title: saved.title }));
        // After a save, and after a conflict the user chose to resolve: show the latest log.
        this.page.reload();
      });
  }
}
