import { FH_ID, errorCodes, gql, tokenFor } from './support/api';

const SEARCH = `query ($c: ID!, $search: String, $all: Boolean) {
  indicators(collaborationId: $c, search: $search, includeSuperseded: $all) { code nameSv supersededByCode supersedesCode }
}`;

interface Found {
  code: string;
  nameSv: string;
  supersededByCode: string | null;
  supersedesCode: string | null;
}

async function search(text: string, includeSuperseded?: boolean): Promise<Found[]> {
  const result = await gql(
    SEARCH,
    { c: FH_ID, search: text, all: includeSuperseded ?? null },
    { token: await tokenFor('helsingborg') },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.['indicators'];
}

describe('finding an indicator in the catalogue', () => {
  it('"utrikesfodda kvinnor arbetsloshet" puts the foreign-born women’s unemployment share first', async () => {
    const found = await search('utrikesfodda kvinnor arbetsloshet', false);
    expect(found[0]?.code).toBe('af.bas.utrk.unemployment_share');
    // Written apart, with diacritics, in another order: the same indicator first.
    const apart = await search('arbetslöshet utrikes födda kvinnor', false);
    expect(apart[0]?.code).toBe('af.bas.utrk.unemployment_share');
    // Neighbours that miss a word are not found: born in Sweden, young women.
    expect(found.map((i) => i.code)).not.toContain('af.bas.inrk.unemployment_share');
    expect(found.map((i) => i.code)).not.toContain('af.bas.ungk.unemployment_share');
  });

  it('"befolkning" finds the population figures by their theme, before those that only mention it', async () => {
    const found = await search('befolkning');
    expect(found.map((i) => i.code)).toEqual(
      expect.arrayContaining(['scb.population.16_64', 'scb.population.monthly']),
    );
    // The theme weighs more than a description that mentions "befolkningens arbetsmarknadsstatus".
    const population = found.map((i) => i.code.startsWith('scb.population'));
    expect(population.indexOf(false) === -1 || population.lastIndexOf(true) < population.indexOf(false)).toBe(true);
  });

  it('folds the register-based series under their BAS successor unless asked for', async () => {
    const folded = await search('andel arbetslösa utrikes födda kvinnor', false);
    const share = folded.find((i) => i.code === 'af.bas.utrk.unemployment_share');
    expect(share?.supersedesCode).toBe('af.reg.utrk.unemployment_share');
    expect(folded.some((i) => i.code.startsWith('af.reg.'))).toBe(false);

    const all = await search('andel arbetslösa utrikes födda kvinnor', true);
    const codes = all.map((i) => i.code);
    expect(codes).toContain('af.reg.utrk.unemployment_share');
    expect(all.find((i) => i.code === 'af.reg.utrk.unemployment_share')?.supersededByCode).toBe(
      'af.bas.utrk.unemployment_share',
    );
    // Equally relevant: the successor comes first.
    expect(codes.indexOf('af.bas.utrk.unemployment_share')).toBeLessThan(
      codes.indexOf('af.reg.utrk.unemployment_share'),
    );
  });

  it('finds an indicator by its code, and a local indicator only in its own collaboration', async () => {
    const byCode = await search('af.bas.utrk.unemployment_share');
    expect(byCode[0]?.code).toBe('af.bas.utrk.unemployment_share');
    const local = await gql(
      `query ($c: ID!) { indicators(collaborationId: $c, source: LOCAL) { code nameSv } }`,
      { c: FH_ID },
      { token: await tokenFor('helsingborg') },
    );
    const mine = local.data?.['indicators'][0] as { code: string; nameSv: string };
    expect((await search(mine.nameSv)).map((i) => i.code)).toContain(mine.code);
  });

  it('without a search lists the whole catalogue as before; a page of text is refused', async () => {
    const everything = await gql(`query ($c: ID!) { indicators(collaborationId: $c) { code } }`, { c: FH_ID }, {
      token: await tokenFor('helsingborg'),
    });
    expect(everything.data?.['indicators'].some((i: Found) => i.code.startsWith('af.reg.'))).toBe(true);
    const tooLong = await gql(SEARCH, { c: FH_ID, search: 'arbetslöshet '.repeat(30) }, {
      token: await tokenFor('helsingborg'),
    });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });
});
