export * from './parse-job';
export { serveParseJob, type ParseWorkerMessage } from './worker';
export { parseInWorker, type ParseInWorkerOptions } from './worker-client';
