import { Lexer, Source, TokenKind } from 'graphql';
import { errorCodes, gql, sql, tokenFor, type GraphQLResponse } from './support/api';

/**
 * Each limit on a GraphQL document, one step past it: refused before anything runs (no
 * `data` at all, which GraphQL answers only when execution never started) with a message
 * that names the limit; and exactly at it: answered.
 */
const refusedBeforeExecution = (response: GraphQLResponse, message: RegExp) => {
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.message).toMatch(message);
  expect(response.errors?.[0]?.message).not.toMatch(/Syntax Error/);
  expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
};

/** `collaborations { groups { members { group { members … } } } }`, `depth` fields deep. */
function nested(depth: number): string {
  const chain = ['collaborations', 'groups', 'members'];
  while (chain.length < depth - 1) chain.push(chain.length % 2 ? 'group' : 'members');
  chain.push('id');
  return `{ ${chain.join(' { ')}${' }'.repeat(chain.length - 1)} }`;
}

const ALL_MUNICIPALITIES = async () =>
  (await sql<{ code: string }>(`SELECT code FROM municipality ORDER BY code`)).map((row) => row.code);

const SERIES = `query ($areaCodes: [String!]!, $from: String, $to: String) {
  officialIndicatorSeries(code: "af.bas.utrk.unemployed", areaCodes: $areaCodes, from: $from, to: $to) {
    periods areas { areaCode values }
  }
}`;

describe('limits on a GraphQL document', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor('samordnare');
  });

  it('depth: 8 levels are answered, 9 are refused', async () => {
    const atLimit = await gql(nested(8), {}, { token });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.['collaborations']).toBeDefined();
    refusedBeforeExecution(await gql(nested(9), {}, { token }), /depth limit of 8 exceeded, found 9/);
  });

  it('aliases: 5 are answered, 6 are refused', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const atLimit = await gql(aliases(5), {}, { token });
    expect(atLimit.errors).toBeUndefined();
    expect(Object.keys(atLimit.data ?? {})).toHaveLength(5);
    refusedBeforeExecution(await gql(aliases(6), {}, { token }), /Aliases limit of 5 exceeded, found 6/);
  });

  it('tokens: 1 000 are answered, 1 001 are refused', async () => {
    // One area repeated in the list: each adds a token, not work (the areas are deduplicated).
    const document = (areas: number) =>
      `{ officialIndicatorSeries(code: "af.bas.utrk.unemployed", areaCodes: [${'"1283" '.repeat(areas)}]) { periods } }`;
    const tokens = (text: string) => {
      const lexer = new Lexer(new Source(text));
      let count = 0;
      while (lexer.advance().kind !== TokenKind.EOF) count++;
      return count;
    };
    const padding = 1000 - tokens(document(0));
    expect(tokens(document(padding))).toBe(1000);
    const atLimit = await gql(document(padding), {}, { token });
    expect(atLimit.errors).toBeUndefined();
    refusedBeforeExecution(await gql(document(padding + 1), {}, { token }), /Token limit of 1000 exceeded/);
  });

  it('directives: 10 are answered, 11 are refused', async () => {
    // A directive may appear once per place: @include and @skip on each of six fields.
    const fields = ['id', 'username', 'name', 'email', 'isPlatformAdmin', '__typename'];
    const document = (n: number) =>
      `{ me { ${fields
        .map(
          (field, i) =>
            `${field}${n > 2 * i ? ' @include(if: true)' : ''}${n > 2 * i + 1 ? ' @skip(if: false)' : ''}`,
        )
        .join(' ')} } }`;
    const atLimit = await gql(document(10), {}, { token });
    expect(atLimit.errors).toBeUndefined();
    refusedBeforeExecution(
      await gql(document(11), {}, { token }),
      /Directives limit of 10 exceeded, found 11/,
    );
  });

  it('cost: a series costs its areas × months, so all municipalities over ten years are refused and one is not', async () => {
    const everyArea = await ALL_MUNICIPALITIES();
    expect(everyArea.length).toBe(290);
    const one = await gql(SERIES, { areaCodes: ['1283'], from: '2015-01', to: '2024-12' }, { token });
    expect(one.errors).toBeUndefined();
    expect(one.data?.['officialIndicatorSeries'].areas).toHaveLength(1);

    const all = await gql(SERIES, { areaCodes: everyArea, from: '2015-01', to: '2024-12' }, { token });
    refusedBeforeExecution(all, /Query cost limit of 10000 exceeded, found 34[0-9]{3}/);
    // The same areas over one year stay within the limit: the cost follows the size asked for.
    const oneYear = await gql(SERIES, { areaCodes: everyArea, from: '2024-01', to: '2024-12' }, { token });
    expect(oneYear.errors).toBeUndefined();
    expect(oneYear.data?.['officialIndicatorSeries'].areas).toHaveLength(290);
  });

  it('cost: five aliases of a series over every municipality add up and are refused', async () => {
    const everyArea = await ALL_MUNICIPALITIES();
    const document = `query ($a: [String!]!) { ${Array.from(
      { length: 5 },
      (_, i) =>
        `s${i}: officialIndicatorSeries(code: "af.bas.utrk.unemployed", areaCodes: $a, from: "2024-01", to: "2024-12") { periods }`,
    ).join(' ')} }`;
    refusedBeforeExecution(
      await gql(document, { a: everyArea }, { token }),
      /Query cost limit of 10000 exceeded/,
    );
  });

  it('chained fragments that multiply the work are refused before they run', async () => {
    // Each fragment spreads the one before it twice: 2^n selections from a small document.
    const fragments = Array.from({ length: 20 }, (_, i) =>
      i === 0
        ? `fragment F0 on Query { me { id username name email } }`
        : `fragment F${i} on Query { ...F${i - 1} a${i}: collaborations { id } ...F${i - 1} }`,
    );
    const document = `{ ...F19 } ${fragments.join(' ')}`;
    expect(document.length).toBeLessThan(1500);
    const response = await gql(document, {}, { token });
    expect(response.data).toBeUndefined();
    expect(errorCodes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('hides field suggestions, so the schema cannot be guessed from error messages', async () => {
    const response = await gql(`{ officialIndicatorz }`, {}, { token });
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toMatch(/Cannot query field "officialIndicatorz"/);
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('introspection', () => {
  const INTROSPECTION = `{ __schema { queryType { name } } }`;

  it('is refused to an anonymous caller', async () => {
    const response = await gql(INTROSPECTION);
    expect(response.data).toBeUndefined();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toMatch(/Introspection is available only to signed-in users/);
    const byType = await gql(`{ __type(name: "Query") { name } }`);
    expect(errorCodes(byType)).toEqual(['UNAUTHENTICATED']);
  });

  it('is refused to a forged token', async () => {
    const response = await gql(INTROSPECTION, {}, { authorization: 'Bearer a.b.c' });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('is answered to a signed-in user in development', async () => {
    const response = await gql(INTROSPECTION, {}, { token: await tokenFor('styrgrupp') });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('__typename alone is not introspection and needs no sign-in', async () => {
    const response = await gql(`{ __typename }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: 'Query' });
  });
});
