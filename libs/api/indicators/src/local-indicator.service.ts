import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { badInput, conflict, isUniqueViolation, notFound } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { IndicatorQueryService, definitionOf } from './indicator-query.service';
import type { CreateLocalIndicatorInput, IndicatorModel, UpdateLocalIndicatorInput } from './models';

const DEFAULT_THEME = 'local';

/** Words the web app uses as addresses next to indicator codes (/nyckeltal/egna, …/registrera). */
const RESERVED_CODES = new Set(['egna', 'registrera']);

/**
 * A collaboration's own indicators (e.g. participants in job tracks): only its members
 * see them. Every statement is filtered on the tenant; official indicators are never
 * touched here.
 */
@Injectable()
export class LocalIndicatorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: IndicatorQueryService,
    private readonly audit: AuditWriter,
  ) {}

  create(tenant: TenantScope, input: CreateLocalIndicatorInput): Promise<IndicatorModel> {
    return this.dataSource.transaction(async (manager) => {
      if (RESERVED_CODES.has(input.code))
        throw badInput([
          { field: 'input.code', message: `"${input.code}" is reserved; choose another code` },
        ]);
      // A template names indicators by code, so a local code must not hide an official one.
      const [official] = await manager.query(
        `SELECT 1 FROM indicator WHERE collaboration_id IS NULL AND code = $1`,
        [input.code],
      );
      if (official)
        throw badInput([
          { field: 'input.code', message: 'an official indicator has this code; choose another' },
        ]);
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO indicator (collaboration_id, code, theme, name_sv, name_en, description_sv, description_en,
                                  unit, periodicity, direction, source, kind)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'LOCAL', 'MEASURED') RETURNING id`,
          [
            tenant.collaborationId,
            input.code,
            input.theme || DEFAULT_THEME,
            input.nameSv,
            input.nameEn,
            input.descriptionSv || null,
            input.descriptionEn || null,
            input.unit,
            input.periodicity,
            input.direction,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'indicator_code_unique'))
          throw badInput([
            { field: 'input.code', message: 'this collaboration already has an indicator with this code' },
          ]);
        throw error;
      }
      const created = await this.get(manager, tenant, id);
      await this.record(manager, tenant, 'indicator.created', created, null);
      return created;
    });
  }

  update(tenant: TenantScope, input: UpdateLocalIndicatorInput): Promise<IndicatorModel> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager, tenant, input.indicatorId);
      const updated = await manager.query(
        `UPDATE indicator SET theme = $4, name_sv = $5, name_en = $6, description_sv = $7, description_en = $8,
                              direction = $9, version = version + 1, updated_at = now()
          WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [
          input.indicatorId,
          tenant.collaborationId,
          input.expectedVersion,
          input.theme || DEFAULT_THEME,
          input.nameSv,
          input.nameEn,
          input.descriptionSv || null,
          input.descriptionEn || null,
          input.direction,
        ],
      );
      if (updated[0].length !== 1) throw conflict('Indicator', before.code);
      const after = await this.get(manager, tenant, input.indicatorId);
      await this.record(manager, tenant, 'indicator.updated', after, before);
      return after;
    });
  }

  /** A local indicator of this collaboration, read in the transaction that changes it. */
  private async get(manager: EntityManager, tenant: TenantScope, id: string): Promise<IndicatorModel> {
    const found = await this.queries.localById(manager, tenant, id);
    if (!found) throw notFound('Indicator', id);
    return found;
  }

  private record(
    manager: EntityManager,
    tenant: TenantScope,
    action: string,
    after: IndicatorModel,
    before: IndicatorModel | null,
  ) {
    return this.audit.record(manager, {
      collaborationId: tenant.collaborationId,
      actor: tenant.actor,
      action,
      entityType: 'indicator',
      entityId: after.id,
      before: before && definitionOf(before),
      after: definitionOf(after),
    });
  }
}
