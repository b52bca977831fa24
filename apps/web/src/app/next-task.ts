/**
 * Resolves in a later task (a timer), not a microtask: the browser may paint and answer
 * input in between, so a long start becomes several shorter stretches of the main thread.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
