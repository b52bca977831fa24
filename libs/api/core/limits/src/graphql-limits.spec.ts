import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { GRAPHQL_LIMITS, documentLimits, queryCost } from './graphql-limits';
import { asksForSchema } from './introspection';

const Node: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: () => ({ id: { type: GraphQLString }, child: { type: Node } }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      node: { type: Node },
      sized: {
        type: GraphQLInt,
        args: { items: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
        // As @nestjs/graphql puts a resolver's `complexity` option.
        extensions: { complexity: ({ args }: { args: { items: string[] } }) => args.items.length * 10 },
      },
    },
  }),
});

const problems = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...documentLimits().validationRules]).map(
    (e) => e.message,
  );
const nested = (depth: number) => `{ node { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)} }`;

describe('documentLimits', () => {
  it('allows the maximum depth and refuses one more', () => {
    expect(problems(nested(GRAPHQL_LIMITS.maxDepth))).toEqual([]);
    expect(problems(nested(GRAPHQL_LIMITS.maxDepth + 1))).toEqual([
      `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found ${GRAPHQL_LIMITS.maxDepth + 1}.`,
    ]);
  });

  it('allows the maximum of aliases and refuses one more', () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: node { id }`).join(' ')} }`;
    expect(problems(aliases(GRAPHQL_LIMITS.maxAliases))).toEqual([]);
    expect(problems(aliases(GRAPHQL_LIMITS.maxAliases + 1))).toEqual([
      `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found ${GRAPHQL_LIMITS.maxAliases + 1}.`,
    ]);
  });

  it('refuses a chain of fragments that each spread the previous one twice', () => {
    const fragments = Array.from({ length: 6 }, (_, i) =>
      i === 0
        ? `fragment F0 on Node { id }`
        : `fragment F${i} on Node { ...F${i - 1} child { ...F${i - 1} } }`,
    );
    expect(problems(`{ node { ...F5 } } ${fragments.join(' ')}`).join('\n')).toMatch(/limit of \d+ exceeded/);
  });
});

describe('queryCost', () => {
  it('adds up the declared cost of each field with the request’s variables, aliases included', () => {
    const query = parse(`query ($x: [String!]!) { a: sized(items: $x) b: sized(items: ["1"]) node { id } }`);
    expect(queryCost(schema, query, { x: ['1', '2', '3'] })).toBe(40);
  });

  it('costs nothing for fields that declare no cost', () => {
    expect(queryCost(schema, parse(nested(GRAPHQL_LIMITS.maxDepth)), {})).toBe(0);
  });
});

describe('asksForSchema', () => {
  it('finds __schema and __type anywhere, and not __typename', () => {
    expect(asksForSchema(parse(`{ __schema { types { name } } }`))).toBe(true);
    expect(
      asksForSchema(parse(`{ node { id } ...F } fragment F on Query { __type(name: "Node") { name } }`)),
    ).toBe(true);
    expect(asksForSchema(parse(`{ __typename node { __typename } }`))).toBe(false);
  });
});
