import { Observable, firstValueFrom, of, throwError } from 'rxjs';
import { ReadAhead } from './read-ahead';

/** A read that counts how often it went to the server. */
function counted<T>(value: T): { read: () => Observable<T>; asked: () => number } {
  let asked = 0;
  return {
    read: () =>
      new Observable<T>((subscriber) => {
        asked++;
        subscriber.next(value);
        subscriber.complete();
      }),
    asked: () => asked,
  };
}

describe('ReadAhead', () => {
  it('asks at once, and the first read of the same kind and key takes that answer', async () => {
    const reads = new ReadAhead();
    const series = counted('series of A');
    reads.start('series', 'fh|A', series.read());
    expect(series.asked()).toBe(1);

    await expect(firstValueFrom(reads.take('series', 'fh|A', series.read))).resolves.toBe('series of A');
    expect(series.asked()).toBe(1);
  });

  it('is taken once: the next read asks the server again', async () => {
    const reads = new ReadAhead();
    const series = counted('series');
    reads.start('series', 'fh|A', series.read());
    await firstValueFrom(reads.take('series', 'fh|A', series.read));
    await firstValueFrom(reads.take('series', 'fh|A', series.read));
    expect(series.asked()).toBe(2);
  });

  it('asks anew for another key, and drops the read ahead', async () => {
    const reads = new ReadAhead();
    const ahead = counted('series of A');
    const other = counted('series of B');
    reads.start('series', 'fh|A', ahead.read());
    await expect(firstValueFrom(reads.take('series', 'fh|B', other.read))).resolves.toBe('series of B');
    await expect(firstValueFrom(reads.take('series', 'fh|A', ahead.read))).resolves.toBe('series of A');
    expect(ahead.asked()).toBe(2);
  });

  it('asks anew when the read ahead was not taken soon (a guard sent the page elsewhere)', async () => {
    let now = 1_000;
    const reads = new ReadAhead(30_000, () => now);
    const series = counted('series');
    reads.start('series', 'fh|A', series.read());
    now += 30_001;
    await firstValueFrom(reads.take('series', 'fh|A', series.read));
    expect(series.asked()).toBe(2);
  });

  it('keeps each kind apart', async () => {
    const reads = new ReadAhead();
    const series = counted('series');
    const region = counted('region');
    reads.start('series', 'fh|A', series.read());
    reads.start('region', 'fh|A', region.read());
    await firstValueFrom(reads.take('series', 'fh|A', series.read));
    await firstValueFrom(reads.take('region', 'fh|A', region.read));
    expect([series.asked(), region.asked()]).toEqual([1, 1]);
  });

  it('gives a failed read ahead to the reader that takes it, and nothing unhandled before', async () => {
    const reads = new ReadAhead();
    reads.start(
      'series',
      'fh|A',
      throwError(() => new Error('the API is down')),
    );
    await expect(firstValueFrom(reads.take('series', 'fh|A', () => of('never')))).rejects.toThrow(
      'the API is down',
    );
  });
});
