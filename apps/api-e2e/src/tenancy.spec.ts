import { FH, FH_ID, SANDVIKEN_ID, errorCodes, gql, sql, tokenFor } from './support/api';

const COLLABORATION = `query ($slug: String!) {
  collaboration(slug: $slug) { id name organizations { id } groups { id members { id } } members { id } }
}`;

const FH_HELSINGBORG_MEMBERSHIP = '40010000-0000-4000-8000-000000000004';
const FH_LABOUR_MARKET_GROUP = '30010000-0000-4000-8000-000000000002';
const SANDVIKEN_COORDINATOR_MEMBERSHIP = '40020000-0000-4000-8000-000000000001';

/** Row counts of everything a tenant owns, to prove a refused request wrote nothing. */
async function tenantRows() {
  const [row] = await sql(`SELECT
      (SELECT count(*) FROM membership) AS memberships,
      (SELECT count(*) FROM "group") AS groups,
      (SELECT count(*) FROM organization) AS organizations,
      (SELECT string_agg(name || version, ',' ORDER BY id) FROM "group") AS group_names,
      (SELECT string_agg(role || version, ',' ORDER BY id) FROM membership) AS roles`);
  return row;
}

describe('tenant isolation', () => {
  it('lists only my own collaborations', async () => {
    const list = async (user: string) =>
      (await gql(`{ collaborations { slug } }`, {}, { token: await tokenFor(user) })).data?.[
        'collaborations'
      ];
    expect(await list('sandviken')).toEqual([{ slug: 'sandviken' }]);
    expect(await list('samordnare')).toEqual([{ slug: FH }]);
  });

  it('the sandviken user cannot read familjen-helsingborg, and the reverse', async () => {
    const fromSandviken = await gql(COLLABORATION, { slug: FH }, { token: await tokenFor('sandviken') });
    expect(errorCodes(fromSandviken)).toEqual(['FORBIDDEN']);
    expect(fromSandviken.data).toBeNull();
    const fromFh = await gql(COLLABORATION, { slug: 'sandviken' }, { token: await tokenFor('samordnare') });
    expect(errorCodes(fromFh)).toEqual(['FORBIDDEN']);
  });

  it('a non-member cannot tell an unknown slug from a forbidden one', async () => {
    const response = await gql(
      COLLABORATION,
      { slug: 'no-such-collaboration' },
      { token: await tokenFor('sandviken') },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  describe('the sandviken coordinator cannot change anything of familjen-helsingborg', () => {
    const attempts: [string, string, Record<string, unknown>][] = [
      [
        'addMember',
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
        { collaborationId: FH_ID, email: 'intrang@kraftsamling.example', role: 'VIEWER' },
      ],
      [
        'changeMemberRole',
        'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }',
        {
          collaborationId: FH_ID,
          membershipId: FH_HELSINGBORG_MEMBERSHIP,
          role: 'VIEWER',
          expectedVersion: 1,
        },
      ],
      [
        'removeMember',
        'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }',
        { collaborationId: FH_ID, membershipId: FH_HELSINGBORG_MEMBERSHIP, expectedVersion: 1 },
      ],
      [
        'createGroup',
        'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
        { collaborationId: FH_ID, kind: 'OPERATIONAL', name: 'Intrång' },
      ],
      [
        'renameGroup',
        'mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id } }',
        { collaborationId: FH_ID, groupId: FH_LABOUR_MARKET_GROUP, name: 'Intrång', expectedVersion: 1 },
      ],
      [
        'addPartnerOrganization',
        'mutation ($input: AddPartnerOrganizationInput!) { addPartnerOrganization(input: $input) { id } }',
        { collaborationId: FH_ID, kind: 'OTHER', name: 'Intrång AB' },
      ],
    ];

    it.each(attempts)('%s is FORBIDDEN and writes nothing', async (_name, mutation, input) => {
      const before = await tenantRows();
      const response = await gql(mutation, { input }, { token: await tokenFor('sandviken') });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(await tenantRows()).toEqual(before);
    });
  });

  it('naming another tenant’s row under my own collaboration finds nothing (writes are tenant-filtered)', async () => {
    const before = await tenantRows();
    const token = await tokenFor('sandviken');
    const change = await gql(
      'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }',
      {
        input: {
          collaborationId: SANDVIKEN_ID,
          membershipId: FH_HELSINGBORG_MEMBERSHIP,
          role: 'VIEWER',
          expectedVersion: 1,
        },
      },
      { token },
    );
    expect(errorCodes(change)).toEqual(['NOT_FOUND']);
    const rename = await gql(
      'mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id } }',
      {
        input: {
          collaborationId: SANDVIKEN_ID,
          groupId: FH_LABOUR_MARKET_GROUP,
          name: 'Intrång',
          expectedVersion: 1,
        },
      },
      { token },
    );
    expect(errorCodes(rename)).toEqual(['NOT_FOUND']);
    const bind = await gql(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      {
        input: {
          collaborationId: SANDVIKEN_ID,
          email: 'x@kraftsamling.example',
          role: 'GROUP_MEMBER',
          groupId: FH_LABOUR_MARKET_GROUP,
        },
      },
      { token },
    );
    expect(errorCodes(bind)).toEqual(['BAD_USER_INPUT']);
    expect(bind.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.groupId', message: 'no such group in this collaboration' },
    ]);
    expect(await tenantRows()).toEqual(before);
  });

  it('familjen-helsingborg’s coordinator cannot change sandviken either', async () => {
    const before = await tenantRows();
    const response = await gql(
      'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }',
      {
        input: {
          collaborationId: SANDVIKEN_ID,
          membershipId: SANDVIKEN_COORDINATOR_MEMBERSHIP,
          expectedVersion: 1,
        },
      },
      { token: await tokenFor('samordnare') },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await tenantRows()).toEqual(before);
  });

  it('the catalogue and an indicator’s series, read as a page opens, take the slug as they take the id, with the same refusals', async () => {
    // The web app knows only the slug in its address until `me` answers: these reads then go
    // out beside `me` instead of after it.
    const OPENING_READS = `query ($c: ID!, $code: String!) {
      indicators(collaborationId: $c) { code }
      indicatorSeries(collaborationId: $c, code: $code) { periods areas { areaCode } }
      regionSeries(collaborationId: $c, code: $code) { periods values included }
    }`;
    const read = async (user: string, c: string) =>
      gql(OPENING_READS, { c, code: 'af.bas.utrk.unemployment_share' }, { token: await tokenFor(user) });
    const byId = await read('helsingborg', FH_ID);
    const bySlug = await read('helsingborg', FH);
    expect(byId.errors).toBeUndefined();
    expect(bySlug.errors).toBeUndefined();
    expect((byId.data?.['indicators'] as unknown[]).length).toBeGreaterThan(0);
    expect(bySlug.data).toEqual(byId.data);
    // Another collaboration, by slug as by id, and a slug that names none: refused alike.
    expect(errorCodes(await read('helsingborg', 'sandviken'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await read('helsingborg', SANDVIKEN_ID))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await read('helsingborg', 'no-such-collaboration'))).toEqual(['FORBIDDEN']);
    // A platform admin reads another collaboration's by its slug.
    const admin = await read('admin', 'sandviken');
    expect(admin.errors).toBeUndefined();
    expect(admin.data).toEqual(await read('admin', SANDVIKEN_ID).then((response) => response.data));
  });

  it('the reads of the goal, action, decision, comparison and import pages take the slug as they take the id, with the same refusals', async () => {
    // As the catalogue's: a page opened by its address asks for its data beside the
    // collaboration, by the slug, instead of waiting for the collaboration to learn its id.
    const LISTS = `query ($c: ID!, $group: ID!) {
      goals(collaborationId: $c) { id title }
      decisions(collaborationId: $c) { id title }
      actions(collaborationId: $c) { id title }
      actionTypes(collaborationId: $c) { code }
      outcomePeriodKind(collaborationId: $c)
      groupFeed(collaborationId: $c, groupId: $group) { id }
      peerSets(collaborationId: $c) { id title }
      importBatches(collaborationId: $c, limit: 5) { id }
    }`;
    const ONE = `query ($c: ID!, $goal: ID!, $action: ID!) {
      goal(collaborationId: $c, id: $goal) { id title }
      action(collaborationId: $c, actionId: $action) { id title }
    }`;
    const read = async (user: string, query: string, variables: Record<string, unknown>) =>
      gql(query, variables, { token: await tokenFor(user) });
    const lists = async (user: string, c: string) => read(user, LISTS, { c, group: FH_LABOUR_MARKET_GROUP });

    const byId = await lists('samordnare', FH_ID);
    const bySlug = await lists('samordnare', FH);
    expect(byId.errors).toBeUndefined();
    expect(bySlug.errors).toBeUndefined();
    const goals = byId.data?.['goals'] as { id: string }[];
    const actions = byId.data?.['actions'] as { id: string }[];
    expect(goals.length).toBeGreaterThan(0);
    expect(actions.length).toBeGreaterThan(0);
    expect(bySlug.data).toEqual(byId.data);
    const one = { goal: goals[0].id, action: actions[0].id };
    const oneById = await read('samordnare', ONE, { c: FH_ID, ...one });
    expect(oneById.errors).toBeUndefined();
    expect(await read('samordnare', ONE, { c: FH, ...one })).toEqual(oneById);

    // Another collaboration, by slug as by id, and a slug that names none: refused alike.
    for (const c of [FH, FH_ID, 'no-such-collaboration']) {
      const refused = await lists('sandviken', c);
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data).toBeNull();
      expect(errorCodes(await read('sandviken', ONE, { c, ...one }))).toEqual(['FORBIDDEN']);
    }
  });

  it('a platform admin reads any collaboration', async () => {
    const response = await gql(COLLABORATION, { slug: 'sandviken' }, { token: await tokenFor('admin') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['collaboration'].id).toBe(SANDVIKEN_ID);
  });
});
