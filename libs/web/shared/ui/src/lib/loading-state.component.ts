import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/** A spinner with a text that screen readers announce politely. */
@Component({
  selector: 'ks-loading-state',
  imports: [MatProgressSpinner, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-loading" role="status" aria-live="polite">
      <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
      <span>{{ labelKey() | transloco }}</span>
    </div>
  `,
  styles: `
    .ks-loading {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 1.5rem 0;
    }
  `,
})
export class LoadingStateComponent {
  readonly labelKey = input('common.loading');
}
