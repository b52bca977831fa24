import { Worker } from 'node:worker_threads';
import type { ParsedFile } from '../model';
import type { ParseJob } from './parse-job';
import type { ParseWorkerMessage } from './worker';

export interface ParseInWorkerOptions {
  onProgress?: (fraction: number) => void;
  /** the worker's heap limit; a file that needs more is refused, the API lives on. Default 2 048 MB. */
  maxHeapMb?: number;
}

/** The format a refused file is reported under when the worker could not say. */
function formatOf(job: ParseJob): ParsedFile['format'] {
  switch (job.source) {
    case 'AF':
      return 'AF_WORKBOOK';
    case 'SCB':
      return 'JSON_STAT_2';
    case 'KOLADA':
      return 'KOLADA';
    case 'TEMPLATE':
      return job.bytes[0] === 0x50 && job.bytes[1] === 0x4b ? 'TEMPLATE_XLSX' : 'TEMPLATE_CSV';
  }
}

/**
 * Reads a file in a worker thread of its own, started from `workerFile` (a script that
 * calls `serveParseJob`), so that parsing a large or hostile file never holds up the
 * event loop that answers every other request, and a file that needs more memory than
 * `maxHeapMb` ends only its worker. The job's bytes are copied to the worker.
 */
export function parseInWorker(
  workerFile: string | URL,
  job: ParseJob,
  options: ParseInWorkerOptions = {},
): Promise<ParsedFile> {
  return new Promise<ParsedFile>((resolve, reject) => {
    const observations: ParsedFile['observations'] = [];
    const problems: ParsedFile['problems'] = [];
    let settled = false;
    const worker = new Worker(workerFile, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
    });
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: ParseWorkerMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.fraction);
          break;
        case 'observations':
          for (const item of message.items) observations.push(item);
          break;
        case 'problems':
          for (const item of message.items) problems.push(item);
          break;
        case 'done':
          settle(() => resolve({ format: message.format, observations, problems, meta: message.meta }));
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() =>
          resolve({
            format: formatOf(job),
            observations: [],
            problems: [
              {
                location: {},
                message: `the file needs more memory to read than one import may use (${options.maxHeapMb ?? 2048} MiB); split it into smaller files`,
              },
            ],
            meta: {},
          }),
        );
      } else settle(() => reject(error));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`the parse worker stopped (exit code ${code}) before it finished`)));
    });
  });
}
