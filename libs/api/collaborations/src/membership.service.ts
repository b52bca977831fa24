import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import {
  DomainError,
  ErrorCode,
  badInput,
  conflict,
  isConstraintViolation,
  isUniqueViolation,
  notFound,
  type FieldProblem,
} from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { checkRoleBinding, Role } from '@kraftsamling/shared/permissions';
import type { AddMemberInput, ChangeMemberRoleInput, RemoveMemberInput } from './inputs';
import type { MembershipModel } from './models';

interface MembershipRow {
  id: string;
  collaborationId: string;
  role: Role;
  organizationId: string | null;
  groupId: string | null;
  version: number;
  createdAt: Date;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  userUsername: string | null;
  invitedEmail: string | null;
  invitedName: string | null;
}

const SELECT_MEMBERSHIP = `
  SELECT m.id, m.collaboration_id AS "collaborationId", m.role, m.organization_id AS "organizationId",
         m.group_id AS "groupId", m.version, m.created_at AS "createdAt",
         u.id AS "userId", u.name AS "userName", u.email AS "userEmail", u.username AS "userUsername",
         m.invited_email AS "invitedEmail", m.invited_name AS "invitedName"
    FROM membership m LEFT JOIN app_user u ON u.id = m.user_id`;

const toModel = (row: MembershipRow): MembershipModel => ({
  id: row.id,
  collaborationId: row.collaborationId,
  role: row.role,
  organizationId: row.organizationId,
  groupId: row.groupId,
  version: row.version,
  createdAt: row.createdAt,
  user: row.userId
    ? { id: row.userId, name: row.userName!, email: row.userEmail, username: row.userUsername }
    : null,
  pending: !row.userId,
  invitation: row.userId ? null : { email: row.invitedEmail!, name: row.invitedName! },
});

/** What the audit trail keeps of a membership. */
const snapshot = (membership: MembershipModel) => ({
  ...membership,
  user: membership.user && { ...membership.user },
  invitation: membership.invitation && { ...membership.invitation },
});

const LAST_COORDINATOR = {
  field: 'input.membershipId',
  message: 'this is the last coordinator; add another coordinator first',
};

const ROLE_BINDING_MESSAGES = {
  required: (expected?: string) =>
    `this role must be bound to ${expected === 'MUNICIPALITY' ? 'a member municipality' : 'an operational group'}`,
  'not-allowed': () => 'this role is not bound to one; leave it empty',
  'wrong-kind': (expected?: string) =>
    `must be ${expected === 'MUNICIPALITY' ? 'a municipality' : expected === 'EMPLOYMENT_AGENCY' ? 'the employment agency' : expected === 'STEERING' ? 'the steering group' : 'an operational group'} of this collaboration`,
};

