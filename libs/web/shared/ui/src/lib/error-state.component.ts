import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** An error message that says what to do, with a retry button when the action can be retried. */
@Component({
  selector: 'ks-error-state',
  imports: [MatButton, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-error" role="alert">
      <p class="ks-error__message">{{ messageKey() | transloco }}</p>
      @if (retryable()) {
        <button mat-flat-button type="button" (click)="retry.emit()">{{ 'common.retry' | transloco }}</button>
      } @else if (homeLink()) {
        <a routerLink="/">{{ 'notFound.home' | transloco }}</a>
      }
    </div>
  `,
  styles: `
    .ks-error {
      border-inline-start: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding: 1rem;
      border-radius: 4px;
      margin: 1rem 0;
    }
    .ks-error__message {
      margin: 0 0 0.75rem;
    }
  `,
})
export class ErrorStateComponent {
  readonly messageKey = input.required<string>();
  readonly retryable = input(true);
  /** Without a retry, offer the way back to the start page instead. */
  readonly homeLink = input(false);
  readonly retry = output<void>();
}
