import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CollaborationDetail, CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  Indicator,
  IndicatorService,
  indicatorName,
  indicatorPermissions,
  localIndicatorsOf,
} from '@kraftsamling/web/indicators/data-access';
import {
  IndicatorActionsDirective,
  IndicatorTableComponent,
  injectLanguage,
} from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { Observable, map, of, switchMap } from 'rxjs';
import { IndicatorNoAccessPage } from '../shared/indicator-no-access.page';
import { CreateLocalIndicatorFormComponent } from './create-local-indicator-form.component';
import {
  EditLocalIndicatorDialogComponent,
  EditLocalIndicatorDialogData,
  EditLocalIndicatorResult,
} from './edit-local-indicator-dialog.component';

interface LocalIndicatorsData {
  collaboration: CollaborationDetail;
  /** Empty when the user may not manage them (the page says so instead). */
  indicators: Indicator[];
  canManage: boolean;
}

/**
 * A collaboration's own indicators, for coordinators: the list, a form to add one, and
 * an edit dialog per indicator. The route already sends other users to "no access"; the
 * page says the same if the permissions it loads do not cover it (the API refuses anyway).
 */
@Component({
  selector: 'ks-local-indicators-page',
  imports: [
    RouterLink,
    MatButton,
    TranslocoPipe,
    PageStateComponent,
    IndicatorActionsDirective,
    IndicatorTableComponent,
    IndicatorNoAccessPage,
    CreateLocalIndicatorFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="localIndicators.heading"
      loadingKey="localIndicators.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @if (!current.data.canManage) {
          <ks-indicator-no-access-page [slug]="slug()" reasonKey="indicators.noAccess.manage" />
        } @else {
          @let data = current.data;
          <div class="ks-page-header">
            <h1>{{ 'localIndicators.heading' | transloco }}</h1>
            <p class="ks-lead">{{ 'localIndicators.lead' | transloco }}</p>
            <p>
              <a [routerLink]="['/s', data.collaboration.slug, 'nyckeltal']">{{
                'indicators.indicator.back' | transloco
              }}</a>
            </p>
          </div>

          <p role="status" class="ks-local-status" data-testid="local-indicators-status">{{ status() }}</p>

          <section class="ks-section" aria-labelledby="local-indicators-heading">
            <h2 id="local-indicators-heading">
              {{ 'localIndicators.list.heading' | transloco: { count: indicators().length } }}
            </h2>
            @if (indicators().length) {
              <ks-indicator-table
                [indicators]="indicators()"
                [slug]="data.collaboration.slug"
                [caption]="
                  'localIndicators.list.caption' | transloco: { collaboration: data.collaboration.name }
                "
                [columns]="['direction']"
                nameHeadingKey="localIndicators.list.name"
                testId="local-indicator-table"
              >
                <ng-template
                  ksIndicatorActions
                  [ksIndicatorActionsOf]="indicators()"
                  let-indicator
                  let-name="name"
                >
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="edit(indicator)"
                    [attr.aria-label]="'localIndicators.edit.actionFor' | transloco: { name }"
                  >
                    {{ 'localIndicators.edit.action' | transloco }}
                  </button>
                </ng-template>
              </ks-indicator-table>
            } @else {
              <p class="ks-card" data-testid="local-indicators-none">
                {{ 'localIndicators.list.none' | transloco }}
              </p>
            }

            <ks-create-local-indicator-form
              [collaborationId]="data.collaboration.id"
              (created)="onCreated($event)"
            />
          </section>
        }
      }
    </ks-page-state>
  `,
  styles: `
    /* Empty but still rendered: a live region must exist before its message arrives. */
    .ks-local-status:empty {
      margin: 0;
    }
    code {
      font-size: 0.875em;
      white-space: nowrap;
    }
  `,
})
export class LocalIndicatorsPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly service = inject(IndicatorService);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    this.slug,
    (slug): Observable<LocalIndicatorsData> =>
      this.collaborations.collaboration(slug, true).pipe(
        switchMap((collaboration) => {
          const canManage = indicatorPermissions(collaboration.myPermissions).canManage;
          const indicators = canManage ? this.service.indicators(collaboration.id, 'LOCAL') : of([]);
          return indicators.pipe(map((list) => ({ collaboration, indicators: list, canManage })));
        }),
      ),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;
  /** The last change, said in the page's status region (read out by screen readers). */
  readonly status = signal('');
  readonly indicators = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? localIndicatorsOf(state.data.indicators, this.language()) : [];
  });

  name(indicator: Indicator): string {
    return indicatorName(indicator, this.language());
  }

  onCreated(indicator: Indicator): void {
    this.announce('localIndicators.create.success', indicator);
    this.page.reload();
  }

  edit(indicator: Indicator): void {
    const state = this.state();
    if (state.status !== 'ready') return;
    this.status.set('');
    this.dialog
      .open<EditLocalIndicatorDialogComponent, EditLocalIndicatorDialogData, EditLocalIndicatorResult>(
        EditLocalIndicatorDialogComponent,
        {
          data: { collaborationId: state.data.collaboration.id, indicator },
          width: '40rem',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.announce('localIndicators.edit.success', changed);
        // Reload also after a cancel: a conflict in the dialog means the list on screen is stale.
        this.page.reload();
      });
  }

  private announce(key: string, indicator: Indicator): void {
    this.status.set(this.transloco.translate(key, { name: this.name(indicator) }));
  }
}
