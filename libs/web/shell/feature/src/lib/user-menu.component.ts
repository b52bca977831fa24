import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';

/** The logged-in user's name, opening a menu with "Log out". */
@Component({
  selector: 'ks-user-menu',
  imports: [MatButton, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="ks-topbar__button"
      [matMenuTriggerFor]="menu"
      data-testid="user-menu"
    >
      <span class="ks-visually-hidden">{{ 'shell.userMenu.label' | transloco }}:</span>
      {{ name() }}
      <span aria-hidden="true">▾</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <ng-template matMenuContent>
        <button mat-menu-item type="button" (click)="logout.emit()" data-testid="logout">
          {{ 'shell.userMenu.logout' | transloco }}
        </button>
      </ng-template>
    </mat-menu>
  `,
})
export class UserMenuComponent {
  readonly name = input.required<string>();
  readonly logout = output<void>();
}
