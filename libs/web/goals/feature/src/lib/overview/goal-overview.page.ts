import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  GoalService,
  GoalSummary,
  furthestBehind,
  goalPermissions,
} from '@kraftsamling/web/goals/data-access';
import { GoalStatusComponent, formatQuantity } from '@kraftsamling/web/goals/ui';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { forkJoin, map } from 'rxjs';
import { goalIndicator, targetText } from '../shared/goal-text';

/**
 * The steering group's overview: every active goal as a card (the collaboration's figure
 * against its target, the status in words and icon, the members furthest behind), then
 * drafts for those who may manage goals, then goals that have ended.
 */
@Component({
  selector: 'ks-goal-overview-page',
  imports: [RouterLink, MatAnchor, TranslocoPipe, PageStateComponent, GoalStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="goals.titles.overview"
      loadingKey="goals.overview.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        <div class="ks-page-header">
          <h1>{{ 'goals.overview.heading' | transloco }}</h1>
          <p class="ks-lead">
            {{ 'goals.overview.lead' | transloco: { name: current.data.collaboration.name } }}
          </p>
          @if (permissions().canManage) {
            <p>
              <a mat-flat-button [routerLink]="['/s', slug(), 'mal', 'nytt']" data-testid="new-goal">
                {{ 'goals.overview.new' | transloco }}
              </a>
            </p>
          }
        </div>

        <section class="ks-section" aria-labelledby="goals-active-heading">
          <h2 id="goals-active-heading">{{ 'goals.overview.active' | transloco }}</h2>
          @if (active().length) {
            <ul role="list" class="ks-goal-cards">
              @for (goal of active(); track goal.id) {
                <li class="ks-card ks-goal-card" [attr.data-goal]="goal.id">
                  <h3>
                    <a [routerLink]="['/s', slug(), 'mal', goal.id]">{{ goal.title }}</a>
                  </h3>
                  @if (goal.progress; as progress) {
                    @let total = progress.collaboration;
                    <p class="ks-goal-card__status">
                      <ks-goal-status [status]="total.status" />
                    </p>
                    <dl class="ks-goal-card__figures">
                      <div>
                        <dt>{{ 'goals.overview.latest' | transloco }}</dt>
                        <dd>
                          {{ figure(goal, total.latest) }}
                          @if (total.latestPeriod) {
                            <span class="ks-muted">({{ period(total.latestPeriod) }})</span>
                          }
                        </dd>
                      </div>
                      <div>
                        <dt>{{ 'goals.overview.target' | transloco }}</dt>
                        <dd>{{ figure(goal, total.target) }} ({{ period(goal.targetPeriod) }})</dd>
                      </div>
                      <div>
                        <dt>{{ 'goals.overview.baseline' | transloco }}</dt>
                        <dd>{{ figure(goal, total.baseline) }} ({{ period(goal.baselinePeriod) }})</dd>
                      </div>
                      <div>
                        <dt>{{ 'goals.overview.expected' | transloco }}</dt>
                        <dd>{{ figure(goal, total.expected) }}</dd>
                      </div>
                    </dl>
                    <p class="ks-muted ks-goal-card__target">{{ target(goal) }}</p>
                    @let behind = behindOf(goal);
                    @if (behind.length) {
                      <p class="ks-goal-card__behind-heading">{{ 'goals.overview.behind' | transloco }}</p>
                      <ul class="ks-goal-card__behind" data-testid="furthest-behind">
                        @for (member of behind; track member.areaCode) {
                          <li>
                            {{ member.areaName }}:
                            <ks-goal-status [status]="member.status" />
                          </li>
                        }
                      </ul>
                    } @else {
                      <p>{{ 'goals.overview.noneBehind' | transloco }}</p>
                    }
                  } @else {
                    <p>{{ 'goals.overview.noProgress' | transloco }}</p>
                  }
                </li>
              }
            </ul>
          } @else {
            <p class="ks-card" data-testid="no-active-goals">{{ 'goals.overview.noActive' | transloco }}</p>
          }
        </section>

        @if (permissions().canManage) {
          <section class="ks-section" aria-labelledby="goals-drafts-heading">
            <h2 id="goals-drafts-heading">{{ 'goals.overview.drafts' | transloco }}</h2>
            @if (drafts().length) {
              <ul class="ks-plain-list" data-testid="draft-goals">
                @for (goal of drafts(); track goal.id) {
                  <li>
                    <a [routerLink]="['/s', slug(), 'mal', goal.id]">{{ goal.title }}</a>
                    <span class="ks-muted"> · {{ target(goal) }}</span>
                  </li>
                }
              </ul>
            } @else {
              <p>{{ 'goals.overview.noDrafts' | transloco }}</p>
            }
          </section>
        }

        @if (ended().length) {
          <section class="ks-section" aria-labelledby="goals-ended-heading">
            <h2 id="goals-ended-heading">{{ 'goals.overview.ended' | transloco }}</h2>
            <ul class="ks-plain-list">
              @for (goal of ended(); track goal.id) {
                <li>
                  <a [routerLink]="['/s', slug(), 'mal', goal.id]">{{ goal.title }}</a>
                  <span class="ks-muted"> · {{ 'goals.state.' + goal.status | transloco }}</span>
                </li>
              }
            </ul>
          </section>
        }
      }
    </ks-page-state>
  `,
  styles: `
    .ks-goal-cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
      gap: 1rem;
    }
    .ks-goal-card h3 {
      margin: 0 0 0.5rem;
    }
    .ks-goal-card__figures {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.5rem 1rem;
      margin: 0.5rem 0;
      dt {
        font-size: 0.875rem;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
    }
    .ks-goal-card__behind-heading {
      margin: 0.5rem 0 0.25rem;
      font-weight: 600;
    }
    .ks-goal-card__behind {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class GoalOverviewPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly goalService = inject(GoalService);
  private readonly indicators = inject(IndicatorService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    this.slug,
    (slug) =>
      this.collaborations
        .collaborationAnd(
          slug,
          (collaboration) =>
            forkJoin({
              goals: this.goalService.goals(collaboration),
              catalogue: this.indicators.indicators(collaboration),
            }),
          { fresh: true },
        )
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;
  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  readonly permissions = computed(() => goalPermissions(this.data()?.collaboration.myPermissions));
  readonly active = computed(() => this.data()?.goals.filter((goal) => goal.status === 'ACTIVE') ?? []);
  readonly drafts = computed(() => this.data()?.goals.filter((goal) => goal.status === 'DRAFT') ?? []);
  readonly ended = computed(
    () => this.data()?.goals.filter((goal) => goal.status !== 'ACTIVE' && goal.status !== 'DRAFT') ?? [],
  );

  private unit(goal: GoalSummary): string {
    return goalIndicator(this.data()?.catalogue ?? [], goal.indicatorCode).unit;
  }

  figure(goal: GoalSummary, quantity: Parameters<typeof formatQuantity>[0]): string {
    return (
      formatQuantity(quantity, this.unit(goal), this.language()) ||
      this.transloco.translate('goals.value.missing')
    );
  }

  target(goal: GoalSummary): string {
    return targetText(goal, this.unit(goal), this.language(), (key, params) =>
      this.transloco.translate(key, params),
    );
  }

  period(code: string): string {
    return periodLabel(code, this.language());
  }

  behindOf(goal: GoalSummary) {
    return furthestBehind(goal.progress?.members ?? []);
  }
}
