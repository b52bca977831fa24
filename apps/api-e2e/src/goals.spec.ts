import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAfWorkbook, type AfWorkbookRow } from '@kraftsamling/api/statistics-formats';
import { FH_ID, SANDVIKEN_ID, apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

// Hand-chosen counts of unemployed foreign-born men (a series no other API test writes),
// September 2025 (the baseline) and
// September 2026 (12 of 24 months into the goal). Bjuv's baseline is "<5".
const MEMBERS: Record<string, [string, number | '<5', number]> = {
  '1214': ['Svalöv', 120, 90],
  '1257': ['Örkelljunga', 40, 36],
  '1260': ['Bjuv', '<5', 3],
  '1275': ['Perstorp', 36, 18],
  '1276': ['Klippan', 88, 70],
  '1277': ['Åstorp', 102, 80],
  '1278': ['Båstad', 24, 18],
  '1282': ['Landskrona', 410, 400],
  '1283': ['Helsingborg', 1012, 700],
  '1284': ['Höganäs', 64, 50],
  '1292': ['Ängelholm', 150, 110],
};

/** The operator's import starts a whole process; on a busy machine that takes a while. */
const IMPORT_TIMEOUT = 180_000;

const workDir = mkdtempSync(path.join(tmpdir(), 'goals-e2e-'));

/**
 * Imports an AF workbook through the operator's command, as `npm start` does. Asynchronously:
 * a blocked event loop would miss the API closing an idle keep-alive socket, and the next
 * request would go out on the dead socket.
 */
async function importAf(name: string, rows: AfWorkbookRow[]): Promise<void> {
  const file = path.join(workDir, `${name}-andel-av-bas.xlsx`);
  writeFileSync(file, await writeAfWorkbook(rows, { layout: 'pivot-cache', title: name }));
  await promisify(execFile)(
    process.execPath,
    ['dist/apps/api/main.js', 'import', '--source', 'af', '--af-series', 'bas', '--file', file],
    { env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'] }, encoding: 'utf8' },
  );
}

const row = (period: string, municipality: string, values: AfWorkbookRow['values']): AfWorkbookRow => ({
  period,
  county: 'Skåne län',
  municipality,
  values,
});

const GOAL_FIELDS = `id status version baselinePeriod targetPeriod
  members { areaCode inScope baseline { value low high } baselineBatchId baselineFrozenAt }
  progress { asOf periods
    collaboration { baseline { value low high } target { value low high } latest { value low high } latestPeriod
                    expected { low high } gap { low high } status flags included }
    members { areaCode baseline { value low high } target { value low high } latest { value } latestPeriod
              expected { value } gap { value low high } progress { value } expectedProgress status flags } }
  baselineChanges { areaCode kind oldValue { value low high } newValue { value low high } reason changedByName }`;

const createGoal = (user: string, input: Record<string, unknown>) =>
  tokenFor(user).then((token) =>
    gql(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id status version } }`,
      {
        input: {
          collaborationId: FH_ID,
          title: 'Halvera arbetslösheten bland utrikes födda män (test)',
          indicatorCode: 'af.bas.utrm.unemployed',
          baselinePeriod: '2025-09',
          targetPeriod: '2027-09',
          targetKind: 'RELATIVE_CHANGE',
          targetValue: -0.5,
          ...input,
        },
      },
      { token },
    ),
  );

const readGoal = async (user: string, id: string, collaborationId = FH_ID) =>
  gql(
    `query ($c: ID!, $id: ID!) { goal(collaborationId: $c, id: $id) { ${GOAL_FIELDS} } }`,
    { c: collaborationId, id },
    {
      token: await tokenFor(user),
    },
  );

const member = (goal: any, area: string) => goal.progress.members.find((m: any) => m.areaCode === area);

describe('goals with frozen per-member baselines', () => {
  let goalId: string;
  let version: number;

  beforeAll(async () => {
    await importAf('goal-2025-09-2026-09', [
      ...Object.values(MEMBERS).map(([name, baseline]) => row('2025-09', name, { UTRMSOK: baseline })),
      ...Object.values(MEMBERS).map(([name, , latest]) =>
        row(
          '2026-09',
          name,
          name === 'Helsingborg'
            ? { UTRMSOK: latest, UTRMAK: 9000 }
            : name === 'Landskrona'
              ? { UTRMSOK: latest, UTRMAK: 3000 }
              : { UTRMSOK: latest },
        ),
      ),
    ]);
  }, IMPORT_TIMEOUT);

  it('refuses a goal whose target period is not after its baseline, or names a non-member', async () => {
    const early = await createGoal('styrgrupp', { targetPeriod: '2025-06' });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.extensions!.fields).toEqual([
      { field: 'input.targetPeriod', message: 'must come after the baseline period' },
    ]);
    const outsider = await createGoal('styrgrupp', { areaCodes: ['1283', '2181'] });
    expect(outsider.errors![0]!.extensions!.fields![0]).toEqual({
      field: 'input.areaCodes',
      message: '2181: not a member municipality of this collaboration',
    });
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM goal WHERE title LIKE '%(test)'`);
    expect(count).toBe(0);
  });

  it('lets only steering members and coordinators set up goals', async () => {
    expect(errorCodes(await createGoal('helsingborg', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await createGoal('arbetsmarknad', {}))).toEqual(['FORBIDDEN']);
    const created = await createGoal('styrgrupp', {});
    expect(created.errors).toBeUndefined();
    goalId = created.data!['createGoal'].id;
    version = created.data!['createGoal'].version;
    expect(created.data!['createGoal'].status).toBe('DRAFT');
  });

  it('previews the baselines activation will freeze, writing nothing', async () => {
    const preview = await gql(
      `query ($c: ID!) { goalBaselinePreview(collaborationId: $c, indicatorCode: "af.bas.utrm.unemployed", baselinePeriod: "2025-09") {
          areaCode baseline { value low high } baselineFrozenAt } }`,
      { c: FH_ID },
      { token: await tokenFor('styrgrupp') },
    );
    const rows = preview.data!['goalBaselinePreview'];
    expect(rows).toHaveLength(11);
    expect(rows.find((r: any) => r.areaCode === '1283').baseline).toEqual({
      value: 1012,
      low: 1012,
      high: 1012,
    });
    expect(rows.find((r: any) => r.areaCode === '1260').baseline).toEqual({ value: null, low: 1, high: 4 });
    expect(rows.every((r: any) => r.baselineFrozenAt === null)).toBe(true);
  });

  it('freezes each member’s September figure on activation: target half of it, the region’s the sum', async () => {
    const activated = await gql(
      `mutation ($input: GoalVersionInput!) { activateGoal(input: $input) { status version } }`,
      { input: { collaborationId: FH_ID, goalId, expectedVersion: version } },
      { token: await tokenFor('styrgrupp') },
    );
    expect(activated.errors).toBeUndefined();
    version = activated.data!['activateGoal'].version;

    const goal = (await readGoal('helsingborg', goalId)).data!['goal'];
    expect(goal.status).toBe('ACTIVE');
    for (const [area, [, baseline]] of Object.entries(MEMBERS)) {
      const frozen = goal.members.find((m: any) => m.areaCode === area);
      expect(frozen.baselineFrozenAt).not.toBeNull();
      expect(frozen.baselineBatchId).not.toBeNull();
      if (baseline === '<5') expect(frozen.baseline).toEqual({ value: null, low: 1, high: 4 });
      else {
        expect(frozen.baseline).toEqual({ value: baseline, low: baseline, high: baseline });
        expect(member(goal, area).target.value).toBe(baseline / 2);
      }
    }
    // Σ of the ten exact baselines is 2 046; with Bjuv's 1 … 4 the region's is 2 047 … 2 050.
    expect(goal.progress.collaboration.baseline).toEqual({ value: null, low: 2047, high: 2050 });
    // Σ targets: 1 023 + Bjuv's 0.5 … 2
    expect(goal.progress.collaboration.target).toEqual({ value: null, low: 1023.5, high: 1025 });
    expect(goal.baselineChanges).toHaveLength(11);
    expect(goal.baselineChanges.every((c: any) => c.kind === 'FROZEN')).toBe(true);
    // The history reads Bjuv's "<5" as the range it is, as the baseline does, not as 1.
    expect(goal.baselineChanges.find((c: any) => c.areaCode === '1260').newValue).toEqual({
      value: null,
      low: 1,
      high: 4,
    });
  });

  it('computes each member’s progress and status, and the collaboration’s from summed counts', async () => {
    const goal = (await readGoal('styrgrupp', goalId)).data!['goal'];
    expect(goal.progress.asOf).toBe('2026-09');
    const expected: Record<string, [number, number, string]> = {
      // area: [expected today E, gap g, status], worked out by hand: E = B − B/2 · 12/24, g = (A − E)/(T − B)
      '1214': [90, 0, 'ON_TRACK'],
      '1257': [30, -0.3, 'OFF_TRACK'],
      '1275': [27, 0.5, 'ACHIEVED'],
      '1276': [66, -0.0909, 'AT_RISK'],
      '1277': [76.5, -0.0686, 'AT_RISK'],
      '1278': [18, 0, 'ON_TRACK'],
      '1282': [307.5, -0.4512, 'OFF_TRACK'],
      '1283': [759, 0.1166, 'ON_TRACK'],
      '1284': [48, -0.0625, 'AT_RISK'],
      '1292': [112.5, 0.0333, 'ON_TRACK'],
    };
    for (const [area, [e, g, status]] of Object.entries(expected)) {
      const progress = member(goal, area);
      expect([area, progress.status]).toEqual([area, status]);
      expect(progress.expected.value).toBeCloseTo(e, 6);
      expect(progress.gap.value).toBeCloseTo(g, 4);
      expect(progress.expectedProgress).toBe(0.5);
    }
    // Bjuv: baseline 1 … 4, latest 3: off track from a baseline of 1, on the path from 4.
    expect(member(goal, '1260').status).toBe('UNCERTAIN');
    expect(member(goal, '1260').flags).toContain('BOUNDED_BASELINE');

    const region = goal.progress.collaboration;
    expect(region.latest).toEqual({ value: 1575, low: 1575, high: 1575 });
    expect(region.included).toBe(11);
    // E = 1 535.25 … 1 537.5; g = −0.0388 … −0.0366: on track.
    expect(region.expected.low).toBeCloseTo(1535.25, 6);
    expect(region.expected.high).toBeCloseTo(1537.5, 6);
    expect(region.status).toBe('ON_TRACK');
  });

  it('sums a region as Σ numerators ÷ Σ denominators, not the mean of shares', async () => {
    const region = await gql(
      `query ($c: ID!) { regionSeries(collaborationId: $c, code: "af.bas.utrm.unemployment_share", areaCodes: ["1283", "1282"], from: "2026-09", to: "2026-09") {
          periods values included incomplete } }`,
      { c: FH_ID },
      { token: await tokenFor('helsingborg') },
    );
    // (700 + 400) / (9 000 + 3 000) × 100 = 9.1667 %; the mean of 7.78 % and 13.33 % would be 10.56 %.
    expect(region.data!['regionSeries'].periods).toEqual(['2026-09']);
    expect(region.data!['regionSeries'].values[0]).toBeCloseTo(9.1667, 4);
    expect(region.data!['regionSeries'].included).toEqual([2]);
    expect(region.data!['regionSeries'].incomplete).toEqual([false]);
  });

  it(
    'keeps a frozen baseline when a later import revises the baseline month, and shows the new month',
    async () => {
      await importAf('goal-revision', [
        row('2025-09', 'Helsingborg', { UTRMSOK: 1100 }),
        row('2026-10', 'Helsingborg', { UTRMSOK: 650 }),
      ]);
      const goal = (await readGoal('styrgrupp', goalId)).data!['goal'];
      expect(goal.members.find((m: any) => m.areaCode === '1283').baseline.value).toBe(1012);
      expect(member(goal, '1283').latestPeriod).toBe('2026-10');
      expect(member(goal, '1283').latest.value).toBe(650);
      // The other members have no October figure: the collaboration stays on September, flagged.
      expect(goal.progress.collaboration.latestPeriod).toBe('2026-09');
      expect(goal.progress.collaboration.flags).toContain('INCOMPLETE');
    },
    IMPORT_TIMEOUT,
  );

  it('re-baselines a member only as a recorded decision with a reason, and audits it', async () => {
    const missingReason = await gql(
      `mutation ($input: RebaselineGoalInput!) { rebaselineGoal(input: $input) { version } }`,
      {
        input: { collaborationId: FH_ID, goalId, expectedVersion: version, areaCodes: ['1283'], reason: '' },
      },
      { token: await tokenFor('styrgrupp') },
    );
    expect(errorCodes(missingReason)).toEqual(['BAD_USER_INPUT']);
    const denied = await gql(
      `mutation ($input: RebaselineGoalInput!) { rebaselineGoal(input: $input) { version } }`,
      {
        input: {
          collaborationId: FH_ID,
          goalId,
          expectedVersion: version,
          areaCodes: ['1283'],
          reason: 'Reviderat',
        },
      },
      { token: await tokenFor('helsingborg') },
    );
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);

    const rebaselined = await gql(
      `mutation ($input: RebaselineGoalInput!) { rebaselineGoal(input: $input) { version } }`,
      {
        input: {
          collaborationId: FH_ID,
          goalId,
          expectedVersion: version,
          areaCodes: ['1283'],
          reason: 'Arbetsförmedlingen reviderade septembersiffran',
        },
      },
      { token: await tokenFor('samordnare') },
    );
    expect(rebaselined.errors).toBeUndefined();
    const stale = await gql(
      `mutation ($input: RebaselineGoalInput!) { rebaselineGoal(input: $input) { version } }`,
      { input: { collaborationId: FH_ID, goalId, expectedVersion: version, reason: 'En gång till' } },
      { token: await tokenFor('samordnare') },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    version = rebaselined.data!['rebaselineGoal'].version;

    const goal = (await readGoal('styrgrupp', goalId)).data!['goal'];
    expect(goal.members.find((m: any) => m.areaCode === '1283').baseline.value).toBe(1100);
    expect(member(goal, '1283').target.value).toBe(550);
    expect(goal.baselineChanges[0]).toEqual({
      areaCode: '1283',
      kind: 'REBASELINED',
      oldValue: { value: 1012, low: 1012, high: 1012 },
      newValue: { value: 1100, low: 1100, high: 1100 },
      reason: 'Arbetsförmedlingen reviderade septembersiffran',
      changedByName: 'Sam Samordnarsson',
    });
    const audit = await sql(
      `SELECT action, after->>'reason' AS reason FROM audit_event WHERE entity_id = $1 AND action = 'goal.rebaselined'`,
      [goalId],
    );
    expect(audit).toEqual([
      { action: 'goal.rebaselined', reason: 'Arbetsförmedlingen reviderade septembersiffran' },
    ]);
  });

  it('lets a member leave the goal: its figures leave the collaboration’s sums', async () => {
    const areas = Object.keys(MEMBERS).filter((area) => area !== '1282');
    const updated = await gql(
      `mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { version } }`,
      { input: { collaborationId: FH_ID, goalId, expectedVersion: version, areaCodes: areas } },
      { token: await tokenFor('styrgrupp') },
    );
    expect(updated.errors).toBeUndefined();
    version = updated.data!['updateGoal'].version;
    const goal = (await readGoal('styrgrupp', goalId)).data!['goal'];
    expect(goal.progress.members.map((m: any) => m.areaCode)).not.toContain('1282');
    // Baselines: 2 047 … 2 050 − Landskrona's 410 + Helsingborg's re-baseline (+88)
    expect(goal.progress.collaboration.baseline).toEqual({ value: null, low: 1725, high: 1728 });
    expect(goal.members.find((m: any) => m.areaCode === '1282').inScope).toBe(false);
  });

  it('refuses to change what an active goal measures', async () => {
    const changed = await gql(
      `mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { version } }`,
      { input: { collaborationId: FH_ID, goalId, expectedVersion: version, baselinePeriod: '2025-10' } },
      { token: await tokenFor('styrgrupp') },
    );
    expect(errorCodes(changed)).toEqual(['BAD_USER_INPUT']);
    expect(changed.errors![0]!.extensions!.fields![0].field).toBe('input.baselinePeriod');
  });

  it('records check-ins with the computed status beside the group’s own assessment', async () => {
    const checkIn = await gql(
      `mutation ($input: AddGoalCheckInInput!) { addGoalCheckIn(input: $input) { assessment computedStatus comment authorName } }`,
      {
        input: {
          collaborationId: FH_ID,
          goalId,
          heldOn: '2026-11-20',
          assessment: 'AT_RISK',
          comment: 'Landskrona och Örkelljunga ligger efter.',
          nextSteps: 'Gruppen arbetsmarknad återkommer.',
        },
      },
      { token: await tokenFor('styrgrupp') },
    );
    expect(checkIn.errors).toBeUndefined();
    expect(checkIn.data!['addGoalCheckIn']).toMatchObject({
      assessment: 'AT_RISK',
      authorName: 'Stina Styrsson',
    });
    expect(checkIn.data!['addGoalCheckIn'].computedStatus).not.toBeNull();
  });

  it('keeps goals inside their collaboration', async () => {
    expect(errorCodes(await readGoal('sandviken', goalId))).toEqual(['FORBIDDEN']);
    // Asking through one's own collaboration for another's goal finds nothing.
    expect(errorCodes(await readGoal('sandviken', goalId, SANDVIKEN_ID))).toEqual(['NOT_FOUND']);
    const list = await gql(
      `query ($c: ID!) { goals(collaborationId: $c) { id collaborationId } }`,
      { c: SANDVIKEN_ID },
      {
        token: await tokenFor('sandviken'),
      },
    );
    expect(list.data!['goals'].every((goal: any) => goal.collaborationId === SANDVIKEN_ID)).toBe(true);
  });
});

