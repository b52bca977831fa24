import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  /** null for events outside any collaboration (a user's first login). */
  collaborationId: string | null;
  actor: { userId: string | null; subject: string | null };
  /** what happened, as `<entity>.<verb>`, e.g. `membership.added` */
  action: string;
  entityType: string;
  entityId: string | null;
  before: object | null;
  after: object | null;
}

/**
 * Writes the audit trail. It takes the EntityManager of the caller's transaction on
 * purpose: the audit record commits or rolls back together with the change it records.
 */
@Injectable()
export class AuditWriter {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`audit record for ${record.action} written outside a transaction`);
    }
    await manager.query(
      `INSERT INTO audit_event (collaboration_id, actor_user_id, actor_subject, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        record.collaborationId,
        record.actor.userId,
        record.actor.subject,
        record.action,
        record.entityType,
        record.entityId,
        record.before === null ? null : JSON.stringify(record.before),
        record.after === null ? null : JSON.stringify(record.after),
      ],
    );
  }
}
