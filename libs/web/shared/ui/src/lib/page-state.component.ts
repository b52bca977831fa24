import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LoadState, isRetryable } from '@kraftsamling/web/shared/errors';
import { ErrorStateComponent } from './error-state.component';
import { LoadingStateComponent } from './loading-state.component';

/**
 * What a routed page shows for its LoadState (from `loadOnChange`): a spinner while it
 * loads, its heading and the error with a retry (or the way to the start page when trying
 * again cannot help), and its content once the data is there.
 *
 * The content is projected, so the page keeps its own typed access to the data:
 *
 * ```html
 * @let current = state();
 * <ks-page-state [state]="current" headingKey="x.heading" loadingKey="x.loading" (retry)="page.reload(false)">
 *   @if (current.status === 'ready') { …current.data… }
 * </ks-page-state>
 * ```
 *
 * Content marked `ksPageError` is shown below the error (a link back, say).
 */
@Component({
  selector: 'ks-page-state',
  imports: [TranslocoPipe, LoadingStateComponent, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The page lays out its content as if this element were not there.
  host: { style: 'display: contents' },
  template: `
    @let current = state();
    @if (current.status === 'loading') {
      <ks-loading-state [labelKey]="loadingKey()" />
    } @else if (current.status === 'error') {
      @if (headingKey(); as heading) {
        <h1>{{ heading | transloco }}</h1>
      }
      <ks-error-state
        [messageKey]="current.error.messageKey"
        [retryable]="retryable()"
        [homeLink]="homeLink()"
        (retry)="retry.emit()"
      />
      <ng-content select="[ksPageError]" />
    } @else {
      <ng-content />
    }
  `,
})
export class PageStateComponent {
  readonly state = input.required<LoadState<unknown>>();
  /** The page's heading, shown above the error so the page still says where the user is. */
  readonly headingKey = input<string | null>(null);
  readonly loadingKey = input('common.loading');
  /** When retrying cannot help (not found, no access), offer the start page instead. */
  readonly homeLink = input(true);
  /** Load again (show the spinner): `page.reload(false)`. */
  readonly retry = output<void>();

  protected readonly retryable = computed(() => {
    const current = this.state();
    return current.status === 'error' && isRetryable(current.error);
  });
}
