import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What a reader of one collaboration's audit log may narrow it by; every part optional. */
export interface AuditLogFilter {
  /** part of the acting person's name, e-mail or username, case-insensitive */
  person?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** first day, YYYY-MM-DD, Swedish time (inclusive) */
  from?: string | null;
  /** last day, YYYY-MM-DD, Swedish time (inclusive) */
  to?: string | null;
}

export interface AuditLogEntry {
  id: string;
  collaborationId: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditLogPage {
  items: AuditLogEntry[];
  totalCount: number;
}

/** Days are the days of the people reading the log. */
const TIME_ZONE = 'Europe/Stockholm';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The one place the API reads audit_event. Everything else only inserts (AuditWriter),
 * so when the database role of the API may no longer select from the table, only this
 * method changes (to a view or function that keeps the same tenant filter).
 */
@Injectable()
export class AuditLogReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of one collaboration's events, newest first. Security invariant: the
   * collaboration id comes from the access guard's tenant, never from the filter, and
   * every statement is restricted to it, so events of another tenant (or of no tenant,
   * such as logins) are never read.
   */
  async read(
    collaborationId: string,
    filter: AuditLogFilter,
    page: { offset: number; limit: number },
  ): Promise<AuditLogPage> {
    const conditions = ['e.collaboration_id = $1'];
    const params: unknown[] = [collaborationId];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.person)
      add(
        (p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p} OR u.username ILIKE ${p})`,
        likePattern(filter.person),
      );
    if (filter.entityType) add((p) => `e.entity_type = ${p}`, filter.entityType);
    if (filter.entityId) add((p) => `e.entity_id = ${p}`, filter.entityId);
    if (filter.from)
      add((p) => `e.occurred_at >= (${p}::date)::timestamp AT TIME ZONE '${TIME_ZONE}'`, filter.from);
    if (filter.to)
      add((p) => `e.occurred_at < ((${p}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`, filter.to);
    const where = conditions.join(' AND ');
    // Row-level security gives the API no SELECT on audit_event: the definer function returns
    // the operation's own collaboration's events only.
    const from = `FROM audit_events_of_collaboration() e LEFT JOIN app_user u ON u.id = e.actor_user_id WHERE ${where}`;
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count ${from}`, params)) as [
      { count: number },
    ];
    const items = (await this.dataSource.query(
      `SELECT e.id::text AS id, e.collaboration_id AS "collaborationId", e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType",
              e.entity_id AS "entityId", e.actor_user_id AS "actorId", u.name AS "actorName",
              u.email AS "actorEmail", e.before, e.after
         ${from}
        ORDER BY e.occurred_at DESC, e.id DESC
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    )) as AuditLogEntry[];
    return { items, totalCount: count };
  }

  /**
   * Every event about the given entities of one collaboration, newest first, in one
   * statement (an entity's history for many entities at once: a batched field). The same
   * security invariant as `read`: the collaboration comes from the caller's tenant.
   */
  async forEntities(
    collaborationId: string,
    entityType: string,
    entityIds: readonly string[],
  ): Promise<AuditLogEntry[]> {
    if (!entityIds.length) return [];
    return (await this.dataSource.query(
      `SELECT e.id::text AS id, e.collaboration_id AS "collaborationId", e.occurred_at AS "occurredAt", e.action,
              e.entity_type AS "entityType", e.entity_id AS "entityId", e.actor_user_id AS "actorId",
              u.name AS "actorName", u.email AS "actorEmail", e.before, e.after
         FROM audit_events_of_collaboration() e LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.collaboration_id = $1 AND e.entity_type = $2 AND e.entity_id = ANY($3)
        ORDER BY e.occurred_at DESC, e.id DESC`,
      [collaborationId, entityType, entityIds],
    )) as AuditLogEntry[];
  }
}
