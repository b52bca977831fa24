import { DestroyRef, PendingTasks, Signal, computed, effect, inject, linkedSignal } from '@angular/core';

export interface SliceSizes {
  /** how many items are drawn at once */
  first: number;
  /** how many more each later task draws */
  step: number;
}

/** Five at once, five more a task: a few milliseconds of a phone's main thread each. */
export const DEFAULT_SLICES: SliceSizes = { first: 5, step: 5 };

/**
 * How many of a list's items to draw now: `first` at once, then `step` more in each later
 * task until `count()` are drawn, and from `first` again whenever `restart()` changes (a new
 * list). A long list is then drawn in several short tasks instead of one long one: the first
 * items show sooner, and a tap or a key press in between is answered (on a phone, drawing 15
 * catalogue cards at once held the main thread for a quarter of a second).
 *
 * The application counts as busy until the list is drawn (PendingTasks), so `whenStable()`
 * waits for it. Call it in an injection context (a component's field).
 */
export function drawInSlices(
  count: () => number,
  restart: () => unknown,
  sizes: SliceSizes = DEFAULT_SLICES,
): Signal<number> {
  const pendingTasks = inject(PendingTasks);
  // A computed key: linkedSignal would start again on every change its source reads, even one
  // that leaves the key as it was (a reload's new data under the same status).
  const key = computed(restart);
  const drawn = linkedSignal<unknown, number>({ source: key, computation: () => sizes.first });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy: (() => void) | undefined;
  const idle = () => {
    busy?.();
    busy = undefined;
  };
  effect(() => {
    if (drawn() >= count()) {
      idle();
      return;
    }
    if (timer !== undefined) return;
    busy ??= pendingTasks.add();
    timer = setTimeout(() => {
      timer = undefined;
      drawn.update((n) => n + sizes.step);
    });
  });
  inject(DestroyRef).onDestroy(() => {
    clearTimeout(timer);
    idle();
  });
  return computed(() => Math.min(count(), drawn()));
}

/**
 * False at first and whenever `restart()` changes (new data), true from a task later: for
 * the part of a component drawn after the rest, so that each drawing is a shorter task. The
 * application counts as busy until then. Call it in an injection context.
 */
export function drawnInNextTask(restart: () => unknown = () => null): Signal<boolean> {
  const drawn = drawInSlices(() => 1, restart, { first: 0, step: 1 });
  return computed(() => drawn() === 1);
}
