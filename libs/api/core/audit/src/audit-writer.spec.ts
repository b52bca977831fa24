import type { DataSource } from 'typeorm';
import { createDataSource, createTestDatabase, migrate } from '@kraftsamling/api/core/database';
import { AuditWriter } from './audit-writer';

describe('AuditWriter', () => {
  let dataSource: DataSource;
  const writer = new AuditWriter();
  const record = {
    collaborationId: null,
    actor: { userId: null, subject: 'subject-1' },
    action: 'thing.changed',
    entityType: 'thing',
    entityId: 'thing-1',
    before: { name: 'old' },
    after: { name: 'new' },
  };

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('audit_lib') });
    await dataSource.initialize();
    await migrate(dataSource);
  });
  afterAll(() => dataSource?.destroy());

  it('writes before and after inside the caller’s transaction', async () => {
    await dataSource.transaction((manager) => writer.record(manager, record));
    const rows = await dataSource.query(`SELECT action, entity_id, before, after FROM audit_event`);
    expect(rows).toEqual([
      { action: 'thing.changed', entity_id: 'thing-1', before: { name: 'old' }, after: { name: 'new' } },
    ]);
  });

  it('rolls back with the change it records', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.record(manager, { ...record, action: 'thing.rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'thing.rolled-back'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(writer.record(dataSource.manager, record)).rejects.toThrow(/outside a transaction/);
  });
});
