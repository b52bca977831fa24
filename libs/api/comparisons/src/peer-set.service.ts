import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { badInput, conflict, forbidden, notFound } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { ComparisonService } from './comparison.service';
import type { DeletePeerSetInput, SavePeerSetInput } from './inputs';
import type { PeerSetModel } from './models';

const SELECT_PEER_SET = `
  SELECT id, title, source, source_id AS "sourceId", collaboration_id IS NULL OR shared AS shared,
         coalesce(owner_user_id = $2, false) AS mine, array_to_json(area_codes) AS "areaCodes", version,
         owner_user_id AS "ownerUserId"
    FROM peer_set`;

type PeerSetRow = PeerSetModel & { ownerUserId: string | null };

/**
 * Sets of municipalities to compare with: published groups (Kolada's, loaded by the
 * operator) and sets people save, private or shared with their collaboration.
 */
@Injectable()
export class PeerSetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comparisons: ComparisonService,
    private readonly audit: AuditWriter,
  ) {}

  /** Published groups, the collaboration's shared sets and the reader's own, by title. */
  async list(tenant: TenantScope): Promise<PeerSetModel[]> {
    const rows: PeerSetRow[] = await this.dataSource.query(
      `${SELECT_PEER_SET}
        WHERE collaboration_id IS NULL OR (collaboration_id = $1 AND (shared OR owner_user_id = $2))
        ORDER BY source = 'KOLADA', title COLLATE swedish, id`,
      [tenant.collaborationId, tenant.actor.userId],
    );
    return rows.map(strip);
  }

  async save(tenant: TenantScope, input: SavePeerSetInput): Promise<PeerSetModel> {
    const areas = [...new Set(input.areaCodes)].sort();
    await this.comparisons.checkMunicipalities(areas, 'input.areaCodes');
    if (input.peerSetId && !input.expectedVersion)
      throw badInput([{ field: 'input.expectedVersion', message: 'give the version you loaded' }]);
    return this.dataSource.transaction(async (manager) => {
      if (!input.peerSetId) {
        const [{ id }] = await manager.query(
          `INSERT INTO peer_set (collaboration_id, source, owner_user_id, shared, title, area_codes)
           VALUES ($1, 'CUSTOM', $2, $3, $4, $5) RETURNING id`,
          [tenant.collaborationId, tenant.actor.userId, input.shared, input.title, areas],
        );
        const created = await this.get(manager, tenant, id);
        await this.record(manager, tenant, 'peer_set.created', id, null, created);
        return strip(created);
      }
      const before = await this.get(manager, tenant, input.peerSetId);
      // Only its owner changes a set; a shared set is still theirs.
      if (before.ownerUserId !== tenant.actor.userId)
        throw forbidden('Only the person who saved this set can change it: save a copy of your own instead.');
      const updated = await manager.query(
        `UPDATE peer_set SET title = $4, area_codes = $5, shared = $6, version = version + 1, updated_at = now()
          WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [input.peerSetId, tenant.collaborationId, input.expectedVersion, input.title, areas, input.shared],
      );
      if ((updated[0] as unknown[]).length !== 1) throw conflict('PeerSet', input.peerSetId);
      const after = await this.get(manager, tenant, input.peerSetId);
      await this.record(manager, tenant, 'peer_set.updated', after.id, before, after);
      return strip(after);
    });
  }

  async delete(tenant: TenantScope, input: DeletePeerSetInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager, tenant, input.peerSetId);
      // A coordinator may tidy away a shared set; a private one is only its owner's.
      const coordinator = tenant.permissions.includes(Permission.MemberManage);
      if (before.ownerUserId !== tenant.actor.userId && !(coordinator && before.shared))
        throw forbidden(
          'Only the person who saved this set, or a coordinator for a shared set, can remove it.',
        );
      const deleted = await manager.query(
        `DELETE FROM peer_set WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [input.peerSetId, tenant.collaborationId, input.expectedVersion],
      );
      if ((deleted[0] as unknown[]).length !== 1) throw conflict('PeerSet', input.peerSetId);
      await this.record(manager, tenant, 'peer_set.deleted', before.id, before, null);
      return before.id;
    });
  }

  /** One of the collaboration's saved sets the reader may see (published groups are not edited here). */
  private async get(manager: EntityManager, tenant: TenantScope, id: string): Promise<PeerSetRow> {
    const [row] = await manager.query(
      `${SELECT_PEER_SET} WHERE id = $3 AND collaboration_id = $1 AND (shared OR owner_user_id = $2)`,
      [tenant.collaborationId, tenant.actor.userId, id],
    );
    if (!row) throw notFound('PeerSet', id);
    return row;
  }

  private record(
    manager: EntityManager,
    tenant: TenantScope,
    action: string,
    id: string,
    before: object | null,
    after: object | null,
  ) {
    return this.audit.record(manager, {
      collaborationId: tenant.collaborationId,
      actor: tenant.actor,
      action,
      entityType: 'peer_set',
      entityId: id,
      before,
      after,
    });
  }
}

function strip({ ownerUserId: _owner, ...model }: PeerSetRow): PeerSetModel {
  return model;
}
