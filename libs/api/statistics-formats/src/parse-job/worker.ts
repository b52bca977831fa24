import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ParsedFile } from '../model';
import { runParseJob, type ParseJob } from './parse-job';

/** What a parse worker sends its parent. */
export type ParseWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'observations'; items: ParsedFile['observations'] }
  | { type: 'problems'; items: ParsedFile['problems'] }
  | { type: 'done'; format: ParsedFile['format']; meta: ParsedFile['meta'] };

// Results go back in slices: the parent deserialises each message in one go, so one
// message with a national file's observations would block its event loop for as long.
const SLICE = 10_000;

/**
 * The body of a parse worker thread (see {@link parseInWorker}): reads the job it was
 * started with and posts the result back in slices. An exception ends the thread and
 * reaches the parent as the worker's `error` event.
 */
export async function serveParseJob(): Promise<void> {
  if (isMainThread || !parentPort) throw new Error('serveParseJob runs in a worker thread');
  const port = parentPort;
  const post = (message: ParseWorkerMessage) => port.postMessage(message);
  const parsed = await runParseJob(workerData as ParseJob, (fraction) =>
    post({ type: 'progress', fraction }),
  );
  for (let i = 0; i < parsed.observations.length; i += SLICE)
    post({ type: 'observations', items: parsed.observations.slice(i, i + SLICE) });
  for (let i = 0; i < parsed.problems.length; i += SLICE)
    post({ type: 'problems', items: parsed.problems.slice(i, i + SLICE) });
  post({ type: 'done', format: parsed.format, meta: parsed.meta });
}