describe('cached reads', () => {
  it('replay an answer only to the user it was computed for, and never after a change', async () => {
    const query = `query ($c: ID!) { goals(collaborationId: $c) { id checkIns { id } } }`;
    const read = async (user: string) => gql(query, { c: FH_ID }, { token: await tokenFor(user) });
    const first = await read('styrgrupp');
    expect(first.errors).toBeUndefined();
    expect(await read('styrgrupp')).toEqual(first);
    const replayed = await fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('styrgrupp')}` },
      body: JSON.stringify({ query, variables: { c: FH_ID } }),
    });
    expect(replayed.headers.get('x-kraftsamling-cache')).toBe('hit');
    expect(await replayed.json()).toEqual(first);
    // The identical request by someone outside the collaboration is checked, not replayed.
    expect(errorCodes(await read('sandviken'))).toEqual(['FORBIDDEN']);
    const goal = first.data!['goals'].find((g: any) => g.checkIns.length > 0) ?? first.data!['goals'][0];
    const added = await gql(
      `mutation ($input: AddGoalCheckInInput!) { addGoalCheckIn(input: $input) { id } }`,
      { input: { collaborationId: FH_ID, goalId: goal.id, heldOn: '2026-11-27', assessment: 'ON_TRACK' } },
      { token: await tokenFor('styrgrupp') },
    );
    expect(added.errors).toBeUndefined();
    const after = (await read('styrgrupp')).data!['goals'].find((g: any) => g.id === goal.id);
    expect(after.checkIns.map((c: any) => c.id)).toContain(added.data!['addGoalCheckIn'].id);
  });
});

describe('decisions', () => {
  it('records a decision with owner and due date; overdue ones stand out; only the steering group decides', async () => {
    const input = {
      collaborationId: FH_ID,
      title: 'Arbetsförmedlingen levererar oktobersiffror (test)',
      decidedOn: '2026-10-01',
      dueOn: '2026-10-15',
      ownerOrganizationId: '21010000-0000-4000-8000-000000000001',
    };
    const denied = await gql(
      `mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`,
      { input },
      { token: await tokenFor('helsingborg') },
    );
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    const badDue = await gql(
      `mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`,
      { input: { ...input, dueOn: '2026-09-01' } },
      { token: await tokenFor('styrgrupp') },
    );
    expect(badDue.errors![0]!.extensions!.fields).toEqual([
      { field: 'input.dueOn', message: 'must be on or after the decision date 2026-10-01' },
    ]);
    const created = await gql(
      `mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id status overdue ownerOrganizationName version } }`,
      { input },
      { token: await tokenFor('styrgrupp') },
    );
    expect(created.data!['createDecision']).toMatchObject({
      status: 'OPEN',
      overdue: true,
      ownerOrganizationName: expect.any(String),
    });
    const done = await gql(
      `mutation ($input: UpdateDecisionInput!) { updateDecision(input: $input) { status overdue version } }`,
      {
        input: {
          collaborationId: FH_ID,
          decisionId: created.data!['createDecision'].id,
          expectedVersion: created.data!['createDecision'].version,
          status: 'DONE',
        },
      },
      { token: await tokenFor('styrgrupp') },
    );
    expect(done.data!['updateDecision']).toMatchObject({ status: 'DONE', overdue: false });
    const stale = await gql(
      `mutation ($input: UpdateDecisionInput!) { updateDecision(input: $input) { status } }`,
      {
        input: {
          collaborationId: FH_ID,
          decisionId: created.data!['createDecision'].id,
          expectedVersion: created.data!['createDecision'].version,
          status: 'CANCELLED',
        },
      },
      { token: await tokenFor('styrgrupp') },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  it('lists the log for every member, a decision without a due date never overdue', async () => {
    const open = await gql(
      `mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id overdue } }`,
      {
        input: {
          collaborationId: FH_ID,
          title: 'Uppföljning utan slutdatum (test)',
          decidedOn: '2026-10-01',
        },
      },
      { token: await tokenFor('styrgrupp') },
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!['createDecision'].overdue).toBe(false);
    const log = await gql(
      `query ($c: ID!) { decisions(collaborationId: $c) { id overdue dueOn } }`,
      { c: FH_ID },
      { token: await tokenFor('helsingborg') },
    );
    expect(log.errors).toBeUndefined();
    const listed = log.data!['decisions'].find((d: any) => d.id === open.data!['createDecision'].id);
    expect(listed).toEqual({ id: open.data!['createDecision'].id, overdue: false, dueOn: null });
    const overdueOnly = await gql(
      `query ($c: ID!) { decisions(collaborationId: $c, overdueOnly: true) { id overdue } }`,
      { c: FH_ID },
      { token: await tokenFor('helsingborg') },
    );
    expect(overdueOnly.errors).toBeUndefined();
    expect(overdueOnly.data!['decisions'].every((d: any) => d.overdue)).toBe(true);
  });
});
