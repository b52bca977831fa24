import { FH, errorCodes, gql, tokenFor } from './support/api';

const HOME = `query ($slug: String!) {
  collaboration(slug: $slug) {
    slug name myRoles myPermissions
    organizations { kind name municipalityCode municipality { code name county { code name } } }
    groups { kind name focusArea members { role user { username } } }
    members { role user { username } organization { name } group { name } }
  }
}`;

describe('a collaboration as its members see it', () => {
  it('shows familjen-helsingborg’s 11 municipalities, the agency, four groups and their members to its coordinator', async () => {
    const response = await gql(HOME, { slug: FH }, { token: await tokenFor('samordnare') });
    expect(response.errors).toBeUndefined();
    const collaboration = response.data?.['collaboration'];
    const municipalities = collaboration.organizations.filter(
      (org: { kind: string }) => org.kind === 'MUNICIPALITY',
    );
    expect(municipalities.map((org: { municipalityCode: string }) => org.municipalityCode).sort()).toEqual([
      '1214',
      '1257',
      '1260',
      '1275',
      '1276',
      '1277',
      '1278',
      '1282',
      '1283',
      '1284',
      '1292',
    ]);
    expect(
      municipalities.find((org: { municipalityCode: string }) => org.municipalityCode === '1283')
        .municipality,
    ).toEqual({
      code: '1283',
      name: 'Helsingborg',
      county: { code: '12', name: 'Skåne län' },
    });
    expect(
      collaboration.organizations.filter((org: { kind: string }) => org.kind === 'EMPLOYMENT_AGENCY'),
    ).toHaveLength(1);
    expect(collaboration.groups.map((group: { name: string }) => group.name)).toEqual(
      expect.arrayContaining(['Styrgrupp', 'Arbetsmarknad', 'Vuxenutbildning', 'Migration och etablering']),
    );
    const labourMarket = collaboration.groups.find(
      (group: { name: string }) => group.name === 'Arbetsmarknad',
    );
    expect(labourMarket.members).toContainEqual({
      role: 'GROUP_MEMBER',
      user: { username: 'arbetsmarknad' },
    });
    expect(labourMarket.members.every((member: { role: string }) => member.role === 'GROUP_MEMBER')).toBe(
      true,
    );
    expect(collaboration.members).toContainEqual({
      role: 'MUNICIPAL_EDITOR',
      user: { username: 'helsingborg' },
      organization: { name: 'Helsingborgs stad' },
      group: null,
    });
    expect(collaboration.myRoles).toEqual(['COORDINATOR']);
    expect(collaboration.myPermissions).toContain('member:manage');
  });

  it('lets a municipal editor read the collaboration without management permissions', async () => {
    const response = await gql(HOME, { slug: FH }, { token: await tokenFor('helsingborg') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['collaboration'].myRoles).toEqual(['MUNICIPAL_EDITOR']);
    expect(response.data?.['collaboration'].myPermissions).not.toContain('member:manage');
  });

  it('answers a query for all 290 municipalities to any signed-in user, and to nobody else', async () => {
    const query = `{ municipalities { code name county { code } } }`;
    const response = await gql(query, {}, { token: await tokenFor('sandviken') });
    expect(response.data?.['municipalities']).toHaveLength(290);
    expect(errorCodes(await gql(query))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists names the Swedish way: Å, Ä, Ö after Z', async () => {
    const municipalities = (
      await gql(`{ municipalities { name } }`, {}, { token: await tokenFor('sandviken') })
    ).data!['municipalities'].map((m: { name: string }) => m.name);
    // Byte order put Ängelholm before Åstorp; Swedish puts Ystad < Å… < Ä… < Ö….
    const at = (name: string) => municipalities.indexOf(name);
    expect(at('Ystad')).toBeLessThan(at('Åstorp'));
    expect(at('Åstorp')).toBeLessThan(at('Ängelholm'));
    expect(at('Ängelholm')).toBeLessThan(at('Örkelljunga'));
    expect(municipalities.at(-1)).toMatch(/^Ö/);
    const fh = (
      await gql(
        `query ($slug: String!) { collaboration(slug: $slug) { organizations { kind name } } }`,
        { slug: FH },
        { token: await tokenFor('samordnare') },
      )
    )
      .data!['collaboration'].organizations.filter((o: { kind: string }) => o.kind === 'MUNICIPALITY')
      .map((o: { name: string }) => o.name);
    expect(fh.slice(-3).map((name: string) => name[0])).toEqual(['Å', 'Ä', 'Ö']);
  });

  it('names municipalities by their proper names beside the short ones (genitive, "stad" where they say so)', async () => {
    const token = await tokenFor('samordnare');
    const all = new Map<string, { name: string; properName: string }>(
      (await gql(`{ municipalities { code name properName } }`, {}, { token })).data!['municipalities'].map(
        (m: { code: string; name: string; properName: string }) => [m.code, m],
      ),
    );
    expect(all.get('1260')).toEqual({ code: '1260', name: 'Bjuv', properName: 'Bjuvs kommun' });
    expect(all.get('1284')?.properName).toBe('Höganäs kommun');
    expect(all.get('1283')?.properName).toBe('Helsingborgs stad');
    expect(all.get('1280')?.properName).toBe('Malmö stad');
    expect(all.get('1282')?.properName).toBe('Landskrona stad');
    expect(all.get('1257')?.properName).toBe('Örkelljunga kommun');
    const organizations = (
      await gql(
        `query ($slug: String!) { collaboration(slug: $slug) { organizations { kind name properName municipality { name properName } } } }`,
        { slug: FH },
        { token },
      )
    ).data!['collaboration'].organizations as {
      kind: string;
      name: string;
      properName: string;
      municipality: { name: string; properName: string } | null;
    }[];
    expect(organizations).toContainEqual({
      kind: 'MUNICIPALITY',
      name: 'Helsingborgs stad',
      properName: 'Helsingborgs stad',
      municipality: { name: 'Helsingborg', properName: 'Helsingborgs stad' },
    });
    expect(organizations).toContainEqual({
      kind: 'EMPLOYMENT_AGENCY',
      name: 'Arbetsförmedlingen',
      properName: 'Arbetsförmedlingen',
      municipality: null,
    });
  });
});
