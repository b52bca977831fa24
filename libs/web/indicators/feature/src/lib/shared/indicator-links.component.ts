import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { indicatorPermissions } from '@kraftsamling/web/indicators/data-access';

/**
 * Links to entering values, importing, fetching official statistics (stewards) and the collaboration's local indicators, each only
 * for users whose permissions cover it (a hint: the routes and the API check again).
 */
@Component({
  selector: 'ks-indicator-links',
  imports: [MatAnchor, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (allowed().canEnter || canImportAny() || allowed().canManage) {
      <ul role="list" class="ks-link-row">
        @if (allowed().canEnter) {
          <li>
            <a
              mat-stroked-button
              [routerLink]="['/s', slug(), 'nyckeltal', 'registrera']"
              data-testid="link-enter"
            >
              {{ 'indicators.actions.enter' | transloco }}
            </a>
          </li>
        }
        @if (canImportAny()) {
          <li>
            <a mat-stroked-button [routerLink]="['/s', slug(), 'import']" data-testid="link-import">
              {{ 'indicators.actions.import' | transloco }}
            </a>
          </li>
          <li>
            <a
              mat-stroked-button
              [routerLink]="['/s', slug(), 'import', 'historik']"
              data-testid="link-history"
            >
              {{ 'indicators.actions.history' | transloco }}
            </a>
          </li>
        }
        @if (allowed().canImportOfficial) {
          <li>
            <a
              mat-stroked-button
              [routerLink]="['/s', slug(), 'import', 'hamtningar']"
              data-testid="link-fetches"
            >
              {{ 'indicators.actions.fetches' | transloco }}
            </a>
          </li>
        }
        @if (allowed().canManage) {
          <li>
            <a
              mat-stroked-button
              [routerLink]="['/s', slug(), 'nyckeltal', 'egna']"
              data-testid="link-local-indicators"
            >
              {{ 'indicators.actions.local' | transloco }}
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .ks-link-row {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0;
      margin: 0;
    }
  `,
})
export class IndicatorLinksComponent {
  readonly slug = input.required<string>();
  readonly permissions = input.required<readonly string[]>();
  private readonly meStore = inject(MeStore);
  readonly allowed = computed(() =>
    indicatorPermissions(this.permissions(), this.meStore.me()?.platformPermissions),
  );
  /** The import pages serve both: the collaboration's local figures and (stewards) official statistics. */
  readonly canImportAny = computed(() => this.allowed().canImport || this.allowed().canImportOfficial);
}
