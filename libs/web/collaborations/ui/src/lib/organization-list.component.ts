import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

export interface OrganizationItem {
  id: string;
  name: string;
  properName: string;
  kind: string;
}

/** The organisations that are not municipalities: the employment agency and the partners. */
@Component({
  selector: 'ks-organization-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="organizations-heading">
      <h2 id="organizations-heading">{{ 'collaboration.organizations.heading' | transloco }}</h2>
      @if (organizations().length) {
        <ul
          role="list"
          class="ks-plain-list"
          data-testid="organization-list"
          aria-labelledby="organizations-heading"
        >
          @for (organization of organizations(); track organization.id) {
            <li>
              <span class="ks-strong">{{ organization.properName }}</span>
              @let kind = 'organizationKinds.' + organization.kind | transloco;
              <!-- "Arbetsförmedlingen – Arbetsförmedlingen" says nothing twice: the kind only when it adds something. -->
              @if (kind.toLocaleLowerCase('sv') !== organization.properName.toLocaleLowerCase('sv')) {
                <span class="ks-muted"> – {{ kind }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'collaboration.organizations.none' | transloco }}</p>
      }
    </section>
  `,
})
export class OrganizationListComponent {
  readonly organizations = input.required<readonly OrganizationItem[]>();
}
