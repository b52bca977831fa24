import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Shown instead of a page the user's roles do not give access to, at the same address (the
 * route after a `requirePermission` route). Routes pass their own reason through `data`.
 */
@Component({
  selector: 'ks-no-access-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'noAccess.heading' | transloco }}</h1>
    <p data-testid="no-access">{{ reason() | transloco }}</p>
    <p>{{ whatToDo() | transloco }}</p>
    <p>
      <a [routerLink]="['/s', slug()]">{{ 'noAccess.back' | transloco }}</a>
    </p>
  `,
})
export class NoAccessPage {
  readonly slug = input.required<string>();
  /**
   * Which page this is and who may use it (the default speaks of member management), and what
   * to do about it. Optional route data: the router's input binding sets an input the route
   * does not provide to undefined, so the defaults are applied here rather than on the input.
   */
  readonly reasonKey = input<string | undefined>();
  readonly whatToDoKey = input<string | undefined>();
  protected readonly reason = computed(() => this.reasonKey() ?? 'noAccess.text');
  protected readonly whatToDo = computed(() => this.whatToDoKey() ?? 'noAccess.whatToDo');
}
