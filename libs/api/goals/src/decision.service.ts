import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import type { GroupKind } from '@kraftsamling/api/core/database';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { mayRecordDecisionsIn } from './decision-rights';
import type { CreateDecisionInput, UpdateDecisionInput } from './inputs';
import type { DecisionModel } from './models';

// A decision is overdue while it is open or in progress and its due date has passed
// (Swedish dates: the day ends in Stockholm, not in UTC). One without a due date never is:
// the IS NOT NULL keeps the comparison from yielding NULL for a non-null GraphQL field.
const SELECT_DECISION = `
  SELECT d.id, d.collaboration_id AS "collaborationId", d.group_id AS "groupId", d.title, d.description,
         to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", d.owner_user_id AS "ownerUserId", u.name AS "ownerName",
         d.owner_organization_id AS "ownerOrganizationId", o.name AS "ownerOrganizationName",
         to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", d.status,
         (d.due_on IS NOT NULL AND d.status IN ('OPEN', 'IN_PROGRESS') AND d.due_on < (now() AT TIME ZONE 'Europe/Stockholm')::date) AS overdue,
         d.goal_id AS "goalId", d.version
    FROM decision d
    LEFT JOIN app_user u ON u.id = d.owner_user_id
    LEFT JOIN organization o ON o.id = d.owner_organization_id AND o.collaboration_id = d.collaboration_id`;

export interface DecisionFilter {
  groupId?: string | null;
  goalId?: string | null;
  overdueOnly?: boolean | null;
}

/**
 * A group's decision log (the steering group's by default); filtered on the tenant throughout.
 * Who writes in which log: mayRecordDecisionsIn, checked inside every write's transaction.
 */
