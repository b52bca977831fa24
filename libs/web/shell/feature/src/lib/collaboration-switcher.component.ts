import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

export interface SwitcherItem {
  slug: string;
  name: string;
}

/**
 * Moves between the collaborations the user belongs to. A menu of links rather than a
 * select: choosing with the arrow keys in a select would navigate on every key press.
 */
@Component({
  selector: 'ks-collaboration-switcher',
  imports: [MatButton, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="ks-topbar__button"
      [matMenuTriggerFor]="menu"
      data-testid="collaboration-switcher"
    >
      <span class="ks-visually-hidden">{{ 'shell.switcher.label' | transloco }}:</span>
      {{ current()?.name ?? ('shell.switcher.choose' | transloco) }}
      <span aria-hidden="true">▾</span>
    </button>
    <!-- The items are made when the menu opens (matMenuContent), not with every page's frame. -->
    <mat-menu #menu="matMenu">
      <ng-template matMenuContent>
        @for (item of items(); track item.slug) {
          <a
            mat-menu-item
            [routerLink]="['/s', item.slug]"
            [attr.aria-current]="item.slug === currentSlug() ? 'page' : null"
          >
            {{ item.name }}
            @if (item.slug === currentSlug()) {
              <span class="ks-visually-hidden">({{ 'shell.switcher.current' | transloco }})</span>
            }
          </a>
        }
      </ng-template>
    </mat-menu>
  `,
})
export class CollaborationSwitcherComponent {
  readonly items = input.required<readonly SwitcherItem[]>();
  readonly currentSlug = input<string | null>(null);
  readonly current = computed(() => this.items().find((item) => item.slug === this.currentSlug()) ?? null);
}
