import type { DataSource } from 'typeorm';
import {
  NO_DB_CONTEXT,
  applyTenantContext,
  createDataSource,
  createTestDatabase,
  migrate,
  runWithDbContext,
} from '@kraftsamling/api/core/database';
import { AuditLogReader } from './audit-log-reader';

describe('AuditLogReader', () => {
  let dataSource: DataSource;
  let reader: AuditLogReader;
  const tenant = 'a0000000-0000-4000-8000-000000000001';
  const otherTenant = 'a0000000-0000-4000-8000-000000000002';
  const alma = 'b0000000-0000-4000-8000-000000000001';
  const bo = 'b0000000-0000-4000-8000-000000000002';
  const all = { offset: 0, limit: 100 };

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('audit_log_reader') });
    await dataSource.initialize();
    await migrate(dataSource);
    await dataSource.query(
      `INSERT INTO collaboration (id, slug, name) VALUES ($1, 'en', 'En'), ($2, 'tva', 'Två')`,
      [tenant, otherTenant],
    );
    await dataSource.query(
      `INSERT INTO app_user (id, subject, username, name, email) VALUES
         ($1, 's1', 'alma', 'Alma Analysson', 'alma@kraftsamling.example'),
         ($2, 's2', 'bo', 'Bo Exempelsson', 'bo_x@kraftsamling.example')`,
      [alma, bo],
    );
    // Times in UTC: 2026-03-01 23:30 UTC is already 2 March in Sweden.
    const events: [string | null, string, string, string, string][] = [
      [tenant, alma, 'group.created', 'group', '2026-02-28T12:00:00Z'],
      [tenant, bo, 'membership.added', 'membership', '2026-03-01T23:30:00Z'],
      [tenant, alma, 'group.renamed', 'group', '2026-03-05T08:00:00Z'],
      [otherTenant, alma, 'group.created', 'group', '2026-03-01T10:00:00Z'],
      [null, alma, 'user.first-login', 'app_user', '2026-03-01T10:00:00Z'],
    ];
    for (const [collaborationId, actor, action, entityType, at] of events)
      await dataSource.query(
        `INSERT INTO audit_event (collaboration_id, actor_user_id, action, entity_type, entity_id, occurred_at, after)
         VALUES ($1, $2, $3, $4, $5, $6, '{"name":"x"}')`,
        [collaborationId, actor, action, entityType, `${entityType}-1`, at],
      );
    // As in the API: every transaction carries the operation's context, and the reader runs
    // inside the collaboration's (the log is read through audit_events_of_collaboration()).
    applyTenantContext(dataSource);
    const plain = new AuditLogReader(dataSource);
    reader = Object.assign(Object.create(plain), {
      read: (collaborationId: string, ...rest: [never, never]) =>
        runWithDbContext({ ...NO_DB_CONTEXT, collaborationId }, () => plain.read(collaborationId, ...rest)),
    }) as AuditLogReader;
  });
  afterAll(() => dataSource?.destroy());

  const actions = async (filter: Parameters<AuditLogReader['read']>[1], page = all) =>
    (await reader.read(tenant, filter, page)).items.map((item) => item.action);

  it('reads only the collaboration’s own events, newest first, with the actor', async () => {
    const page = await reader.read(tenant, {}, all);
    expect(page.totalCount).toBe(3);
    expect(page.items.map((item) => item.action)).toEqual([
      'group.renamed',
      'membership.added',
      'group.created',
    ]);
    expect(page.items[0]).toMatchObject({
      actorId: alma,
      actorName: 'Alma Analysson',
      actorEmail: 'alma@kraftsamling.example',
      entityType: 'group',
      entityId: 'group-1',
      after: { name: 'x' },
    });
  });

  it('filters by person (name, e-mail or username; LIKE wildcards are literal)', async () => {
    expect(await actions({ person: 'alma' })).toEqual(['group.renamed', 'group.created']);
    expect(await actions({ person: 'EXEMPEL' })).toEqual(['membership.added']);
    expect(await actions({ person: 'bo_x' })).toEqual(['membership.added']);
    expect(await actions({ person: '_' })).toEqual(['membership.added']);
    expect(await actions({ person: '%' })).toEqual([]);
  });

  it('filters by entity type and id', async () => {
    expect(await actions({ entityType: 'membership' })).toEqual(['membership.added']);
    expect(await actions({ entityType: 'group', entityId: 'group-1' })).toEqual([
      'group.renamed',
      'group.created',
    ]);
    expect(await actions({ entityId: 'nothing' })).toEqual([]);
  });

  it('filters by period in Swedish days, both ends inclusive', async () => {
    expect(await actions({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['membership.added']);
    expect(await actions({ to: '2026-03-01' })).toEqual(['group.created']);
    expect(await actions({ from: '2026-03-03' })).toEqual(['group.renamed']);
  });

  it('pages with offset and limit and counts the whole result', async () => {
    const page = await reader.read(tenant, {}, { offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.items.map((item) => item.action)).toEqual(['membership.added']);
  });
});