/**
 * Memberships of one collaboration. Every statement filters on the tenant's
 * collaboration_id, writes included, so an id from another collaboration is simply
 * not found.
 */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async list(tenant: TenantScope): Promise<MembershipModel[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_MEMBERSHIP} WHERE m.collaboration_id = $1 ORDER BY coalesce(u.name, m.invited_name) COLLATE swedish, m.role`,
      [tenant.collaborationId],
    )) as MembershipRow[];
    return rows.map(toModel);
  }

  async listByGroups(collaborationId: string, groupIds: readonly string[]): Promise<MembershipModel[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_MEMBERSHIP} WHERE m.collaboration_id = $1 AND m.group_id = ANY($2) ORDER BY coalesce(u.name, m.invited_name) COLLATE swedish`,
      [collaborationId, groupIds],
    )) as MembershipRow[];
    return rows.map(toModel);
  }

  /**
   * Invites a person by e-mail: a pending membership the person accepts by signing in with
   * that (verified) e-mail. Security invariant: the answer is the same whether or not the
   * address has an account, and no existing account is looked up or linked here, so adding
   * members cannot be used to find out who uses the product or to read their details.
   */
  add(tenant: TenantScope, input: AddMemberInput): Promise<MembershipModel> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkBinding(manager, tenant, input);
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO membership (collaboration_id, invited_email, invited_name, role, organization_id, group_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            tenant.collaborationId,
            input.email,
            input.name ?? input.email.split('@')[0],
            input.role,
            input.organizationId ?? null,
            input.groupId ?? null,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'membership_invitation_unique')) {
          throw badInput([
            { field: 'input.email', message: `${input.email} is already invited with this role here` },
          ]);
        }
        throw error;
      }
      const created = await this.get(manager, tenant, id);
      await this.record(manager, tenant, 'membership.added', created.id, null, snapshot(created));
      return created;
    });
  }

  changeRole(tenant: TenantScope, input: ChangeMemberRoleInput): Promise<MembershipModel> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.getForChange(manager, tenant, input.membershipId);
      await this.checkBinding(manager, tenant, input);
      let updated: unknown[];
      try {
        [updated] = await manager.query(
          `UPDATE membership SET role = $4, organization_id = $5, group_id = $6, version = version + 1, updated_at = now()
            WHERE id = $1 AND collaboration_id = $2 AND version = $3
            RETURNING id`,
          [
            input.membershipId,
            tenant.collaborationId,
            input.expectedVersion,
            input.role,
            input.organizationId ?? null,
            input.groupId ?? null,
          ],
        );
      } catch (error) {
        if (
          isUniqueViolation(error, 'membership_unique') ||
          isUniqueViolation(error, 'membership_invitation_unique')
        ) {
          throw badInput([
            {
              field: 'input.role',
              message: `${before.user?.name ?? before.invitation?.email} already holds this role here`,
            },
          ]);
        }
        if (isConstraintViolation(error, 'membership_last_coordinator')) throw badInput([LAST_COORDINATOR]);
        throw error;
      }
      if (updated.length !== 1) throw conflict('Membership', input.membershipId);
      const after = await this.get(manager, tenant, input.membershipId);
      await this.record(
        manager,
        tenant,
        'membership.role-changed',
        after.id,
        snapshot(before),
        snapshot(after),
      );
      return after;
    });
  }

  remove(tenant: TenantScope, input: RemoveMemberInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.getForChange(manager, tenant, input.membershipId);
      let deleted: unknown[];
      try {
        [deleted] = (await manager.query(
          `DELETE FROM membership WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
          [input.membershipId, tenant.collaborationId, input.expectedVersion],
        )) as [unknown[], number];
      } catch (error) {
        if (isConstraintViolation(error, 'membership_last_coordinator')) throw badInput([LAST_COORDINATOR]);
        throw error;
      }
      if (deleted.length !== 1) throw conflict('Membership', input.membershipId);
      await this.record(manager, tenant, 'membership.removed', before.id, snapshot(before), null);
      return before.id;
    });
  }

  private async get(manager: EntityManager, tenant: TenantScope, id: string): Promise<MembershipModel> {
    const [row] = (await manager.query(`${SELECT_MEMBERSHIP} WHERE m.id = $1 AND m.collaboration_id = $2`, [
      id,
      tenant.collaborationId,
    ])) as MembershipRow[];
    if (!row) throw notFound('Membership', id);
    return toModel(row);
  }

  /**
   * The membership a version-checked change starts from. One that someone else removed
   * since the caller loaded it is a conflict (reload and see), as any other change by
   * someone else is; an id this collaboration never had is not found.
   */
  private async getForChange(
    manager: EntityManager,
    tenant: TenantScope,
    id: string,
  ): Promise<MembershipModel> {
    try {
      return await this.get(manager, tenant, id);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.NotFound) throw error;
      const [removed] = await manager.query(
        `SELECT 1 FROM audit_events_of_collaboration() WHERE collaboration_id = $1 AND entity_type = 'membership' AND entity_id = $2
            AND action = 'membership.removed' LIMIT 1`,
        [tenant.collaborationId, id],
      );
      throw removed ? conflict('Membership', id) : error;
    }
  }

  /** The organisation and group must be this collaboration's, of the kind the role takes. */
  private async checkBinding(
    manager: EntityManager,
    tenant: TenantScope,
    input: { role: Role; organizationId?: string; groupId?: string },
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    let organizationKind: string | null = null;
    let groupKind: string | null = null;
    if (input.organizationId) {
      const [org] = await manager.query(
        `SELECT kind FROM organization WHERE id = $1 AND collaboration_id = $2`,
        [input.organizationId, tenant.collaborationId],
      );
      if (!org)
        problems.push({
          field: 'input.organizationId',
          message: 'no such organisation in this collaboration',
        });
      organizationKind = org?.kind ?? null;
    }
    if (input.groupId) {
      const [group] = await manager.query(
        `SELECT kind FROM "group" WHERE id = $1 AND collaboration_id = $2`,
        [input.groupId, tenant.collaborationId],
      );
      if (!group) problems.push({ field: 'input.groupId', message: 'no such group in this collaboration' });
      groupKind = group?.kind ?? null;
    }
    if (!problems.length) {
      for (const problem of checkRoleBinding({ role: input.role, organizationKind, groupKind })) {
        problems.push({
          field: `input.${problem.field}`,
          message: ROLE_BINDING_MESSAGES[problem.reason](problem.expected),
        });
      }
    }
    if (problems.length) throw badInput(problems);
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
      entityType: 'membership',
      entityId: id,
      before,
      after,
    });
  }
}
