import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown instead of an indicator page the user's permissions do not cover; says who may use it. */
@Component({
  selector: 'ks-indicator-no-access-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'indicators.noAccess.heading' | transloco }}</h1>
    <p data-testid="no-access">{{ reasonKey() | transloco }}</p>
    <p>{{ 'indicators.noAccess.whatToDo' | transloco }}</p>
    <p>
      <a [routerLink]="['/s', slug(), 'nyckeltal']">{{ 'indicators.noAccess.back' | transloco }}</a>
    </p>
  `,
})
export class IndicatorNoAccessPage {
  readonly slug = input.required<string>();
  /** From the route's data: which page, and who may use it. */
  readonly reasonKey = input('indicators.noAccess.import');
}
