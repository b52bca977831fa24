import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown instead of a page the user's roles do not give access to. */
@Component({
  selector: 'ks-no-access-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'noAccess.heading' | transloco }}</h1>
    <p data-testid="no-access">{{ 'noAccess.text' | transloco }}</p>
    <p>{{ 'noAccess.whatToDo' | transloco }}</p>
    <p>
      <a [routerLink]="['/s', slug()]">{{ 'noAccess.back' | transloco }}</a>
    </p>
  `,
})
export class NoAccessPage {
  readonly slug = input.required<string>();
}
