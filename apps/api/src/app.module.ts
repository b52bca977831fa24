import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  Controller,
  Get,
  Header,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { HealthCheck, HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ActionsModule } from '@kraftsamling/api/actions';
import { AuditLogModule } from '@kraftsamling/api/audit';
import { CollaborationsModule } from '@kraftsamling/api/collaborations';
import { ComparisonsModule } from '@kraftsamling/api/comparisons';
import { AuditModule } from '@kraftsamling/api/core/audit';
import { AuthModule, RequestAuthenticator, type AuthenticatedRequest } from '@kraftsamling/api/core/auth';
import { DatabaseModule } from '@kraftsamling/api/core/database';
import { LiveModule, graphqlContext, graphqlWsOptions } from '@kraftsamling/api/core/live';
import { GraphQLErrorFilter, createValidationPipe, formatGraphQLError } from '@kraftsamling/api/core/errors';
import {
  GRAPHQL_LIMITS,
  RateLimitMiddleware,
  RateLimitModule,
  documentLimits,
  introspectionAccess,
  queryCostLimit,
  queryCostProblem,
} from '@kraftsamling/api/core/limits';
import { Access, CachedReadsMiddleware, TenancyModule } from '@kraftsamling/api/core/tenancy';
import { GoalsModule } from '@kraftsamling/api/goals';
import { GroupsModule } from '@kraftsamling/api/groups';
import {
  IndicatorsModule,
  SourceFetchScheduleModule,
  parseFilesInWorkers,
} from '@kraftsamling/api/indicators';
import { OrganizationsModule } from '@kraftsamling/api/organizations';
import { UsersModule } from '@kraftsamling/api/users';
import type { ApiConfig } from './config';

/**
 * Files whose names carry their content's hash never change: browsers keep them a year
 * without asking. Everything else (index.html, translations) is revalidated every time, so
 * a new version is seen at once.
 */
export function setWebCacheHeaders(
  response: { setHeader(name: string, value: string): unknown },
  file: string,
) {
  response.setHeader(
    'Cache-Control',
    HASHED_FILE.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}
/**
 * Angular's output hashing: main-2JX4F3QK.js, styles-5INURTSO.css, and the chunks its chunk
 * optimiser writes (apps/web/.env.build-app), chunk-MJpKCqfL.js, chunk-D__YTaFs.js.
 */
const HASHED_FILE = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?|ttf|png|svg|jpg|webp)(\.(br|gz))?$/;

/** The domain modules whose resolvers make up the GraphQL schema. */
export const DOMAIN_MODULES = [
  CollaborationsModule,
  OrganizationsModule,
  GroupsModule,
  UsersModule,
  IndicatorsModule,
  GoalsModule,
  ActionsModule,
  ComparisonsModule,
  AuditLogModule,
];

@Controller()
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get('health')
  @Access.public('load balancers and the start script probe it')
  @HealthCheck()
  check() {
    return this.health.check([() => this.database.pingCheck('database')]);
  }
}

function appConfigController(config: ApiConfig) {
  @Controller()
  class AppConfigController {
    /** What the web app needs before it can sign in; no secrets (the web client is public). */
    @Get('app-config.json')
    @Access.public('the web app reads it before sign-in')
    // index.html preloads it; the page then asks with the browser's default cache mode, and
    // this makes every load revalidate it rather than keep an old configuration.
    @Header('Cache-Control', 'no-cache')
    appConfig() {
      return {
        oidc: { url: config.oidc.baseUrl, realm: config.oidc.realm, clientId: config.oidc.webClientId },
        graphqlPath: '/graphql',
      };
    }
  }
  return AppConfigController;
}

