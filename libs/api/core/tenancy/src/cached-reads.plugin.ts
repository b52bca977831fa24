import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { NextFunction, Request, Response } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import { gzip, gzipSync } from 'node:zlib';
import {
  RequestAuthenticator,
  type AccessTokenClaims,
  type AuthenticatedRequest,
} from '@kraftsamling/api/core/auth';
import { DataChangeFeed } from '@kraftsamling/api/core/database';

/**
 * Root query fields whose whole answer derives from tables the data-change feed covers
 * (values, indicators, import batches, source fetches, organisations, memberships, goals and
 * their check-ins, baseline changes, decisions, peer sets, actions) and from the date. Only operations made of these alone are cached.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  // the catalogue with its facts per indicator (a second to compute over every value)
  'indicators',
  'goals',
  'goal',
  'decisions',
  'regionSeries',
  'comparison',
  'similarMunicipalities',
  'peerSets',
  // the operational groups' actions (their history is the audit log, written in the same
  // transaction as every change of the action tables)
  'actions',
  'action',
  'actionTypes',
  'groupFeed',
  'outcomePeriodKind',
]);

const MAX_ENTRIES = 2000;

interface Answer {
  generation: number;
  status: number;
  contentType: string;
  body: Buffer;
  /** the body gzipped: made as it was first sent (a large answer), else once, off the event loop, for the next client that takes gzip */
  gzipped?: Buffer | Promise<void>;
}

/** Below this an answer is sent as it is: compressing would cost more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * From this size an answer is gzipped as it is first sent (CachedReadsMiddleware.captureAnswer).
 * Not from 1 KiB: gzipping every answer of a few KiB on the way out (a collaboration, 5 KiB)
 * made the soak's resident memory after collection grow 7.5 % in 4 minutes against 4.6 % with
 * this limit (docs/benchmarks.md), for a saving the phone simulation did not show.
 */
export const GZIP_AT_ONCE_FROM_BYTES = 16 * 1024;

/** Whether a client gets this body gzipped: it takes gzip, and the body is worth compressing. */
function worthGzipping(body: Buffer, request: Request): boolean {
  return (
    body.length >= COMPRESS_FROM_BYTES &&
    // No Accept-Encoding: plain, as every client expects in practice.
    !!request.headers['accept-encoding'] &&
    request.acceptsEncodings('gzip', 'identity') === 'gzip'
  );
}

/** What the middleware leaves on a request it could not answer, for the plugin and for itself. */
interface Candidate {
  key: string;
  /** The feed's generation before the request ran: an answer computed across a change is not kept. */
  generation: number;
  /** Set by the plugin once the operation turned out cacheable and answered without errors. */
  keep: boolean;
}

type RequestWithCandidate = AuthenticatedRequest & { cachedReadCandidate?: Candidate };

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

function cacheableRootFields(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      !selection.directives?.length &&
      CACHEABLE_ROOT_FIELDS.has(selection.name.value),
  );
}

// Overdue decisions and the expected value "today" change at midnight in Sweden, not with data.
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/**
 * The whole answers of the steering group's reads (goal progress, decisions, region
 * series), kept as the bytes the API sent, which change only when data (or the date) does.
 * Security invariants:
 * - the key holds the verified token's subject and realm roles, so an answer is only ever
 *   replayed to the user (with the rights) it was computed for, and the token is verified
 *   on every request, after the rate limiter counted it, before a replay;
 * - memberships are covered by the change feed, so a changed role drops every entry;
 * - nothing is cached while the feed is down, and an answer computed while a change
 *   arrived is not kept (the generation must be the same before and after);
 * - only an identical document is replayed, one that already passed validation, the
 *   request limits and every permission check for this user.
 */
@Injectable()
export class CachedReads {
  private readonly entries = new Map<string, Answer>();

  constructor(private readonly changes: DataChangeFeed) {}

  get generation(): number | null {
    return this.changes.generation;
  }

  /** `language`: the Accept-Language header, which names (action types) are given in. */
  keyOf(claims: AccessTokenClaims, accept: string, body: GraphQLBody, language = ''): string {
    return createHash('sha256')
      .update(claims.sub)
      .update('\0')
      .update([...(claims.realm_access?.roles ?? [])].sort().join(' '))
      .update('\0')
      .update(stockholmDate.format(new Date()))
      .update('\0')
      .update(accept)
      .update('\0')
      .update(language)
      .update('\0')
      .update(String(body.query))
      .update('\0')
      .update(JSON.stringify(body.variables ?? {}))
      .update('\0')
      .update(typeof body.operationName === 'string' ? body.operationName : '')
      .digest('base64');
  }

  /**
   * A write through this process has committed: its caller's next read must not be answered
   * from before it. The database's notification follows, but a read sent right after the
   * write's answer could arrive first.
   */
  written(): void {
    this.changes.changed();
  }

  find(key: string): Answer | null {
    const answer = this.entries.get(key);
    return answer && answer.generation === this.changes.generation ? answer : null;
  }

  keep(key: string, answer: Answer): void {
    if (answer.generation !== this.changes.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, answer);
  }
}

