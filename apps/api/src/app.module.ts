import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { HealthCheck, HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CollaborationsModule } from '@kraftsamling/api/collaborations';
import { AuditModule } from '@kraftsamling/api/core/audit';
import { AuthModule } from '@kraftsamling/api/core/auth';
import { DatabaseModule } from '@kraftsamling/api/core/database';
import { GraphQLErrorFilter, createValidationPipe, formatGraphQLError } from '@kraftsamling/api/core/errors';
import { Access, TenancyModule } from '@kraftsamling/api/core/tenancy';
import { GroupsModule } from '@kraftsamling/api/groups';
import { IndicatorsModule } from '@kraftsamling/api/indicators';
import { OrganizationsModule } from '@kraftsamling/api/organizations';
import { UsersModule } from '@kraftsamling/api/users';
import type { ApiConfig } from './config';

/** The domain modules whose resolvers make up the GraphQL schema. */
export const DOMAIN_MODULES = [
  CollaborationsModule,
  OrganizationsModule,
  GroupsModule,
  UsersModule,
  IndicatorsModule,
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
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    const webIndex = path.join(config.webDistDir, 'index.html');
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
        TerminusModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          context: ({ req }: { req: unknown }) => ({ req }),
          // Guards, interceptors and filters also run for @ResolveField, so field
          // resolvers are permission-checked like queries and run in their own tenant
          // context (row-level security).
          fieldResolverEnhancers: ['guards', 'interceptors', 'filters'],
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          playground: false,
          introspection: true,
        }),
        ...(existsSync(webIndex)
          ? [
              ServeStaticModule.forRoot({
                rootPath: config.webDistDir,
                exclude: ['/graphql{/*path}', '/health', '/app-config.json', '/api{/*path}'],
              }),
            ]
          : []),
        ...DOMAIN_MODULES,
      ],
      controllers: [HealthController, appConfigController(config)],
      providers: [
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
