import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The answers worth compressing: JSON, GraphQL's included. */
const JSON_ANSWER = /^application\/(json|graphql-response\+json)\b/i;

/**
 * Whether an answer is compressed on the fly: JSON answers only. A computed catalogue is
 * 190 KiB of JSON, 18 seconds' worth of a phone's slow connection per megabyte; gzipped a
 * tenth of it. Not the import's NDJSON progress, which must reach the browser line by line
 * (a compressor holds lines back until its buffer fills), nor files (the web app's are
 * compressed at build time, downloads are XLSX or CSV attachments). An answer the cached reads
 * already gzipped says so in Content-Encoding and is left alone by the middleware itself.
 */
export const compressesAnswer = (_request: IncomingMessage, response: ServerResponse): boolean =>
  JSON_ANSWER.test(String(response.getHeader('content-type') ?? ''));

/** gzip or Brotli as the client accepts, for answers `compressesAnswer` chooses. */
export const compressJsonAnswers = () => compression({ filter: compressesAnswer });
