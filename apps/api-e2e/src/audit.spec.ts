import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

/**
 * Nothing lost: every mutation writes exactly one audit event in its own transaction, and
 * a mutation that is refused (bad input, a conflict, a rollback after a write) writes
 * none. It works on a collaboration of its own (made with SQL, removed afterwards), as
 * the platform admin, so the demo data other tests rely on stays as it is.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const COLLABORATION = 'a7000000-0000-4000-8000-000000000001';
const MUNICIPALITY_ORG = 'a7000000-0000-4000-8000-000000000002';
const COORDINATOR_USER = 'a7000000-0000-4000-8000-000000000003';

interface AuditRow {
  action: string;
  collaboration_id: string | null;
  entity_id: string | null;
  actor_user_id: string | null;
}

const lastEventId = async () =>
  Number((await sql<{ id: string }>(`SELECT coalesce(max(id), 0) AS id FROM audit_event`))[0]!.id);
const eventsAfter = (id: number) =>
  sql<AuditRow>(
    `SELECT action, collaboration_id, entity_id, actor_user_id FROM audit_event WHERE id > $1 ORDER BY id`,
    [id],
  );

describe('audit: one event per mutation, none when it is refused', () => {
  let token: string;
  let adminId: string;
  const made: Record<string, string> = {};
  const versions: Record<string, number> = {};

  /** Runs a mutation and returns its data and the audit events it wrote. */
  async function run(document: string, input: Record<string, unknown>) {
    const before = await lastEventId();
    const response = await gql(document, { input: { collaborationId: COLLABORATION, ...input } }, { token });
    return { response, events: await eventsAfter(before) };
  }

  async function succeeds(field: string, document: string, input: Record<string, unknown>, action: string) {
    const { response, events } = await run(document, input);
    expect(response.errors).toBeUndefined();
    expect(events).toEqual([
      expect.objectContaining({ action, collaboration_id: COLLABORATION, actor_user_id: adminId }),
    ]);
    return response.data![field];
  }

  async function refused(document: string, input: Record<string, unknown>, code: string) {
    const { response, events } = await run(document, input);
    expect(errorCodes(response)).toEqual([code]);
    expect(events).toEqual([]);
  }

  beforeAll(async () => {
    token = await tokenFor('admin');
    adminId = (await gql('{ me { id } }', {}, { token })).data!['me'].id;
    await sql(
      `INSERT INTO collaboration (id, slug, name) VALUES ($1, 'revisionsfixtur', 'Revisionsfixtur')`,
      [COLLABORATION],
    );
    await sql(
      `INSERT INTO organization (id, collaboration_id, kind, name, municipality_code)
       VALUES ($1, $2, 'MUNICIPALITY', 'Helsingborgs kommun', '1283')`,
      [MUNICIPALITY_ORG, COLLABORATION],
    );
    await sql(
      `INSERT INTO app_user (id, name, email) VALUES ($1, 'Fia Fixtursson', 'fixtur@kraftsamling.example')`,
      [COORDINATOR_USER],
    );
    await sql(`INSERT INTO membership (collaboration_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`, [
      COLLABORATION,
      COORDINATOR_USER,
    ]);
  });

  afterAll(async () => {
    // Cascades to everything the collaboration owns; its audit events stay (collaboration_id set to null).
    await sql(`DELETE FROM collaboration WHERE id = $1`, [COLLABORATION]);
    await sql(`DELETE FROM app_user WHERE id = $1 OR email = 'revisor@kraftsamling.example'`, [
      COORDINATOR_USER,
    ]);
  });

  const covered: string[] = [];
  const mutationTest = (name: string, body: () => Promise<void>) => {
    covered.push(`Mutation.${name}`);
    it(`${name}: one event when it succeeds, none when it is refused`, body);
  };

  // In order: later mutations work on what earlier ones made.
  mutationTest('addPartnerOrganization', async () => {
    const doc =
      'mutation ($input: AddPartnerOrganizationInput!) { addPartnerOrganization(input: $input) { id } }';
    await refused(doc, { kind: 'OTHER', name: '' }, 'BAD_USER_INPUT');
    made['organization'] = (
      await succeeds(
        'addPartnerOrganization',
        doc,
        { kind: 'OTHER', name: 'Revisionsbyrån' },
        'organization.added',
      )
    ).id;
  });

  mutationTest('createGroup', async () => {
    const doc = 'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id version } }';
    const group = await succeeds(
      'createGroup',
      doc,
      { kind: 'OPERATIONAL', name: 'Granskning' },
      'group.created',
    );
    made['group'] = group.id;
    versions['group'] = group.version;
    // The insert runs and the unique constraint refuses it: the transaction, audit event included, rolls back.
    await refused(doc, { kind: 'OPERATIONAL', name: 'Granskning' }, 'BAD_USER_INPUT');
  });

  mutationTest('renameGroup', async () => {
    const doc = 'mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { version } }';
    await refused(
      doc,
      { groupId: made['group'], name: 'Gammal', expectedVersion: versions['group']! + 5 },
      'CONFLICT',
    );
    await succeeds(
      'renameGroup',
      doc,
      { groupId: made['group'], name: 'Granskning och uppföljning', expectedVersion: versions['group'] },
      'group.renamed',
    );
  });

  mutationTest('addMember', async () => {
    const doc = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id version } }';
    await refused(doc, { email: 'revisor@kraftsamling.example', role: 'MUNICIPAL_EDITOR' }, 'BAD_USER_INPUT');
    const membership = await succeeds(
      'addMember',
      doc,
      { email: 'revisor@kraftsamling.example', name: 'Rut Revisorsson', role: 'VIEWER' },
      'membership.added',
    );
    made['membership'] = membership.id;
    versions['membership'] = membership.version;
  });

  mutationTest('changeMemberRole', async () => {
    const doc = 'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { version } }';
    const input = { membershipId: made['membership'], role: 'GROUP_MEMBER', groupId: made['group'] };
    await refused(doc, { ...input, expectedVersion: versions['membership']! + 5 }, 'CONFLICT');
    versions['membership'] = (
      await succeeds(
        'changeMemberRole',
        doc,
        { ...input, expectedVersion: versions['membership'] },
        'membership.role-changed',
      )
    ).version;
  });

  mutationTest('removeMember', async () => {
    const doc = 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }';
    await refused(
      doc,
      { membershipId: made['membership'], expectedVersion: versions['membership']! + 5 },
      'CONFLICT',
    );
    await succeeds(
      'removeMember',
      doc,
      { membershipId: made['membership'], expectedVersion: versions['membership'] },
      'membership.removed',
    );
  });

  const indicatorText = {
    nameSv: 'Granskade ärenden',
    nameEn: 'Audited cases',
    direction: 'HIGHER_IS_BETTER',
  };

  mutationTest('createLocalIndicator', async () => {
    const doc =
      'mutation ($input: CreateLocalIndicatorInput!) { createLocalIndicator(input: $input) { id version } }';
    const input = { ...indicatorText, code: 'granskning.arenden', unit: 'COUNT', periodicity: 'MONTH' };
    const indicator = await succeeds('createLocalIndicator', doc, input, 'indicator.created');
    made['indicator'] = indicator.id;
    versions['indicator'] = indicator.version;
    await refused(doc, input, 'BAD_USER_INPUT');
  });

  mutationTest('updateLocalIndicator', async () => {
    const doc =
      'mutation ($input: UpdateLocalIndicatorInput!) { updateLocalIndicator(input: $input) { version } }';
    const input = { ...indicatorText, indicatorId: made['indicator'], nameSv: 'Granskade ärenden, antal' };
    await refused(doc, { ...input, expectedVersion: versions['indicator']! + 5 }, 'CONFLICT');
    await succeeds(
      'updateLocalIndicator',
      doc,
      { ...input, expectedVersion: versions['indicator'] },
      'indicator.updated',
    );
  });

  mutationTest('enterValues', async () => {
    const doc = 'mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId } }';
    await refused(
      doc,
      { areaCode: '1283', values: [{ indicatorCode: 'granskning.arenden', period: '2026-01', value: -1 }] },
      'BAD_USER_INPUT',
    );
    made['batch'] = (
      await succeeds(
        'enterValues',
        doc,
        { areaCode: '1283', values: [{ indicatorCode: 'granskning.arenden', period: '2026-01', value: 4 }] },
        'import.committed',
      )
    ).batchId;
  });

  mutationTest('undoImport', async () => {
    const doc = 'mutation ($input: UndoImportInput!) { undoImport(input: $input) { status } }';
    await succeeds('undoImport', doc, { batchId: made['batch'] }, 'import.undone');
    await refused(doc, { batchId: made['batch'] }, 'BAD_USER_INPUT');
  });

  const goalDoc = (name: string, type: string) =>
    `mutation ($input: ${type}!) { ${name}(input: $input) { id version } }`;

  mutationTest('createGoal', async () => {
    const input = {
      title: 'Granskade mål',
      indicatorCode: 'af.bas.utrk.unemployed',
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      targetKind: 'RELATIVE_CHANGE',
      targetValue: -0.5,
    };
    await refused(
      goalDoc('createGoal', 'CreateGoalInput'),
      { ...input, targetPeriod: '2025-01' },
      'BAD_USER_INPUT',
    );
    const goal = await succeeds(
      'createGoal',
      goalDoc('createGoal', 'CreateGoalInput'),
      input,
      'goal.created',
    );
    made['goal'] = goal.id;
    versions['goal'] = goal.version;
  });

  mutationTest('updateGoal', async () => {
    const doc = goalDoc('updateGoal', 'UpdateGoalInput');
    await refused(
      doc,
      { goalId: made['goal'], title: 'Gammalt', expectedVersion: versions['goal']! + 5 },
      'CONFLICT',
    );
    versions['goal'] = (
      await succeeds(
        'updateGoal',
        doc,
        { goalId: made['goal'], title: 'Granskat mål', expectedVersion: versions['goal'] },
        'goal.updated',
      )
    ).version;
  });

  mutationTest('activateGoal', async () => {
    const doc = goalDoc('activateGoal', 'GoalVersionInput');
    await refused(doc, { goalId: made['goal'], expectedVersion: versions['goal']! + 5 }, 'CONFLICT');
    versions['goal'] = (
      await succeeds(
        'activateGoal',
        doc,
        { goalId: made['goal'], expectedVersion: versions['goal'] },
        'goal.activated',
      )
    ).version;
  });

  mutationTest('rebaselineGoal', async () => {
    const doc = goalDoc('rebaselineGoal', 'RebaselineGoalInput');
    const input = { goalId: made['goal'], reason: 'Reviderade siffror' };
    await refused(doc, { ...input, expectedVersion: versions['goal']! + 5 }, 'CONFLICT');
    versions['goal'] = (
      await succeeds(
        'rebaselineGoal',
        doc,
        { ...input, expectedVersion: versions['goal'] },
        'goal.rebaselined',
      )
    ).version;
  });

  mutationTest('addGoalCheckIn', async () => {
    const doc = goalDoc('addGoalCheckIn', 'AddGoalCheckInInput').replace(' version }', ' }');
    const input = { goalId: made['goal'], heldOn: '2026-11-20', assessment: 'AT_RISK' };
    await refused(doc, { ...input, heldOn: '2026-13-40' }, 'BAD_USER_INPUT');
    await succeeds('addGoalCheckIn', doc, input, 'goal.checked-in');
  });

  mutationTest('setGoalStatus', async () => {
    const doc = goalDoc('setGoalStatus', 'SetGoalStatusInput');
    await refused(
      doc,
      { goalId: made['goal'], status: 'CLOSED', expectedVersion: versions['goal']! + 5 },
      'CONFLICT',
    );
    await succeeds(
      'setGoalStatus',
      doc,
      { goalId: made['goal'], status: 'CLOSED', expectedVersion: versions['goal'] },
      'goal.status-changed',
    );
  });

  mutationTest('createDecision', async () => {
    const doc = goalDoc('createDecision', 'CreateDecisionInput');
    const input = { groupId: made['group'], title: 'Granska målen varje kvartal', decidedOn: '2026-11-01' };
    await refused(doc, { ...input, dueOn: '2026-01-01' }, 'BAD_USER_INPUT');
    const decision = await succeeds('createDecision', doc, input, 'decision.created');
    made['decision'] = decision.id;
    versions['decision'] = decision.version;
  });

  mutationTest('updateDecision', async () => {
    const doc = goalDoc('updateDecision', 'UpdateDecisionInput');
    await refused(
      doc,
      { decisionId: made['decision'], status: 'DONE', expectedVersion: versions['decision']! + 5 },
      'CONFLICT',
    );
    await succeeds(
      'updateDecision',
      doc,
      { decisionId: made['decision'], status: 'DONE', expectedVersion: versions['decision'] },
      'decision.updated',
    );
  });

  mutationTest('createActionType', async () => {
    const doc = 'mutation ($input: CreateActionTypeInput!) { createActionType(input: $input) { id } }';
    await refused(doc, { nameSv: '', nameEn: 'Mentoring' }, 'BAD_USER_INPUT');
    made['actionType'] = (
      await succeeds(
        'createActionType',
        doc,
        { nameSv: 'Mentorskap', nameEn: 'Mentoring' },
        'action_type.created',
      )
    ).id;
  });

  const actionFields = () => ({
    title: 'Mentorer för nyanlända',
    typeId: made['actionType'],
    targetGroups: ['Nyanlända'],
    municipalityCodes: ['1283'],
    goalIds: [],
    partnerOrganizations: [],
    startOn: '2026-01-01',
    status: 'ONGOING',
  });

  mutationTest('createAction', async () => {
    const doc = 'mutation ($input: CreateActionInput!) { createAction(input: $input) { id version } }';
    await refused(
      doc,
      { groupId: made['group'], fields: { ...actionFields(), endOn: '2025-12-31' } },
      'BAD_USER_INPUT',
    );
    const action = await succeeds(
      'createAction',
      doc,
      { groupId: made['group'], fields: actionFields() },
      'action.created',
    );
    made['action'] = action.id;
    versions['action'] = action.version;
  });

  mutationTest('updateAction', async () => {
    const doc = 'mutation ($input: UpdateActionInput!) { updateAction(input: $input) { version } }';
    const input = { actionId: made['action'], fields: { ...actionFields(), title: 'Mentorer' } };
    await refused(doc, { ...input, version: versions['action']! + 5 }, 'CONFLICT');
    versions['action'] = (
      await succeeds('updateAction', doc, { ...input, version: versions['action'] }, 'action.updated')
    ).version;
  });

  mutationTest('recordOutcomes', async () => {
    const doc =
      'mutation ($input: RecordOutcomesInput!) { recordOutcomes(input: $input) { period version } }';
    const counts = {
      participants: 4,
      started: 4,
      completed: 0,
      employed: 0,
      employedPrivate: 0,
      studies: 0,
      otherOutcome: 0,
    };
    const row = { municipalityCode: '1283', period: '2026-01', counts };
    await refused(
      doc,
      { actionId: made['action'], rows: [{ ...row, period: '2026-W02' }] },
      'BAD_USER_INPUT',
    );
    await succeeds(
      'recordOutcomes',
      doc,
      { actionId: made['action'], rows: [row] },
      'action.outcomes_recorded',
    );
    await refused(
      doc,
      { actionId: made['action'], rows: [{ ...row, counts: { ...counts, started: 3 } }] },
      'CONFLICT',
    );
  });

  mutationTest('addActionUpdate', async () => {
    const doc = 'mutation ($input: AddActionUpdateInput!) { addActionUpdate(input: $input) { id } }';
    await refused(doc, { actionId: made['action'], date: '2026-02-30', text: 'Bra start' }, 'BAD_USER_INPUT');
    await succeeds(
      'addActionUpdate',
      doc,
      { actionId: made['action'], date: '2026-02-02', text: 'Bra start', confidence: 'ON_TRACK' },
      'action.update_added',
    );
  });

  mutationTest('savePeerSet', async () => {
    const doc = 'mutation ($input: SavePeerSetInput!) { savePeerSet(input: $input) { id version } }';
    const input = { title: 'Lika kommuner', areaCodes: ['1283', '1280', '0180'], shared: true };
    await refused(doc, { ...input, areaCodes: ['1283', '9999'] }, 'BAD_USER_INPUT');
    const created = await succeeds('savePeerSet', doc, input, 'peer_set.created');
    await refused(doc, { ...input, peerSetId: created.id, expectedVersion: created.version + 5 }, 'CONFLICT');
    const updated = await succeeds(
      'savePeerSet',
      doc,
      {
        ...input,
        title: 'Lika kommuner i södra Sverige',
        peerSetId: created.id,
        expectedVersion: created.version,
      },
      'peer_set.updated',
    );
    made['peerSet'] = updated.id;
    versions['peerSet'] = updated.version;
  });

  mutationTest('deletePeerSet', async () => {
    const doc = 'mutation ($input: DeletePeerSetInput!) { deletePeerSet(input: $input) }';
    await refused(doc, { peerSetId: made['peerSet'], expectedVersion: versions['peerSet']! + 5 }, 'CONFLICT');
    await succeeds(
      'deletePeerSet',
      doc,
      { peerSetId: made['peerSet'], expectedVersion: versions['peerSet'] },
      'peer_set.deleted',
    );
  });

  mutationTest('undoOfficialImport', async () => {
    // An official batch (no collaboration): imported by a steward, then undone.
    const form = new FormData();
    form.set('source', 'template');
    form.set('dryRun', 'false');
    form.set(
      'file',
      new Blob(['indicator_code,area_code,period,value\naf.bas.tot.unemployed,1283,1997-01,5\n']),
      'revision.csv',
    );
    const response = await fetch(`${apiUrl()}/api/imports/official`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const report = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.type === 'report')?.report;
    expect(report?.batchId).toBeDefined();
    const doc =
      'mutation ($input: UndoOfficialImportInput!) { undoOfficialImport(input: $input) { status } }';
    const before = await lastEventId();
    const undone = await gql(doc, { input: { batchId: report.batchId } }, { token });
    expect(undone.errors).toBeUndefined();
    expect(await eventsAfter(before)).toEqual([
      expect.objectContaining({ action: 'import.undone', collaboration_id: null, actor_user_id: adminId }),
    ]);
    const again = await lastEventId();
    expect(errorCodes(await gql(doc, { input: { batchId: report.batchId } }, { token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await eventsAfter(again)).toEqual([]);
    await sql(`DELETE FROM import_batch WHERE id = $1`, [report.batchId]);
  });

  mutationTest('defineScbIndicator', async () => {
    // TAB9990 is replayed from apps/api-e2e/src/fixtures/replay (SCB_API_URL).
    const doc =
      'mutation ($input: DefineScbIndicatorInput!) { defineScbIndicator(input: $input) { id code } }';
    const input = {
      table: 'TAB9990',
      contentsCode: '000009TE',
      classes: [{ dimension: 'Kon', codes: ['1'] }],
      nameSv: 'Förvärvsarbetande män (revision)',
      nameEn: 'Employed men (audit)',
      unit: 'COUNT',
      periodicity: 'YEAR',
      direction: 'HIGHER_IS_BETTER',
    };
    const before = await lastEventId();
    const defined = await gql(doc, { input }, { token });
    expect(defined.errors).toBeUndefined();
    expect(await eventsAfter(before)).toEqual([
      expect.objectContaining({
        action: 'indicator.defined-from-scb',
        collaboration_id: null,
        entity_id: defined.data!['defineScbIndicator'].id,
        actor_user_id: adminId,
      }),
    ]);
    const again = await lastEventId();
    // The same series again is refused: nothing written.
    expect(errorCodes(await gql(doc, { input }, { token }))).toEqual(['BAD_USER_INPUT']);
    expect(await eventsAfter(again)).toEqual([]);
    await sql(`DELETE FROM indicator WHERE code = 'scb.tab9990.000009te.kon_1'`);
  });

  mutationTest('fetchSource', async () => {
    const doc = 'mutation ($input: FetchSourceInput!) { fetchSource(input: $input) { id status } }';
    const before = await lastEventId();
    // A table no indicator reads: the fetch is recorded as failed, and audited once.
    const fetched = await gql(doc, { input: { source: 'SCB', subject: 'TAB4242' } }, { token });
    expect(fetched.data!['fetchSource'].status).toBe('FAILED');
    expect(await eventsAfter(before)).toEqual([
      expect.objectContaining({
        action: 'source.fetched',
        collaboration_id: null,
        entity_id: fetched.data!['fetchSource'].id,
        actor_user_id: adminId,
      }),
    ]);
    const again = await lastEventId();
    expect(
      errorCodes(await gql(doc, { input: { source: 'SCB', subject: 'TAB4242', from: 1800 } }, { token })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(await eventsAfter(again)).toEqual([]);
    await sql(`DELETE FROM source_fetch WHERE subject = 'TAB4242'`);
  });

  it('covers every mutation of the schema', () => {
    const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));
    const mutations = Object.keys((schema.getType('Mutation') as GraphQLObjectType).getFields()).map(
      (field) => `Mutation.${field}`,
    );
    expect(covered.sort()).toEqual(mutations.sort());
  });

  it('shows the events to the coordinator through auditEvents, newest first and filtered', async () => {
    const page = await gql(
      `query ($c: ID!, $filter: AuditEventFilter) {
         auditEvents(collaborationId: $c, filter: $filter) { totalCount items { action entityType actorName } }
       }`,
      { c: COLLABORATION, filter: { entityType: 'group' } },
      { token },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!['auditEvents']).toEqual({
      totalCount: 2,
      items: [
        { action: 'group.renamed', entityType: 'group', actorName: expect.any(String) },
        { action: 'group.created', entityType: 'group', actorName: expect.any(String) },
      ],
    });
    const bad = await gql(
      `query ($c: ID!, $filter: AuditEventFilter) { auditEvents(collaborationId: $c, filter: $filter, limit: 500) { totalCount } }`,
      { c: COLLABORATION, filter: { from: '2026-02-30x', to: '2026-01-01' } },
      { token },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
