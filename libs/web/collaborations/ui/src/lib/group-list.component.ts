import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

export interface GroupItem {
  id: string;
  name: string;
  kind: string;
  focusArea: string | null;
  /** A pending invitation has no user yet, only the name the coordinator gave. */
  members: readonly {
    id: string;
    role: string;
    pending: boolean;
    user: { id: string; name: string } | null;
    invitation: { name: string } | null;
  }[];
}

/** The steering group and the operational groups, each with its focus area and members. */
@Component({
  selector: 'ks-group-list',
  imports: [TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{{ 'collaboration.groups.heading' | transloco }}</h2>
      @if (groups().length) {
        <div class="ks-groups">
          @for (group of groups(); track group.id) {
            <article class="ks-card" [attr.aria-labelledby]="'group-' + group.id">
              <h3 [id]="'group-' + group.id">{{ group.name }}</h3>
              <p class="ks-muted">{{ 'groupKinds.' + group.kind | transloco }}</p>
              @if (slug()) {
                <p>
                  <a [routerLink]="['/s', slug(), 'grupper', group.id]" data-testid="group-page-link">
                    {{ 'collaboration.groups.open' | transloco: { group: group.name } }}
                  </a>
                </p>
              }
              <p>
                <span class="ks-strong">{{ 'collaboration.groups.focusArea' | transloco }}:</span>
                {{ group.focusArea || ('collaboration.groups.noFocusArea' | transloco) }}
              </p>
              <h4>{{ 'collaboration.groups.members' | transloco }}</h4>
              @if (group.members.length) {
                <ul role="list" class="ks-plain-list">
                  @for (member of group.members; track member.id) {
                    <li>
                      {{ member.user?.name ?? member.invitation?.name }}
                      @if (member.pending) {
                        <span class="ks-muted"> ({{ 'collaboration.groups.pending' | transloco }})</span>
                      }
                      <span class="ks-muted"> – {{ 'roles.' + member.role | transloco }}</span>
                    </li>
                  }
                </ul>
              } @else {
                <p>{{ 'collaboration.groups.noMembers' | transloco }}</p>
              }
            </article>
          }
        </div>
      } @else {
        <p>{{ 'collaboration.groups.none' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .ks-groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 1rem;
    }
    h3 {
      margin: 0 0 0.25rem;
    }
    h4 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
  `,
})
export class GroupListComponent {
  readonly groups = input.required<readonly GroupItem[]>();
  /** The collaboration's address, for the links to each group's page; no links without it. */
  readonly slug = input<string>();
}
