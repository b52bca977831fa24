import { DestroyRef, Signal, effect, inject, signal, untracked } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { LOADING, LoadState, toAppError } from '@kraftsamling/web/shared/errors';

/** What a page loads, as it loads, and a way to load it again. */
export interface PageLoad<T> {
  /** A spinner, the data, or the error (as an AppError), for the page's template. */
  readonly state: Signal<LoadState<T>>;
  /**
   * Loads again for the current key and drops a request still under way. `silent` (the
   * default, for after a change) keeps ready data on screen until the new data arrives;
   * `false` (a retry) shows the spinner.
   */
  reload(silent?: boolean): void;
}

/**
 * Loads what a routed page shows for its key (the slug in the address, say): at once, and
 * again whenever the key changes. The request for an earlier key is cancelled, so a slow
 * answer for the previous page never replaces the current one, and the last request is
 * cancelled when the page goes away. `onReady` runs after each successful load, with the
 * data already in `state`.
 *
 * It exists because every page repeated this loading code; one copy keeps cancelling,
 * the spinner and error handling the same on all of them. Call it in an injection context
 * (a field initializer or constructor): it uses `effect` and `DestroyRef`.
 */
export function loadOnChange<K, T>(
  key: () => K,
  request: (key: K) => Observable<T>,
  onReady?: (data: T) => void,
): PageLoad<T> {
  const state = signal<LoadState<T>>(LOADING);
  let subscription: Subscription | null = null;

  function load(value: K, silent: boolean): void {
    subscription?.unsubscribe();
    if (!silent || state().status !== 'ready') state.set(LOADING);
    subscription = request(value).subscribe({
      next: (data) => {
        state.set({ status: 'ready', data });
        onReady?.(data);
      },
      error: (error: unknown) => state.set({ status: 'error', error: toAppError(error) }),
    });
  }

  effect(() => {
    const value = key();
    untracked(() => load(value, false));
  });
  inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());

  return {
    state: state.asReadonly(),
    reload: (silent = true) => untracked(() => load(key(), silent)),
  };
}
