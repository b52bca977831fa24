// Entry of the worker threads that read import files (bundled beside main.js as
// parse-worker.js; see parseFilesInWorkers in the indicators library).
import { serveParseJob } from '@kraftsamling/api/statistics-formats';

await serveParseJob();
