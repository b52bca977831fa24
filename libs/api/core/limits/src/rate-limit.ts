import {
  Inject,
  Injectable,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from '@nestjs/common';
import type { ThrottlerStorageService } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { RequestAuthenticator, type AuthenticatedRequest } from '@kraftsamling/api/core/auth';

export interface RateLimits {
  windowSeconds: number;
  /** Requests per window per signed-in user (GraphQL and uploads together); 0 = no limit. */
  perUser: number;
  /** Requests per window per client address without a valid access token; 0 = no limit. */
  perAddress: number;
  /** Uploads per window per signed-in user; 0 = no limit. */
  uploadsPerUser: number;
}

const RATE_LIMITS = Symbol('RATE_LIMITS');
const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');
export const UPLOAD_PATH = '/api/imports';

interface Bucket {
  name: string;
  key: string;
  limit: number;
}

/**
 * Counts every request to /graphql and the upload route before it is parsed, validated or
 * authorised, with @nestjs/throttler's storage (a fixed window per key; a caller over the
 * limit is blocked for one window). A request whose access token verifies counts against
 * its user, so colleagues behind one address do not share a budget and a forged subject
 * cannot spend someone else's; anything else (no token, a forged or expired one) counts
 * against the client's address. Over the limit: 429 with Retry-After, and nothing runs.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
    @Inject(THROTTLER_STORAGE) private readonly storage: ThrottlerStorageService,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    try {
      const retryAfter = await this.count(await this.bucketsOf(request));
      if (retryAfter !== null) return this.refuse(request, response, retryAfter);
      next();
    } catch (error) {
      next(error);
    }
  }

  /**
   * Counts one websocket message (a connection or a subscription) against the verified
   * subject, in the same budget as its HTTP requests: websockets do not pass through the
   * middleware. Returns the seconds to wait when over the limit, else null.
   */
  countWebSocketMessage(subject: string): Promise<number | null> {
    return this.count([{ name: 'user', key: `user:${subject}`, limit: this.limits.perUser }]);
  }

  private async count(buckets: Bucket[]): Promise<number | null> {
    for (const bucket of buckets) {
      if (bucket.limit <= 0) continue;
      const ttl = this.limits.windowSeconds * 1000;
      const record = await this.storage.increment(bucket.key, ttl, bucket.limit, ttl, bucket.name);
      if (record.isBlocked) return Math.max(1, record.timeToBlockExpire);
    }
    return null;
  }

  private async bucketsOf(request: Request): Promise<Bucket[]> {
    const upload = request.originalUrl.startsWith(UPLOAD_PATH);
    const subject = request.headers.authorization
      ? await this.authenticator.claims(request as unknown as AuthenticatedRequest).then(
          (claims) => claims.sub,
          () => null,
        )
      : null;
    if (subject === null)
      return [{ name: 'address', key: `address:${request.ip}`, limit: this.limits.perAddress }];
    return [
      ...(upload ? [{ name: 'uploads', key: `uploads:${subject}`, limit: this.limits.uploadsPerUser }] : []),
      { name: 'user', key: `user:${subject}`, limit: this.limits.perUser },
    ];
  }

  private refuse(request: Request, response: Response, retryAfterSeconds: number): void {
    const message = `Too many requests: wait ${retryAfterSeconds} s and try again.`;
    response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(429);
    // GraphQL clients read errors[]; the upload route answers { code, message } like its other errors.
    if (request.originalUrl.startsWith(UPLOAD_PATH)) response.json({ code: 'TOO_MANY_REQUESTS', message });
    else response.json({ errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS' } }] });
  }
}

@Module({})
export class RateLimitModule implements NestModule {
  static forRoot(limits: RateLimits): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        { provide: RATE_LIMITS, useValue: limits },
        {
          provide: THROTTLER_STORAGE,
          // Loaded when the API starts, not when its modules are imported: @nestjs/throttler is
          // CommonJS requiring the ESM-only @nestjs/common, which Jest's ESM runtime cannot load,
          // and the schema tests import the module list without starting anything.
          useFactory: async () => new (await import('@nestjs/throttler')).ThrottlerStorageService(),
        },
        RateLimitMiddleware,
      ],
      // The app applies the middleware to /graphql itself, ahead of what must come after it.
      exports: [RATE_LIMITS, THROTTLER_STORAGE, RateLimitMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: UPLOAD_PATH.slice(1), method: RequestMethod.ALL });
  }
}
