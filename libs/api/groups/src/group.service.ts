import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { badInput, conflict, isUniqueViolation, notFound } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import type { CreateGroupInput, RenameGroupInput } from './inputs';
import type { GroupModel } from './models';

const SELECT_GROUP = `SELECT id, collaboration_id AS "collaborationId", kind, name, focus_area AS "focusArea", version FROM "group"`;

function uniqueProblem(error: unknown): never {
  if (isUniqueViolation(error, 'group_name_unique')) {
    throw badInput([
      { field: 'input.name', message: 'a group with this name already exists in this collaboration' },
    ]);
  }
  if (isUniqueViolation(error, 'group_one_steering')) {
    throw badInput([{ field: 'input.kind', message: 'this collaboration already has a steering group' }]);
  }
  throw error;
}

/** Groups of one collaboration; every statement is filtered on the tenant. */
@Injectable()
export class GroupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  list(tenant: TenantScope): Promise<GroupModel[]> {
    return this.dataSource.query(
      `${SELECT_GROUP} WHERE collaboration_id = $1 ORDER BY kind DESC, name COLLATE swedish`,
      [tenant.collaborationId],
    );
  }

  byIds(collaborationId: string, ids: readonly string[]): Promise<GroupModel[]> {
    return this.dataSource.query(`${SELECT_GROUP} WHERE collaboration_id = $1 AND id = ANY($2)`, [
      collaborationId,
      ids,
    ]);
  }

  create(tenant: TenantScope, input: CreateGroupInput): Promise<GroupModel> {
    return this.dataSource.transaction(async (manager) => {
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO "group" (collaboration_id, kind, name, focus_area) VALUES ($1, $2, $3, $4) RETURNING id`,
          [tenant.collaborationId, input.kind, input.name, input.focusArea || null],
        );
      } catch (error) {
        uniqueProblem(error);
      }
      const created = await this.get(manager, tenant, id);
      await this.record(manager, tenant, 'group.created', id, null, created);
      return created;
    });
  }

  rename(tenant: TenantScope, input: RenameGroupInput): Promise<GroupModel> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager, tenant, input.groupId);
      let updated: unknown[];
      try {
        [updated] = await manager.query(
          `UPDATE "group" SET name = $4, version = version + 1, updated_at = now()
            WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
          [input.groupId, tenant.collaborationId, input.expectedVersion, input.name],
        );
      } catch (error) {
        uniqueProblem(error);
      }
      if (updated.length !== 1) throw conflict('Group', input.groupId);
      const after = await this.get(manager, tenant, input.groupId);
      await this.record(manager, tenant, 'group.renamed', after.id, before, after);
      return after;
    });
  }

  private async get(manager: EntityManager, tenant: TenantScope, id: string): Promise<GroupModel> {
    const [row] = await manager.query(`${SELECT_GROUP} WHERE id = $1 AND collaboration_id = $2`, [
      id,
      tenant.collaborationId,
    ]);
    if (!row) throw notFound('Group', id);
    return row;
  }

  private record(
    manager: EntityManager,
    tenant: TenantScope,
    action: string,
    id: string,
    before: GroupModel | null,
    after: GroupModel,
  ) {
    return this.audit.record(manager, {
      collaborationId: tenant.collaborationId,
      actor: tenant.actor,
      action,
      entityType: 'group',
      entityId: id,
      before,
      after,
    });
  }
}
