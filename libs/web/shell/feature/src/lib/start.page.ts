import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { ErrorStateComponent, LoadingStateComponent } from '@kraftsamling/web/shared/ui';

/** "You are not a member of any collaboration yet", or why `me` could not be loaded. */
@Component({
  selector: 'ks-start-page',
  imports: [TranslocoPipe, LoadingStateComponent, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let state = meStore.state();
    @if (state.status === 'loading') {
      <ks-loading-state />
    } @else if (state.status === 'error') {
      <h1>{{ 'app.name' | transloco }}</h1>
      <ks-error-state [messageKey]="state.error.messageKey" (retry)="retry()" />
    } @else {
      <h1>{{ 'start.noCollaboration.heading' | transloco }}</h1>
      <p data-testid="no-collaboration">{{ 'start.noCollaboration.text' | transloco }}</p>
      <p>{{ 'start.noCollaboration.whatToDo' | transloco: { email: email() } }}</p>
    }
  `,
})
export class StartPage {
  protected readonly meStore = inject(MeStore);
  private readonly router = inject(Router);
  readonly email = computed(() => this.meStore.me()?.email ?? '');

  async retry(): Promise<void> {
    const me = await this.meStore.load(true);
    const first = me?.access[0];
    if (first) await this.router.navigate(['/s', first.slug]);
  }
}