/**
 * Answers a repeated read from the cache before Apollo parses it, after the rate limiter
 * (AppModule orders the two). Without this the replay still cost the user's lookup in the
 * database and the serialisation of the whole answer on every request.
 */
@Injectable()
export class CachedReadsMiddleware implements NestMiddleware {
  constructor(
    private readonly reads: CachedReads,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const body = request.body as GraphQLBody | undefined;
    const generation = this.reads.generation;
    if (
      generation === null ||
      request.method !== 'POST' ||
      !request.headers.authorization ||
      // Apollo refuses other content types (CSRF prevention): they must meet that refusal.
      !request.is('application/json') ||
      !body ||
      Array.isArray(body) ||
      typeof body.query !== 'string'
    )
      return next();
    const authenticated = request as unknown as RequestWithCandidate;
    this.authenticator.claims(authenticated).then(
      (claims) => {
        const key = this.reads.keyOf(
          claims,
          request.headers.accept ?? '',
          body,
          String(request.headers['accept-language'] ?? ''),
        );
        const answer = this.reads.find(key);
        if (answer) {
          // Says so, for the operator and the tests; it reveals nothing the answer does not.
          response.status(answer.status).setHeader('content-type', answer.contentType);
          response.setHeader('x-kraftsamling-cache', 'hit');
          response.setHeader('vary', 'Accept-Encoding');
          const gzipped = this.gzipped(answer, request);
          if (gzipped) {
            response.setHeader('content-encoding', 'gzip');
            response.end(gzipped);
          } else {
            response.end(answer.body);
          }
          return;
        }
        const candidate: Candidate = { key, generation, keep: false };
        authenticated.cachedReadCandidate = candidate;
        this.captureAnswer(request, response, candidate);
        next();
      },
      // An invalid token goes the normal way and gets the normal error.
      () => next(),
    );
  }

  /**
   * The gzipped body for a client that takes gzip (every browser), once it is made: a 290 ×
   * 120 comparison is 300 KiB of numbers and a fifth of that gzipped. A smaller answer, or
   * one first sent plain (its first reader took no gzip), is compressed in the background.
   */
  private gzipped(answer: Answer, request: Request): Buffer | null {
    if (!worthGzipping(answer.body, request)) return null;
    if (Buffer.isBuffer(answer.gzipped)) return answer.gzipped;
    answer.gzipped ??= new Promise<void>((resolve) =>
      gzip(answer.body, (error, compressed) => {
        // Without it the plain body is sent, as before.
        answer.gzipped = error ? undefined : compressed;
        resolve();
      }),
    );
    return null;
  }

  /**
   * Keeps the bytes Apollo sends, if the plugin found the operation cacheable, and sends a
   * client that takes gzip a large answer gzipped: a phone on a slow network would otherwise
   * wait for the plain catalogue (190 KiB) or an indicator's series (70 KiB). It is
   * compressed at level 1 on the event loop (about 1 ms for such a series, nine tenths of
   * level 6's saving), and kept with the answer when the answer is kept. zlib's work in the
   * thread pool on every such answer made the soak's resident memory grow by a quarter in
   * 3 minutes, as compressing every answer as a stream (`compression`) had by 9–12 %
   * (docs/benchmarks.md).
   */
  private captureAnswer(request: Request, response: Response, candidate: Candidate): void {
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    (response as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
      const [chunk, encoding] = args;
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : null;
      const contentType = response.getHeader('content-type');
      if (!bytes || response.headersSent || typeof contentType !== 'string') return end(...args);
      const gzipped =
        bytes.length >= GZIP_AT_ONCE_FROM_BYTES && worthGzipping(bytes, request)
          ? gzipSync(bytes, { level: 1 })
          : undefined;
      if (candidate.keep && response.statusCode === 200)
        this.reads.keep(candidate.key, {
          generation: candidate.generation,
          status: 200,
          contentType,
          body: bytes,
          gzipped,
        });
      if (!gzipped) return end(...args);
      response.setHeader('content-encoding', 'gzip');
      response.setHeader('vary', 'Accept-Encoding');
      response.setHeader('content-length', gzipped.length);
      // Express tagged the plain bytes.
      response.removeHeader('etag');
      return end(gzipped);
    };
  }
}

/**
 * Marks the requests whose answers may be kept: only operations of cacheable root fields,
 * answered without errors, with no data change while they ran.
 */
@Plugin()
export class CachedReadsPlugin implements ApolloServerPlugin<BaseContext> {
  constructor(private readonly reads: CachedReads) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    let candidate: Candidate | null = null;
    return {
      didResolveOperation: async (requestContext) => {
        const request = (requestContext.contextValue as { req?: RequestWithCandidate }).req;
        if (
          request?.cachedReadCandidate &&
          requestContext.operation &&
          cacheableRootFields(requestContext.operation)
        )
          candidate = request.cachedReadCandidate;
      },
      willSendResponse: async (requestContext) => {
        // Every mutation runs in a transaction committed before its answer is sent.
        if (requestContext.operation?.operation === 'mutation') this.reads.written();
        if (!candidate || this.reads.generation !== candidate.generation) return;
        const body = requestContext.response.body;
        if (body.kind !== 'single' || body.singleResult.errors?.length) return;
        candidate.keep = true;
      },
    };
  }
}
