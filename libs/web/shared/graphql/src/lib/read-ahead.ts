import { Observable, defer, shareReplay } from 'rxjs';

/**
 * Reads asked for before the code that needs them exists. On a page load the application asks
 * for the page's data while Angular itself still starts (apps/web's signed-in-app.ts), instead
 * of when the page is made a few hundred milliseconds later: on a phone the round trip then
 * runs beside the start's work instead of after it. The page's own first read of the same
 * thing takes the answer under way (or already there) instead of asking again.
 *
 * One read ahead per kind. Taken once: a read of that kind with another key (another
 * indicator) asks the server itself, and the read ahead is dropped. One that no page took
 * soon (a guard sent the person elsewhere) is not given to a later read: that one might show
 * figures changed since.
 */
export class ReadAhead {
  private readonly ahead = new Map<string, { key: string; read: Observable<unknown>; at: number }>();

  /** `maxAgeMs`: how long after it was asked for a read ahead may still be taken. */
  constructor(
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts `read` now, kept for the first `take` of `kind` with the same key. */
  start<T>(kind: string, key: string, read: Observable<T>): void {
    const shared = read.pipe(shareReplay({ bufferSize: 1, refCount: false }));
    // Its error is the page's to show when it takes it, not an unhandled one now.
    shared.subscribe({ error: () => undefined });
    this.ahead.set(kind, { key, read: shared, at: this.now() });
  }

  /** The read ahead of `kind` when it was for `key`, else `read()`; either way the one ahead is used up. */
  take<T>(kind: string, key: string, read: () => Observable<T>): Observable<T> {
    return defer(() => {
      const ahead = this.ahead.get(kind);
      this.ahead.delete(kind);
      const fresh = ahead && ahead.key === key && this.now() - ahead.at <= this.maxAgeMs;
      return fresh ? (ahead.read as Observable<T>) : read();
    });
  }
}
