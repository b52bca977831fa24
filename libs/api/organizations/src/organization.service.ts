import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { OrganizationKind } from '@kraftsamling/api/core/database';
import { badInput, isUniqueViolation } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import type { AddPartnerOrganizationInput } from './inputs';
import type { MunicipalityModel, OrganizationModel } from './models';

interface OrganizationRow extends Omit<OrganizationModel, 'municipality'> {
  municipalityName: string | null;
  municipalityProperName: string | null;
  countyCode: string | null;
  countyName: string | null;
}

const SELECT_ORGANIZATION = `
  SELECT o.id, o.collaboration_id AS "collaborationId", o.kind, o.name, o.municipality_code AS "municipalityCode",
         o.version, m.name AS "municipalityName",
         m.proper_name AS "municipalityProperName", c.code AS "countyCode", c.name AS "countyName"
    FROM organization o
    LEFT JOIN municipality m ON m.code = o.municipality_code
    LEFT JOIN county c ON c.code = m.county_code`;

const toModel = (row: OrganizationRow): OrganizationModel => ({
  id: row.id,
  collaborationId: row.collaborationId,
  kind: row.kind,
  name: row.name,
  properName: row.municipalityProperName ?? row.name,
  municipalityCode: row.municipalityCode,
  version: row.version,
  municipality: row.municipalityCode
    ? {
        code: row.municipalityCode,
        name: row.municipalityName!,
        properName: row.municipalityProperName!,
        county: { code: row.countyCode!, name: row.countyName! },
      }
    : null,
});

@Injectable()
export class OrganizationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async list(tenant: TenantScope): Promise<OrganizationModel[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_ORGANIZATION} WHERE o.collaboration_id = $1 ORDER BY o.kind = 'MUNICIPALITY' DESC, o.name COLLATE swedish`,
      [tenant.collaborationId],
    )) as OrganizationRow[];
    return rows.map(toModel);
  }

  byIds(collaborationId: string, ids: readonly string[]): Promise<OrganizationModel[]> {
    return this.byIdsWith(this.dataSource.manager, collaborationId, ids);
  }

  async municipalities(): Promise<MunicipalityModel[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.code, m.name, m.proper_name AS "properName", c.code AS "countyCode", c.name AS "countyName"
         FROM municipality m JOIN county c ON c.code = m.county_code ORDER BY m.name COLLATE swedish`,
    )) as { code: string; name: string; properName: string; countyCode: string; countyName: string }[];
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      properName: row.properName,
      county: { code: row.countyCode, name: row.countyName },
    }));
  }

  add(tenant: TenantScope, input: AddPartnerOrganizationInput): Promise<OrganizationModel> {
    const isMunicipality = input.kind === OrganizationKind.Municipality;
    if (isMunicipality !== !!input.municipalityCode) {
      throw badInput([
        {
          field: 'input.municipalityCode',
          message: isMunicipality
            ? 'a municipality needs its 4-digit SCB code'
            : 'only a municipality has a municipality code; leave it empty',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (input.municipalityCode) {
        const [known] = await manager.query(`SELECT 1 FROM municipality WHERE code = $1`, [
          input.municipalityCode,
        ]);
        if (!known)
          throw badInput([
            {
              field: 'input.municipalityCode',
              message: `${input.municipalityCode} is not a Swedish municipality code`,
            },
          ]);
      }
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO organization (collaboration_id, kind, name, municipality_code) VALUES ($1, $2, $3, $4) RETURNING id`,
          [tenant.collaborationId, input.kind, input.name, input.municipalityCode ?? null],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'organization_municipality_once')) {
          throw badInput([
            { field: 'input.municipalityCode', message: 'this municipality is already a member' },
          ]);
        }
        if (isUniqueViolation(error, 'organization_name_unique')) {
          throw badInput([
            { field: 'input.name', message: 'an organisation with this name is already a member' },
          ]);
        }
        throw error;
      }
      const [created] = await this.byIdsWith(manager, tenant.collaborationId, [id]);
      await this.audit.record(manager, {
        collaborationId: tenant.collaborationId,
        actor: tenant.actor,
        action: 'organization.added',
        entityType: 'organization',
        entityId: id,
        before: null,
        after: { ...created! },
      });
      return created!;
    });
  }

  private async byIdsWith(manager: EntityManager, collaborationId: string, ids: readonly string[]) {
    const rows = (await manager.query(
      `${SELECT_ORGANIZATION} WHERE o.collaboration_id = $1 AND o.id = ANY($2)`,
      [collaborationId, ids],
    )) as OrganizationRow[];
    return rows.map(toModel);
  }
}
