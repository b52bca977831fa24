import { nextTask } from './next-task';

/**
 * Imports `earlier` one after the other, each evaluated in a task of its own, then `last`. A
 * module graph is evaluated in one task when its last script has arrived: the whole signed-in
 * application at once, the longest task of the return from the login after Angular's start.
 * Imported first, a part of it (Angular's own packages) is evaluated apart, and the rest
 * finds it done.
 */
export async function importInStages<T>(
  earlier: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
): Promise<T> {
  for (const stage of earlier) {
    await stage();
    await nextTask();
  }
  return last();
}
