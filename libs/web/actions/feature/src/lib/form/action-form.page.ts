import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActionDetail, ActionService } from '@kraftsamling/web/actions/data-access';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { forkJoin, map, of } from 'rxjs';
import { ActionEditorComponent } from './action-editor.component';

/**
 * Creates an action in a group (/s/:slug/grupper/:groupId/ny-insats) or changes one
 * (/s/:slug/insatser/:actionId/redigera): loads what the form offers, then hands over to the
 * editor; after a save the action's page shows it.
 */
@Component({
  selector: 'ks-action-form-page',
  imports: [TranslocoPipe, PageStateComponent, ActionEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      [headingKey]="actionId() ? 'actions.edit.heading' : 'actions.create.heading'"
      loadingKey="actions.form.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @let data = current.data;
        <div class="ks-page-header">
          <h1>{{ (actionId() ? 'actions.edit.heading' : 'actions.create.heading') | transloco }}</h1>
        </div>
        <ks-action-editor
          [collaboration]="data.collaboration"
          [actionTypes]="data.actionTypes"
          [goals]="data.goals"
          [action]="data.action"
          [groupId]="data.action?.groupId ?? groupId() ?? ''"
          (saved)="saved($event)"
        />
      }
    </ks-page-state>
  `,
})
export class ActionFormPage {
  readonly slug = input.required<string>();
  /** The group of a new action. */
  readonly groupId = input<string>();
  /** The action to change. */
  readonly actionId = input<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly actions = inject(ActionService);
  private readonly router = inject(Router);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), actionId: this.actionId() }),
    ({ slug, actionId }) =>
      this.collaborations
        .collaborationAnd(slug, (collaboration) =>
          forkJoin({
            choices: this.actions.formChoices(collaboration),
            action: actionId
              ? this.actions.action(collaboration, actionId).pipe(map((detail) => detail.action))
              : of(null),
          }),
        )
        .pipe(map(({ collaboration, data: { choices, action } }) => ({ collaboration, ...choices, action }))),
    (data) => this.titles?.setDetail(data.action?.title ?? data.collaboration.name),
  );
  readonly state = this.page.state;

  saved(action: ActionDetail): void {
    void this.router.navigate(['/s', this.slug(), 'insatser', action.id], { state: { saved: true } });
  }
}
