import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** "My roles": the roles the user holds in this collaboration, translated. */
@Component({
  selector: 'ks-role-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="my-roles-heading">
      <h2 id="my-roles-heading">{{ 'collaboration.myRoles.heading' | transloco }}</h2>
      @if (roles().length) {
        <ul role="list" class="ks-chips" data-testid="my-roles">
          @for (role of roles(); track role) {
            <li class="ks-chip">{{ 'roles.' + role | transloco }}</li>
          }
        </ul>
      } @else {
        <p>{{ 'collaboration.myRoles.none' | transloco }}</p>
      }
    </section>
  `,
})
export class RoleListComponent {
  readonly roles = input.required<readonly string[]>();
}
