import { FH, FH_ID, errorCodes, gql, sql, tokenFor } from './support/api';

const ADD =
  'mutation ($input: AddMemberInput!) { addMember(input: $input) { id role version pending user { id name email username } invitation { email name } organization { name } group { name } } }';
const CHANGE =
  'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role version organization { name } group { name } } }';
const REMOVE = 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }';
const CREATE_GROUP =
  'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id kind name focusArea version } }';
const RENAME_GROUP =
  'mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id name version } }';
const ADD_ORG =
  'mutation ($input: AddPartnerOrganizationInput!) { addPartnerOrganization(input: $input) { id kind name municipalityCode } }';

const BJUV_ORG = '20010000-0000-4000-8000-000000001260';
const LABOUR_MARKET_GROUP = '30010000-0000-4000-8000-000000000002';
const STEERING_GROUP = '30010000-0000-4000-8000-000000000001';
const COORDINATOR_MEMBERSHIP = '40010000-0000-4000-8000-000000000001';

const coordinator = () => tokenFor('samordnare');

async function auditFor(entityId: string) {
  return sql(
    `SELECT a.action, a.entity_type, a.before, a.after, u.username AS actor
       FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id
      WHERE a.entity_id = $1 AND a.collaboration_id = $2 ORDER BY a.id`,
    [entityId, FH_ID],
  );
}

const count = async (table: string) => Number((await sql(`SELECT count(*) AS n FROM ${table}`))[0]!['n']);