@Injectable()
export class DecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  list(tenant: TenantScope, filter: DecisionFilter): Promise<DecisionModel[]> {
    return this.dataSource.query(
      `SELECT * FROM (${SELECT_DECISION}
        WHERE d.collaboration_id = $1 AND ($2::uuid IS NULL OR d.group_id = $2) AND ($3::uuid IS NULL OR d.goal_id = $3)) x
        WHERE NOT $4::boolean OR x.overdue
        ORDER BY x.overdue DESC, x."decidedOn" DESC, x.title`,
      [tenant.collaborationId, filter.groupId ?? null, filter.goalId ?? null, filter.overdueOnly ?? false],
    );
  }

  async create(tenant: TenantScope, input: CreateDecisionInput): Promise<DecisionModel> {
    const groupId = input.groupId ?? (await this.steeringGroup(tenant));
    await this.checkReferences(tenant, { ...input, groupId });
    this.checkDates(input.decidedOn, input.dueOn ?? null);
    return this.dataSource.transaction(async (manager) => {
      await this.authorizeRecordIn(manager, tenant, groupId);
      const [{ id }] = await manager.query(
        `INSERT INTO decision (collaboration_id, group_id, title, description, decided_on, owner_user_id,
                               owner_organization_id, due_on, goal_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          tenant.collaborationId,
          groupId,
          input.title,
          input.description || null,
          input.decidedOn,
          input.ownerUserId ?? null,
          input.ownerOrganizationId ?? null,
          input.dueOn ?? null,
          input.goalId ?? null,
          tenant.actor.userId,
        ],
      );
      const created = await this.get(manager, tenant, id);
      await this.record(manager, tenant, 'decision.created', id, null, created);
      return created;
    });
  }

  async update(tenant: TenantScope, input: UpdateDecisionInput): Promise<DecisionModel> {
    await this.checkReferences(tenant, input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager, tenant, input.decisionId);
      await this.authorizeRecordIn(manager, tenant, before.groupId);
      this.checkDates(before.decidedOn, input.dueOn === undefined ? before.dueOn : input.dueOn);
      const given = (value: unknown) => value !== undefined;
      const [rows] = await manager.query(
        `UPDATE decision SET
            title = coalesce($4, title),
            description = CASE WHEN $5::boolean THEN $6 ELSE description END,
            owner_user_id = CASE WHEN $7::boolean THEN $8::uuid ELSE owner_user_id END,
            owner_organization_id = CASE WHEN $9::boolean THEN $10::uuid ELSE owner_organization_id END,
            due_on = CASE WHEN $11::boolean THEN $12::date ELSE due_on END,
            goal_id = CASE WHEN $13::boolean THEN $14::uuid ELSE goal_id END,
            status = coalesce($15, status),
            version = version + 1, updated_at = now()
          WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [
          input.decisionId,
          tenant.collaborationId,
          input.expectedVersion,
          input.title ?? null,
          given(input.description),
          input.description || null,
          given(input.ownerUserId),
          input.ownerUserId ?? null,
          given(input.ownerOrganizationId),
          input.ownerOrganizationId ?? null,
          given(input.dueOn),
          input.dueOn ?? null,
          given(input.goalId),
          input.goalId ?? null,
          input.status ?? null,
        ],
      );
      if ((rows as unknown[]).length !== 1) throw conflict('Decision', input.decisionId);
      const after = await this.get(manager, tenant, input.decisionId);
      await this.record(manager, tenant, 'decision.updated', after.id, before, after);
      return after;
    });
  }

  private async get(manager: EntityManager, tenant: TenantScope, id: string): Promise<DecisionModel> {
    const [row] = await manager.query(`${SELECT_DECISION} WHERE d.id = $1 AND d.collaboration_id = $2`, [
      id,
      tenant.collaborationId,
    ]);
    if (!row) throw notFound('Decision', id);
    return row;
  }

  /**
   * Security invariant: a group member records and follows up decisions only in their own
   * operational group's log; those with decision:manage in any group's (the guard let in
   * anyone with decision:record). Read in the write's transaction: a decision never moves to
   * another group, so the group checked is the group written.
   */
  private async authorizeRecordIn(
    manager: EntityManager,
    tenant: TenantScope,
    groupId: string,
  ): Promise<void> {
    const [group] = (await manager.query(
      `SELECT id, kind FROM "group" WHERE id = $1 AND collaboration_id = $2`,
      [groupId, tenant.collaborationId],
    )) as { id: string; kind: GroupKind }[];
    if (group && mayRecordDecisionsIn(tenant, group)) return;
    throw forbidden('You may record and follow up decisions only in your own operational group’s log.');
  }

  private async steeringGroup(tenant: TenantScope): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM "group" WHERE collaboration_id = $1 AND kind = 'STEERING'`,
      [tenant.collaborationId],
    );
    if (!row)
      throw badInput([
        { field: 'input.groupId', message: 'the collaboration has no steering group: name the group' },
      ]);
    return row.id;
  }

  private checkDates(decidedOn: string, dueOn: string | null): void {
    if (dueOn && dueOn < decidedOn)
      throw badInput([
        { field: 'input.dueOn', message: `must be on or after the decision date ${decidedOn}` },
      ]);
  }

  /** Every id a decision names must belong to this collaboration (the owner must be a member). */
  private async checkReferences(
    tenant: TenantScope,
    input: {
      groupId?: string | null;
      ownerUserId?: string | null;
      ownerOrganizationId?: string | null;
      goalId?: string | null;
    },
  ): Promise<void> {
    const [found] = await this.dataSource.query(
      `SELECT
         ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM "group" WHERE id = $2 AND collaboration_id = $1)) AS "group",
         ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM membership WHERE user_id = $3 AND collaboration_id = $1)) AS "owner",
         ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM organization WHERE id = $4 AND collaboration_id = $1)) AS "organization",
         ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM goal WHERE id = $5 AND collaboration_id = $1)) AS "goal"`,
      [
        tenant.collaborationId,
        input.groupId ?? null,
        input.ownerUserId ?? null,
        input.ownerOrganizationId ?? null,
        input.goalId ?? null,
      ],
    );
    const problems: FieldProblem[] = [];
    if (!found.group) problems.push({ field: 'input.groupId', message: 'not a group of this collaboration' });
    if (!found.owner)
      problems.push({ field: 'input.ownerUserId', message: 'not a member of this collaboration' });
    if (!found.organization)
      problems.push({
        field: 'input.ownerOrganizationId',
        message: 'not a member organisation of this collaboration',
      });
    if (!found.goal) problems.push({ field: 'input.goalId', message: 'not a goal of this collaboration' });
    if (problems.length) throw badInput(problems);
  }

  private record(
    manager: EntityManager,
    tenant: TenantScope,
    action: string,
    id: string,
    before: object | null,
    after: object,
  ) {
    return this.audit.record(manager, {
      collaborationId: tenant.collaborationId,
      actor: tenant.actor,
      action,
      entityType: 'decision',
      entityId: id,
      before,
      after,
    });
  }
}
