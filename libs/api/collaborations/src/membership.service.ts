import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import {
  badInput,
  conflict,
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
  userId: string;
  userName: string;
  userEmail: string | null;
  userUsername: string | null;
}

const SELECT_MEMBERSHIP = `
  SELECT m.id, m.collaboration_id AS "collaborationId", m.role, m.organization_id AS "organizationId",
         m.group_id AS "groupId", m.version, m.created_at AS "createdAt",
         u.id AS "userId", u.name AS "userName", u.email AS "userEmail", u.username AS "userUsername"
    FROM membership m JOIN app_user u ON u.id = m.user_id`;

const toModel = (row: MembershipRow): MembershipModel => ({
  id: row.id,
  collaborationId: row.collaborationId,
  role: row.role,
  organizationId: row.organizationId,
  groupId: row.groupId,
  version: row.version,
  createdAt: row.createdAt,
  user: { id: row.userId, name: row.userName, email: row.userEmail, username: row.userUsername },
});

/** What the audit trail keeps of a membership. */
const snapshot = (membership: MembershipModel) => ({ ...membership, user: { ...membership.user } });

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
      `${SELECT_MEMBERSHIP} WHERE m.collaboration_id = $1 ORDER BY u.name, m.role`,
      [tenant.collaborationId],
    )) as MembershipRow[];
    return rows.map(toModel);
  }

  async listByGroups(collaborationId: string, groupIds: readonly string[]): Promise<MembershipModel[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_MEMBERSHIP} WHERE m.collaboration_id = $1 AND m.group_id = ANY($2) ORDER BY u.name`,
      [collaborationId, groupIds],
    )) as MembershipRow[];
    return rows.map(toModel);
  }

  add(tenant: TenantScope, input: AddMemberInput): Promise<MembershipModel> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkBinding(manager, tenant, input);
      const userId = await this.userForEmail(manager, input.email, input.name);
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO membership (collaboration_id, user_id, role, organization_id, group_id)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [tenant.collaborationId, userId, input.role, input.organizationId ?? null, input.groupId ?? null],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'membership_unique')) {
          throw badInput([{ field: 'input.role', message: `${input.email} already holds this role here` }]);
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
      const before = await this.get(manager, tenant, input.membershipId);
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
        if (isUniqueViolation(error, 'membership_unique')) {
          throw badInput([
            { field: 'input.role', message: `${before.user.name} already holds this role here` },
          ]);
        }
        throw error;
      }
      if (updated.length !== 1) throw conflict('Membership', input.membershipId);
      await this.ensureCoordinatorRemains(manager, tenant);
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
      const before = await this.get(manager, tenant, input.membershipId);
      const [deleted] = (await manager.query(
        `DELETE FROM membership WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [input.membershipId, tenant.collaborationId, input.expectedVersion],
      )) as [unknown[], number];
      if (deleted.length !== 1) throw conflict('Membership', input.membershipId);
      await this.ensureCoordinatorRemains(manager, tenant);
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

  /** An invited person gets a user row now; their first login (same verified e-mail) claims it. */
  private async userForEmail(
    manager: EntityManager,
    email: string,
    name: string | undefined,
  ): Promise<string> {
    const [existing] = await manager.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [email]);
    if (existing) return existing.id;
    const [created] = await manager.query(`INSERT INTO app_user (name, email) VALUES ($1, $2) RETURNING id`, [
      name ?? email.split('@')[0],
      email,
    ]);
    return created.id;
  }

  /** A collaboration without a coordinator could never be managed again. */
  private async ensureCoordinatorRemains(manager: EntityManager, tenant: TenantScope): Promise<void> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM membership WHERE collaboration_id = $1 AND role = $2`,
      [tenant.collaborationId, Role.Coordinator],
    );
    if (n === 0) {
      throw badInput([
        {
          field: 'input.membershipId',
          message: 'this is the last coordinator; add another coordinator first',
        },
      ]);
    }
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
