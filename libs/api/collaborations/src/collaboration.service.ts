import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@kraftsamling/api/core/auth';
import { notFound } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import type { CollaborationAccessModel, CollaborationModel } from './models';

const COLUMNS = `id, slug, name, description, version`;

@Injectable()
export class CollaborationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The collaborations the user belongs to; every one for a platform admin. */
  async visibleTo(principal: Principal): Promise<CollaborationModel[]> {
    if (principal.isPlatformAdmin) {
      return this.dataSource.query(`SELECT ${COLUMNS} FROM collaboration ORDER BY name COLLATE swedish`);
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM collaboration WHERE id = ANY($1) ORDER BY name COLLATE swedish`,
      [[...new Set(principal.memberships.map((m) => m.collaborationId))]],
    );
  }

  async get(tenant: TenantScope): Promise<CollaborationModel> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM collaboration WHERE id = $1`, [
      tenant.collaborationId,
    ]);
    if (!row) throw notFound('Collaboration', tenant.collaborationId);
    return row;
  }

  async accessOf(principal: Principal): Promise<CollaborationAccessModel[]> {
    const collaborations = await this.visibleTo(principal);
    return collaborations.map((collaboration) => ({
      collaborationId: collaboration.id,
      slug: collaboration.slug,
      name: collaboration.name,
      roles: principal.rolesIn(collaboration.id),
      permissions: principal.permissionsIn(collaboration.id),
    }));
  }
}
