import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ACCESS_RULE, type AccessRule } from '@kraftsamling/api/core/tenancy';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVER_PROPERTY = 'graphql:resolve_property';
const OPERATION_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export const SCHEMA_FILE_HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------

`;

type ModuleLike = Type<unknown> | DynamicModule;

/** Every resolver class provided by the given modules and the modules they import. */
export function resolverClasses(modules: ModuleLike[]): Type<unknown>[] {
  const seen = new Set<unknown>();
  const resolvers = new Set<Type<unknown>>();
  const visit = (module: ModuleLike) => {
    const type = 'module' in module ? module.module : module;
    if (seen.has(type)) return;
    seen.add(type);
    const providers = [
      ...(Reflect.getMetadata('providers', type) ?? []),
      ...('module' in module ? (module.providers ?? []) : []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.getMetadata(RESOLVER_TYPE, provider) !== undefined)
        resolvers.add(provider);
    }
    for (const imported of Reflect.getMetadata('imports', type) ?? []) visit(imported);
  };
  modules.forEach(visit);
  return [...resolvers];
}

export interface ResolverOperation {
  /** `Query.me`, `Mutation.addMember`, or `Field:Collaboration.members` style */
  operation: string;
  kind: 'Query' | 'Mutation' | 'Subscription' | 'Field';
  rule: AccessRule | undefined;
}

/** Every query, mutation, subscription and field resolver with its declared access rule. */
export function resolverOperations(resolvers: Type<unknown>[]): ResolverOperation[] {
  const operations: ResolverOperation[] = [];
  for (const resolver of resolvers) {
    const prototype = resolver.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      const isField = Reflect.getMetadata(RESOLVER_PROPERTY, handler) === true;
      if (!isField && !OPERATION_TYPES.has(type ?? '')) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      operations.push({
        operation: isField ? `${resolver.name}.${name}` : `${type}.${name}`,
        kind: isField ? 'Field' : (type as ResolverOperation['kind']),
        rule: Reflect.getMetadata(ACCESS_RULE, handler),
      });
    }
  }
  return operations.sort((a, b) => a.operation.localeCompare(b.operation));
}

/** The schema the API serves, with what SDL does not carry (fields' cost extensions). */
export async function buildApiSchema(modules: ModuleLike[]): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await app.get(GraphQLSchemaFactory).create(resolverClasses(modules));
  } finally {
    await app.close();
  }
}

/** The SDL the API serves, as committed in apps/api/schema.gql. */
export async function printApiSchema(modules: ModuleLike[]): Promise<string> {
  return SCHEMA_FILE_HEADER + printSchema(lexicographicSortSchema(await buildApiSchema(modules))) + '\n';
}
