import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown instead of a goal page the user's permissions do not cover; says who may use it. */
@Component({
  selector: 'ks-goal-no-access-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'goals.noAccess.heading' | transloco }}</h1>
    <p data-testid="no-access">{{ 'goals.noAccess.manage' | transloco }}</p>
    <p>
      <a [routerLink]="['/s', slug(), 'mal']">{{ 'goals.noAccess.back' | transloco }}</a>
    </p>
  `,
})
export class GoalNoAccessPage {
  readonly slug = input.required<string>();
}