@Module({})
export class AppModule implements NestModule {
  /**
   * /graphql: every request is counted by the rate limiter first, then a repeated read may
   * be answered from the cache (one apply, so the order is this one).
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RateLimitMiddleware, CachedReadsMiddleware)
      .forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  /** `parseWorkerFile`: the bundled worker that reads import files off the event loop (see main.ts). */
  static forRoot(config: ApiConfig, runtime: { parseWorkerFile?: string } = {}): DynamicModule {
    const webIndex = path.join(config.webDistDir, 'index.html');
    // One instance for the middleware and the websocket transport: one budget per user.
    const rateLimits = RateLimitModule.forRoot(config.rateLimits);
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({ url: config.databaseUrl, logSql: config.logSql }),
        AuditModule,
        AuthModule.forRoot({
          issuerUrl: config.oidc.issuerUrl,
          jwksUrl: config.oidc.jwksUrl,
          audience: config.oidc.audience,
        }),
        TenancyModule,
        LiveModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl }),
        TerminusModule,
        rateLimits,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [rateLimits],
          inject: [RequestAuthenticator, RateLimitMiddleware],
          useFactory: (authenticator: RequestAuthenticator, rateLimiter: RateLimitMiddleware) => {
            const limits = documentLimits();
            let schema: GraphQLSchema | undefined;
            return {
              autoSchemaFile: true,
              sortSchema: true,
              path: '/graphql',
              transformSchema: (built: GraphQLSchema) => (schema = built),
              // HTTP and websocket operations both give the guards a `req` of the same shape.
              context: graphqlContext,
              // Subscriptions (live events) over graphql-ws on the same path: authenticated
              // at connect, authorised per subscription by the same guards (ADR 8).
              subscriptions: {
                // Nest's type names a subset of graphql-ws's hooks; it hands them all to graphql-ws.
                'graphql-ws': graphqlWsOptions({
                  verify: (request) => authenticator.claims(request),
                  countMessage: (subject) => rateLimiter.countWebSocketMessage(subject),
                  validationRules: limits.validationRules,
                  maxTokens: GRAPHQL_LIMITS.maxTokens,
                  costProblem: queryCostProblem,
                  schema: () => {
                    if (!schema) throw new Error('the GraphQL schema is not built yet');
                    return schema;
                  },
                }) as GraphQLWsSubscriptionsConfig,
              },
              // Guards, interceptors and filters also run for @ResolveField, so field
              // resolvers are permission-checked like queries and run in their own tenant
              // context (row-level security).
              fieldResolverEnhancers: ['guards', 'interceptors', 'filters'],
              formatError: formatGraphQLError,
              includeStacktraceInErrorResponses: false,
              playground: false,
              // Apollo lets introspection through; introspectionAccess decides who gets it.
              introspection: true,
              // Limits on every document before it runs (depth, aliases, tokens, directives,
              // cost): one request must not stall the API for everyone.
              validationRules: limits.validationRules,
              plugins: [
                // Nothing here sets cache hints (the cached reads are the product's own), and the
                // plugin's per-field hook wraps every resolver: a tenth of a large board's work.
                ApolloServerPluginCacheControlDisabled(),
                ...limits.plugins,
                queryCostLimit(),
                introspectionAccess<{ req: AuthenticatedRequest }>({
                  allowSignedIn: config.graphqlIntrospection === 'signed-in',
                  authenticate: ({ req }) => authenticator.claims(req),
                }),
              ],
            };
          },
        }),
        ...(existsSync(webIndex)
          ? [
              // What the precompressed files (main.ts) leave: index.html for the app's own
              // addresses, and files without a compressed copy.
              ServeStaticModule.forRoot({
                rootPath: config.webDistDir,
                exclude: ['/graphql{/*path}', '/health', '/app-config.json', '/api{/*path}'],
                serveStaticOptions: { setHeaders: setWebCacheHeaders },
              }),
            ]
          : []),
        ...DOMAIN_MODULES,
        SourceFetchScheduleModule.forRoot(config.sourceFetch),
        ...(runtime.parseWorkerFile ? [parseFilesInWorkers(runtime.parseWorkerFile)] : []),
      ],
      controllers: [HealthController, appConfigController(config)],
      providers: [
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