describe('member management', () => {
  it('a municipal editor cannot manage members, groups or organisations', async () => {
    const token = await tokenFor('helsingborg');
    const before = await count('membership');
    const add = await gql(
      ADD,
      { input: { collaborationId: FH_ID, email: 'ny@kraftsamling.example', role: 'VIEWER' } },
      { token },
    );
    expect(errorCodes(add)).toEqual(['FORBIDDEN']);
    expect(add.errors?.[0]?.message).toMatch(/does not allow/);
    const group = await gql(
      CREATE_GROUP,
      { input: { collaborationId: FH_ID, kind: 'OPERATIONAL', name: 'Egen grupp' } },
      { token },
    );
    expect(errorCodes(group)).toEqual(['FORBIDDEN']);
    const org = await gql(
      ADD_ORG,
      { input: { collaborationId: FH_ID, kind: 'OTHER', name: 'Eget AB' } },
      { token },
    );
    expect(errorCodes(org)).toEqual(['FORBIDDEN']);
    expect(await count('membership')).toBe(before);
  });

  it('addMember invites by e-mail, binds the role and writes its audit event', async () => {
    const response = await gql(
      ADD,
      {
        input: {
          collaborationId: FH_ID,
          email: 'Ny.Redaktor@Kraftsamling.example',
          name: 'Nina Nyström',
          role: 'MUNICIPAL_EDITOR',
          organizationId: BJUV_ORG,
        },
      },
      { token: await coordinator() },
    );
    expect(response.errors).toBeUndefined();
    const membership = response.data?.['addMember'];
    expect(membership).toMatchObject({
      role: 'MUNICIPAL_EDITOR',
      version: 1,
      organization: { name: 'Bjuvs kommun' },
      group: null,
    });
    expect(membership).toMatchObject({
      pending: true,
      user: null,
      invitation: { name: 'Nina Nyström', email: 'Ny.Redaktor@Kraftsamling.example' },
    });
    const audit = await auditFor(membership.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'membership.added',
      entity_type: 'membership',
      before: null,
      actor: 'samordnare',
    });
    expect(audit[0]!['after']).toMatchObject({ role: 'MUNICIPAL_EDITOR', organizationId: BJUV_ORG });
  });

  it('adding an e-mail that has an account answers as for an unknown one, links nothing, and the person accepts on sign-in', async () => {
    const token = await tokenFor('sandviken');
    const SANDVIKEN = '10000000-0000-4000-8000-000000000002';
    const add = (email: string) =>
      gql(
        ADD,
        { input: { collaborationId: SANDVIKEN, email, name: 'Ny person', role: 'VIEWER' } },
        { token },
      );
    // bjuv@… is the demo account of Bjuv's editor in the other tenant; the other address has no account.
    const known = await add('bjuv@kraftsamling.example');
    const unknown = await add('ingen-sadan@kraftsamling.example');
    const comparable = (response: Awaited<ReturnType<typeof add>>) => {
      const { id, invitation, ...rest } = response.data?.['addMember'] ?? {};
      expect(id).toEqual(expect.any(String));
      return { errors: response.errors, ...rest, invitationName: invitation?.name };
    };
    expect(comparable(known)).toEqual(comparable(unknown));
    expect(known.data?.['addMember']).toMatchObject({
      pending: true,
      user: null,
      invitation: { email: 'bjuv@kraftsamling.example', name: 'Ny person' },
    });
    const bjuv = (await sql(`SELECT id FROM app_user WHERE username = 'bjuv'`))[0]!['id'];
    const membershipId = known.data?.['addMember'].id;
    // The existing account got no role in Sandviken: the membership waits for its owner.
    expect(await sql(`SELECT user_id FROM membership WHERE id = $1`, [membershipId])).toEqual([
      { user_id: null },
    ]);
    const sandvikenAccess = async () =>
      (await gql(`{ me { access { slug roles } } }`, {}, { token: await tokenFor('bjuv') })).data?.[
        'me'
      ].access.find((a: { slug: string }) => a.slug === 'sandviken');
    try {
      // Signing in with the invited (verified) e-mail accepts it.
      expect(await sandvikenAccess()).toEqual({ slug: 'sandviken', roles: ['VIEWER'] });
      expect(await sql(`SELECT user_id FROM membership WHERE id = $1`, [membershipId])).toEqual([
        { user_id: bjuv },
      ]);
      const members = await gql(
        `query { collaboration(slug: "sandviken") { members { id pending user { username } invitation { email } } } }`,
        {},
        { token },
      );
      expect(members.data?.['collaboration'].members).toEqual(
        expect.arrayContaining([
          { id: membershipId, pending: false, user: { username: 'bjuv' }, invitation: null },
          {
            id: unknown.data?.['addMember'].id,
            pending: true,
            user: null,
            invitation: { email: 'ingen-sadan@kraftsamling.example' },
          },
        ]),
      );
    } finally {
      await sql(`DELETE FROM membership WHERE collaboration_id = $1 AND role = 'VIEWER'`, [SANDVIKEN]);
    }
    expect(await sandvikenAccess()).toBeUndefined();
  });

  it('changeMemberRole checks the version, rebinds and writes its audit event', async () => {
    const token = await coordinator();
    const added = await gql(
      ADD,
      { input: { collaborationId: FH_ID, email: 'byte@kraftsamling.example', role: 'VIEWER' } },
      { token },
    );
    const id = added.data?.['addMember'].id;
    const changed = await gql(
      CHANGE,
      {
        input: {
          collaborationId: FH_ID,
          membershipId: id,
          role: 'GROUP_MEMBER',
          groupId: LABOUR_MARKET_GROUP,
          expectedVersion: 1,
        },
      },
      { token },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.['changeMemberRole']).toMatchObject({
      role: 'GROUP_MEMBER',
      version: 2,
      group: { name: 'Arbetsmarknad' },
    });
    const audit = await auditFor(id);
    expect(audit.map((event) => event['action'])).toEqual(['membership.added', 'membership.role-changed']);
    expect(audit[1]!['before']).toMatchObject({ role: 'VIEWER', version: 1 });
    expect(audit[1]!['after']).toMatchObject({
      role: 'GROUP_MEMBER',
      version: 2,
      groupId: LABOUR_MARKET_GROUP,
    });

    // A stale edit (someone else changed it since version 1) is refused and changes nothing.
    const stale = await gql(
      CHANGE,
      { input: { collaborationId: FH_ID, membershipId: id, role: 'VIEWER', expectedVersion: 1 } },
      { token },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.message).toMatch(/Reload/);
    expect(await sql(`SELECT role, version FROM membership WHERE id = $1`, [id])).toEqual([
      { role: 'GROUP_MEMBER', version: 2 },
    ]);
    expect(await auditFor(id)).toHaveLength(2);
  });

  it('removeMember deletes the membership and writes its audit event', async () => {
    const token = await coordinator();
    const added = await gql(
      ADD,
      { input: { collaborationId: FH_ID, email: 'bort@kraftsamling.example', role: 'VIEWER' } },
      { token },
    );
    const id = added.data?.['addMember'].id;
    const removed = await gql(
      REMOVE,
      { input: { collaborationId: FH_ID, membershipId: id, expectedVersion: 1 } },
      { token },
    );
    expect(removed.data?.['removeMember']).toBe(id);
    expect(await sql(`SELECT 1 FROM membership WHERE id = $1`, [id])).toEqual([]);
    const audit = await auditFor(id);
    expect(audit.map((event) => event['action'])).toEqual(['membership.added', 'membership.removed']);
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ role: 'VIEWER' }), after: null });
  });

  it('refuses to remove the last coordinator', async () => {
    const response = await gql(
      REMOVE,
      { input: { collaborationId: FH_ID, membershipId: COORDINATOR_MEMBERSHIP, expectedVersion: 1 } },
      { token: await coordinator() },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(/last coordinator/);
    expect(await sql(`SELECT 1 FROM membership WHERE id = $1`, [COORDINATOR_MEMBERSHIP])).toHaveLength(1);
  });

  it('createGroup and renameGroup write their audit events; a stale rename is a conflict', async () => {
    const token = await coordinator();
    const created = await gql(
      CREATE_GROUP,
      {
        input: {
          collaborationId: FH_ID,
          kind: 'OPERATIONAL',
          name: '  Näringsliv  ',
          focusArea: 'Företagskontakter',
        },
      },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const group = created.data?.['createGroup'];
    expect(group).toMatchObject({
      kind: 'OPERATIONAL',
      name: 'Näringsliv',
      focusArea: 'Företagskontakter',
      version: 1,
    });
    const renamed = await gql(
      RENAME_GROUP,
      {
        input: {
          collaborationId: FH_ID,
          groupId: group.id,
          name: 'Näringsliv och arbetsgivare',
          expectedVersion: 1,
        },
      },
      { token },
    );
    expect(renamed.data?.['renameGroup']).toMatchObject({ name: 'Näringsliv och arbetsgivare', version: 2 });
    const stale = await gql(
      RENAME_GROUP,
      { input: { collaborationId: FH_ID, groupId: group.id, name: 'Gammalt namn', expectedVersion: 1 } },
      { token },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const audit = await auditFor(group.id);
    expect(audit.map((event) => event['action'])).toEqual(['group.created', 'group.renamed']);
    expect(audit[1]).toMatchObject({
      before: { name: 'Näringsliv', version: 1 },
      after: { name: 'Näringsliv och arbetsgivare', version: 2 },
    });
  });

  it('addPartnerOrganization adds a partner and writes its audit event', async () => {
    const response = await gql(
      ADD_ORG,
      { input: { collaborationId: FH_ID, kind: 'FOLK_HIGH_SCHOOL', name: 'Exempelby folkhögskola' } },
      { token: await coordinator() },
    );
    expect(response.errors).toBeUndefined();
    const org = response.data?.['addPartnerOrganization'];
    expect(org).toMatchObject({
      kind: 'FOLK_HIGH_SCHOOL',
      name: 'Exempelby folkhögskola',
      municipalityCode: null,
    });
    const audit = await auditFor(org.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'organization.added', actor: 'samordnare', before: null }),
    ]);
  });

  describe('bad input gets a specific error and writes nothing', () => {
    const cases: [string, string, Record<string, unknown>, { field: string; message: RegExp }][] = [
      [
        'an invalid e-mail',
        ADD,
        { collaborationId: FH_ID, email: 'inte-en-adress', role: 'VIEWER' },
        { field: 'input.email', message: /e-mail/ },
      ],
      [
        'an unknown role',
        ADD,
        { collaborationId: FH_ID, email: 'a@kraftsamling.example', role: 'OWNER' },
        { field: '', message: /"OWNER".*Role/ },
      ],
      [
        'a municipal editor without a municipality',
        ADD,
        { collaborationId: FH_ID, email: 'b@kraftsamling.example', role: 'MUNICIPAL_EDITOR' },
        { field: 'input.organizationId', message: /municipality/ },
      ],
      [
        'a group member bound to the steering group',
        ADD,
        {
          collaborationId: FH_ID,
          email: 'c@kraftsamling.example',
          role: 'GROUP_MEMBER',
          groupId: STEERING_GROUP,
        },
        { field: 'input.groupId', message: /operational group/ },
      ],
      [
        'an unknown field',
        ADD,
        { collaborationId: FH_ID, email: 'd@kraftsamling.example', role: 'VIEWER', isAdmin: true },
        { field: '', message: /isAdmin/ },
      ],
      [
        'a duplicate group name',
        CREATE_GROUP,
        { collaborationId: FH_ID, kind: 'OPERATIONAL', name: 'arbetsmarknad' },
        { field: 'input.name', message: /already exists/ },
      ],
      [
        'a second steering group',
        CREATE_GROUP,
        { collaborationId: FH_ID, kind: 'STEERING', name: 'Styrgrupp 2' },
        { field: 'input.kind', message: /steering group/ },
      ],
      [
        'an empty group name',
        CREATE_GROUP,
        { collaborationId: FH_ID, kind: 'OPERATIONAL', name: '   ' },
        { field: 'input.name', message: /1 to 120/ },
      ],
      [
        'a municipality that is already a member',
        ADD_ORG,
        { collaborationId: FH_ID, kind: 'MUNICIPALITY', name: 'Bjuv igen', municipalityCode: '1260' },
        { field: 'input.municipalityCode', message: /already a member/ },
      ],
      [
        'a municipality code that does not exist',
        ADD_ORG,
        { collaborationId: FH_ID, kind: 'MUNICIPALITY', name: 'Påhittad kommun', municipalityCode: '9999' },
        { field: 'input.municipalityCode', message: /not a Swedish municipality/ },
      ],
    ];

    it.each(cases)('%s', async (_name, mutation, input, expected) => {
      const before = await Promise.all(
        ['membership', 'organization', '"group"', 'audit_event', 'app_user'].map(count),
      );
      const response = await gql(mutation, { input }, { token: await coordinator() });
      if (expected.field === '') {
        // Refused by GraphQL's own input coercion, before any resolver runs.
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message).toMatch(expected.message);
      } else {
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        const problem = response.errors?.[0]?.extensions?.fields?.find((f) => f.field === expected.field);
        expect(problem?.message).toMatch(expected.message);
      }
      expect(
        await Promise.all(['membership', 'organization', '"group"', 'audit_event', 'app_user'].map(count)),
      ).toEqual(before);
    });
  });

  it('shows the new members on the collaboration page', async () => {
    const response = await gql(
      `query ($slug: String!) { collaboration(slug: $slug) { members { user { email } invitation { email } } } }`,
      { slug: FH },
      { token: await coordinator() },
    );
    const emails = response.data?.['collaboration'].members.map(
      (m: { user: { email: string } | null; invitation: { email: string } | null }) =>
        m.user?.email ?? m.invitation?.email,
    );
    expect(emails).toContain('Ny.Redaktor@Kraftsamling.example');
  });
});
