import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { NO_DB_CONTEXT, runWithDbContext } from '@kraftsamling/api/core/database';
import type { Role } from '@kraftsamling/shared/permissions';
import type { AccessTokenClaims } from './token-verifier';
import { Principal, type PrincipalMembership } from './principal';

interface UserRow {
  id: string;
  username: string | null;
  name: string;
  email: string | null;
}

function displayName(claims: AccessTokenClaims): string {
  const full = claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return full || claims.preferred_username || claims.email || claims.sub;
}

/**
 * Users are created on first login from the token. A coordinator may have invited the
 * person by e-mail (a pending membership naming the address); a sign-in whose *verified*
 * e-mail matches accepts every such invitation. An unverified e-mail never accepts one.
 */
@Injectable()
export class UserProvisioning {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async principalFor(claims: AccessTokenClaims): Promise<Principal> {
    const user = await this.findOrCreate(claims);
    if (claims.email && claims.email_verified === true) await this.acceptInvitations(user, claims);
    // Row-level security shows this user's own memberships in every collaboration, and
    // those collaborations, to a context that names the user and no collaboration.
    const memberships = (await runWithDbContext({ ...NO_DB_CONTEXT, userId: user.id }, () =>
      this.dataSource.query(
        `SELECT m.id AS "membershipId", m.collaboration_id AS "collaborationId", c.slug, c.name AS "collaborationName",
              m.role, m.organization_id AS "organizationId", m.group_id AS "groupId"
         FROM membership m JOIN collaboration c ON c.id = m.collaboration_id
        WHERE m.user_id = $1
        ORDER BY c.name COLLATE swedish, m.created_at`,
        [user.id],
      ),
    )) as (PrincipalMembership & { role: Role })[];
    return new Principal(
      user.id,
      claims.sub,
      user.username,
      user.name,
      user.email,
      claims.realm_access?.roles ?? [],
      memberships,
    );
  }

  private async findOrCreate(claims: AccessTokenClaims): Promise<UserRow> {
    const profile = {
      username: claims.preferred_username ?? null,
      name: displayName(claims),
      email: claims.email ?? null,
    };
    const [existing] = (await this.dataSource.query(
      `SELECT id, username, name, email FROM app_user WHERE subject = $1`,
      [claims.sub],
    )) as UserRow[];
    if (existing) {
      if (
        existing.username !== profile.username ||
        existing.name !== profile.name ||
        existing.email !== profile.email
      ) {
        await this.refreshProfile(existing, profile, claims);
        return { ...existing, ...profile };
      }
      return existing;
    }
    return this.dataSource.transaction(async (manager) => {
      // An e-mail already held by another account is not copied: e-mails stay unique.
      const [created] = (await manager.query(
        `INSERT INTO app_user (subject, username, name, email, last_login_at)
         VALUES ($1, $2, $3,
                 CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE lower(email) = lower($4)) THEN NULL ELSE $4 END,
                 now())
         ON CONFLICT (subject) DO UPDATE SET last_login_at = now()
         RETURNING id, username, name, email`,
        [claims.sub, profile.username, profile.name, profile.email],
      )) as UserRow[];
      await this.recordLogin(manager, created, claims, 'user.created');
      return created;
    });
  }

  /**
   * Turns the pending invitations for the token's verified e-mail into this user's
   * memberships. An invitation to a role the user already holds there is simply used up.
   * Runs on every request, so the check for "none" is one indexed lookup.
   */
  private async acceptInvitations(user: UserRow, claims: AccessTokenClaims): Promise<void> {
    // Row-level security hides other collaborations' rows from a user-only context, so the
    // collaborations holding invitations for this verified e-mail come from a SECURITY
    // DEFINER function that reveals nothing but their ids; each is then accepted in that
    // collaboration's own context (its membership rows and its audit trail).
    const collaborations = (await runWithDbContext({ ...NO_DB_CONTEXT, userId: user.id }, () =>
      this.dataSource.query(`SELECT pending_invitation_collaborations($1) AS id`, [claims.email]),
    )) as { id: string }[];
    for (const { id: collaborationId } of collaborations) {
      await runWithDbContext({ ...NO_DB_CONTEXT, userId: user.id, collaborationId }, () =>
        this.acceptInvitationsIn(collaborationId, user, claims),
      );
    }
  }

  private acceptInvitationsIn(
    collaborationId: string,
    user: UserRow,
    claims: AccessTokenClaims,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const invitations = (await manager.query(
        `SELECT id, collaboration_id AS "collaborationId", role, organization_id AS "organizationId",
                group_id AS "groupId", invited_email AS "invitedEmail", invited_name AS "invitedName", version
           FROM membership WHERE collaboration_id = $2 AND user_id IS NULL AND lower(invited_email) = lower($1)
          ORDER BY created_at FOR UPDATE`,
        [claims.email, collaborationId],
      )) as Record<string, unknown>[];
      for (const invitation of invitations) {
        const [held] = await manager.query(
          `SELECT 1 FROM membership
            WHERE collaboration_id = $1 AND user_id = $2 AND role = $3
              AND organization_id IS NOT DISTINCT FROM $4 AND group_id IS NOT DISTINCT FROM $5`,
          [
            invitation['collaborationId'],
            user.id,
            invitation['role'],
            invitation['organizationId'],
            invitation['groupId'],
          ],
        );
        if (held) await manager.query(`DELETE FROM membership WHERE id = $1`, [invitation['id']]);
        else
          await manager.query(
            `UPDATE membership SET user_id = $2, invited_email = NULL, invited_name = NULL,
                    version = version + 1, updated_at = now()
              WHERE id = $1`,
            [invitation['id'], user.id],
          );
        await this.audit.record(manager, {
          collaborationId: invitation['collaborationId'] as string,
          actor: { userId: user.id, subject: claims.sub },
          action: held ? 'membership.invitation-used-up' : 'membership.invitation-accepted',
          entityType: 'membership',
          entityId: invitation['id'] as string,
          before: invitation,
          after: held
            ? null
            : { ...invitation, userId: user.id, version: (invitation['version'] as number) + 1 },
        });
      }
    });
  }

  private async refreshProfile(existing: UserRow, profile: Omit<UserRow, 'id'>, claims: AccessTokenClaims) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE app_user SET username = $2, name = $3,
                email = CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE lower(email) = lower($4) AND id <> $1)
                             THEN email ELSE $4 END
          WHERE id = $1`,
        [existing.id, profile.username, profile.name, profile.email],
      );
      await this.audit.record(manager, {
        collaborationId: null,
        actor: { userId: existing.id, subject: claims.sub },
        action: 'user.profile-updated',
        entityType: 'app_user',
        entityId: existing.id,
        before: { ...existing },
        after: { ...existing, ...profile },
      });
    });
  }

  private recordLogin(manager: EntityManager, user: UserRow, claims: AccessTokenClaims, action: string) {
    return this.audit.record(manager, {
      collaborationId: null,
      actor: { userId: user.id, subject: claims.sub },
      action,
      entityType: 'app_user',
      entityId: user.id,
      before: null,
      after: { ...user },
    });
  }
}
