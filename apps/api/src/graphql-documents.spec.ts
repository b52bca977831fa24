import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { GRAPHQL_LIMITS, documentLimits, queryCost } from '@kraftsamling/api/core/limits';
import { DOMAIN_MODULES } from './app.module';
import { buildApiSchema } from './graphql-schema';

/**
 * Every GraphQL document the web app ships, as written (libs/web/**\/*.graphql) and as
 * generated into its Apollo services, must pass the API's limits: a limit that refused
 * the app's own requests would be an outage, not a defence.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith(suffix) && !entry.parentPath.includes('node_modules'),
    )
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The definitions of the .graphql files, and of the gql`…` literals of the generated services. */
function webDefinitions(): { written: DefinitionNode[]; generated: DefinitionNode[] } {
  const written = filesUnder(path.join(root, 'libs/web'), '.graphql').flatMap(
    (file) => parse(readFileSync(file, 'utf8')).definitions,
  );
  // One file of documents and services per part of the app (the types are a file of their own).
  const generatedSource = filesUnder(
    path.join(root, 'libs/web/shared/graphql/src/generated/operations'),
    '.ts',
  )
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  // Each operation is generated as a parsed document (codegen's documentMode: documentNode),
  // one JSON literal per line, with the fragments it uses; fragments are literals of their own too.
  const generated = [
    ...generatedSource.matchAll(/^export const \w+ = (\{"kind":"Document".*\}) as unknown as DocumentNode/gm),
  ].flatMap((match) => (JSON.parse(match[1]!) as DocumentNode).definitions);
  return { written, generated };
}

/** Apollo Client asks for `__typename` in every selection set but the operation's own. */
function withTypenames<T extends OperationDefinitionNode | FragmentDefinitionNode>(definition: T): T {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
  return visit(definition, {
    SelectionSet(node, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      return { ...node, selections: [...node.selections, typename] };
    },
  }) as T;
}

/** One operation with the fragments it uses, as the client sends it. */
function operationDocument(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
) {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...used.values()].map(withTypenames),
  } as DocumentNode;
}

/** A value for every required variable; optional ones are left out, which is what costs most (defaults). */
function requiredValue(type: GraphQLInputType): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [];
  if (isInputObjectType(named))
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, requiredValue(field.type)]),
    );
  if (isEnumType(named)) return named.getValues()[0]!.value;
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'ID':
      return '10000000-0000-4000-8000-000000000001';
    default:
      return 'x';
  }
}

function worstCaseVariables(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE)
      .map((definition) => [
        definition.variable.name.value,
        requiredValue(typeFromAST(schema, definition.type) as GraphQLInputType),
      ]),
  );
}

describe('the web app’s GraphQL documents', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema(DOMAIN_MODULES);
  });

  it('the check itself refuses what the API refuses (a document one level too deep, a series too large)', () => {
    const tooDeep = parse(
      `{ collaborations { groups { members { group { members { group { members { group { id } } } } } } } } }`,
    );
    expect(validate(schema, tooDeep, [...specifiedRules, ...documentLimits().validationRules])).not.toEqual(
      [],
    );
    const everyArea = Array.from({ length: 290 }, (_, i) => String(1000 + i));
    const tooLarge = parse(
      `query ($a: [String!]!) { officialIndicatorSeries(code: "x", areaCodes: $a, from: "2015-01", to: "2024-12") { periods } }`,
    );
    expect(queryCost(schema, tooLarge, { a: everyArea })).toBeGreaterThan(GRAPHQL_LIMITS.maxQueryCost);
  });

  const { written, generated } = webDefinitions();
  for (const [label, definitions] of [
    ['as written', written],
    ['as generated', generated],
  ] as const) {
    const fragments = new Map(
      definitions
        .filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    const operations = definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );

    it(`${label}: there are documents to check`, () => {
      expect(operations.length).toBeGreaterThan(10);
    });

    it.each(operations.map((operation) => [operation.name?.value ?? '(anonymous)', operation] as const))(
      `${label}: %s passes every limit`,
      (_name, operation) => {
        const document = operationDocument(operation, fragments);
        // Parsing with the token limit is what the API does first.
        expect(() => parse(print(document), { maxTokens: GRAPHQL_LIMITS.maxTokens })).not.toThrow();
        const errors = validate(schema, document, [...specifiedRules, ...documentLimits().validationRules]);
        expect(errors.map((error) => error.message)).toEqual([]);
        expect(queryCost(schema, document, worstCaseVariables(schema, operation))).toBeLessThanOrEqual(
          GRAPHQL_LIMITS.maxQueryCost,
        );
      },
    );
  }
});
