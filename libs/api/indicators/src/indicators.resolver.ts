import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kraftsamling/api/core/auth';
import {
  Access,
  CurrentPrincipal,
  Tenant,
  type TenantScope,
  COLLABORATION_ID_OR_SLUG_ARG,
  byCollaborationIdOrSlug,
} from '@kraftsamling/api/core/tenancy';
import { badInput, forbidden, notFound } from '@kraftsamling/api/core/errors';
import { Permission, PlatformPermission, Role } from '@kraftsamling/shared/permissions';
import { IndicatorImporter } from './indicator-importer';
import { IndicatorQueryService, OFFICIAL_CATALOGUE } from './indicator-query.service';
import { LocalIndicatorService } from './local-indicator.service';
import { ManualEntryService } from './manual-entry.service';
import { seriesCost } from './series-cost';
import {
  CreateLocalIndicatorInput,
  EnterValuesInput,
  EnterValuesResultModel,
  ImportBatchModel,
  IndicatorModel,
  IndicatorSeriesModel,
  IndicatorSourceEnum,
  UndoImportInput,
  UndoOfficialImportInput,
  UpdateLocalIndicatorInput,
} from './models';

const SEARCH_ARG = {
  type: () => String,
  nullable: true,
  description:
    'Words to find, in any order, with or without diacritics, stems and compounds forgiven; the answer comes most relevant first.',
} as const;

/** true (the default, as before the search existed): the register-based series are listed too. */
const INCLUDE_SUPERSEDED = {
  type: () => Boolean,
  nullable: true,
  defaultValue: true,
  description: 'false leaves out series another one supersedes (the register-based unemployment series).',
} as const;

/** Paging the import history: how many of the newest batches to pass over. */
const OFFSET_ARG = {
  type: () => Int,
  nullable: true,
  defaultValue: 0,
  description: 'How many of the newest batches to skip: the next page starts where the last one ended.',
} as const;

@Resolver(() => IndicatorModel)
export class IndicatorsResolver {
  constructor(
    private readonly queries: IndicatorQueryService,
    private readonly importer: IndicatorImporter,
    private readonly manualEntry: ManualEntryService,
    private readonly localIndicators: LocalIndicatorService,
  ) {}

  @Query(() => [IndicatorModel], {
    description: 'The catalogue: official indicators and this collaboration’s local ones.',
  })
  @Access.inCollaboration(Permission.IndicatorRead, byCollaborationIdOrSlug)
  indicators(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Args('search', SEARCH_ARG) search?: string,
    @Args('theme', { type: () => String, nullable: true }) theme?: string,
    @Args('source', { type: () => IndicatorSourceEnum, nullable: true }) source?: string,
    @Args('includeSuperseded', INCLUDE_SUPERSEDED) includeSuperseded?: boolean,
  ) {
    return this.queries.list(tenant, { search, theme, source, includeSuperseded });
  }

  @Query(() => IndicatorSeriesModel, {
    description: 'One indicator over time for several areas (default: the member municipalities).',
    complexity: seriesCost,
  })
  @Access.inCollaboration(Permission.IndicatorRead, byCollaborationIdOrSlug)
  indicatorSeries(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('code', { type: () => String }) code: string,
    @Tenant() tenant: TenantScope,
    @Args('areaCodes', { type: () => [String], nullable: true }) areaCodes?: string[],
    @Args('from', { type: () => String, nullable: true }) from?: string,
    @Args('to', { type: () => String, nullable: true }) to?: string,
  ) {
    return this.queries.series(tenant, code, { areaCodes, from, to });
  }

  @Query(() => [IndicatorModel], {
    description: 'The official catalogue (no local indicators), for any signed-in user.',
  })
  @Access.authenticated()
  officialIndicators(
    @Args('search', SEARCH_ARG) search?: string,
    @Args('theme', { type: () => String, nullable: true }) theme?: string,
    @Args('source', { type: () => IndicatorSourceEnum, nullable: true }) source?: string,
    @Args('includeSuperseded', INCLUDE_SUPERSEDED) includeSuperseded?: boolean,
  ) {
    return this.queries.list(OFFICIAL_CATALOGUE, { search, theme, source, includeSuperseded });
  }

  @Query(() => IndicatorSeriesModel, {
    description: 'One official indicator over time for the named areas, for any signed-in user.',
    complexity: seriesCost,
  })
  @Access.authenticated()
  officialIndicatorSeries(
    @Args('code', { type: () => String }) code: string,
    @Args('areaCodes', { type: () => [String] }) areaCodes: string[],
    @Args('from', { type: () => String, nullable: true }) from?: string,
    @Args('to', { type: () => String, nullable: true }) to?: string,
  ) {
    return this.queries.series(OFFICIAL_CATALOGUE, code, { areaCodes, from, to });
  }

  @Query(() => [ImportBatchModel], {
    description:
      'Import batches, newest first: official ones and this collaboration’s. An official batch names who imported it only to statistics stewards.',
  })
  @Access.inCollaboration(Permission.IndicatorImport, byCollaborationIdOrSlug)
  importBatches(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('offset', OFFSET_ARG) offset?: number,
  ) {
    return this.queries.batches(tenant, limit ?? 50, null, offset ?? 0);
  }

  @Query(() => [ImportBatchModel], {
    description: 'Official import batches, newest first, for statistics stewards.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  officialImportBatches(
    @CurrentPrincipal() principal: Principal,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('offset', OFFSET_ARG) offset?: number,
  ) {
    return this.queries.batches({ collaborationId: null, principal }, limit ?? 50, null, offset ?? 0);
  }

  @Mutation(() => ImportBatchModel, {
    description:
      'Undoes an import batch of this collaboration, restoring the values it replaced. A manual entry is undone by the person who made it or a coordinator.',
  })
  @Access.inCollaboration(Permission.IndicatorImport, { arg: 'input.collaborationId' })
  async undoImport(@Args('input') input: UndoImportInput, @Tenant() tenant: TenantScope) {
    const [batch] = await this.queries.batches(tenant, 1, input.batchId);
    // Another collaboration's local batch is not visible here, so it is not found.
    if (!batch) throw notFound('Import batch', input.batchId);
    // Security invariant: inside a collaboration, undo reaches only its own batches; official
    // statistics are platform data, undone only with the platform permission.
    if (batch.collaborationId === null)
      throw forbidden(
        'This batch holds official statistics, which every collaboration reads: only a statistics steward undoes it (undoOfficialImport).',
      );
    if (batch.format === 'MANUAL' && !this.mayUndoManualEntry(tenant, batch))
      throw forbidden(
        'These values were entered by hand: only the person who entered them or a coordinator undoes them.',
      );
    return this.undo(batch, input.batchId, tenant.actor);
  }

  @Mutation(() => ImportBatchModel, {
    description: 'Undoes an official import batch (statistics stewards), restoring the values it replaced.',
  })
  @Access.platform(PlatformPermission.OfficialImport)
  async undoOfficialImport(
    @Args('input') input: UndoOfficialImportInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    const [batch] = await this.queries.batches({ collaborationId: null, principal }, 1, input.batchId);
    // A collaboration's own batch is none of the platform's business: not found here.
    if (!batch || batch.collaborationId !== null) throw notFound('Import batch', input.batchId);
    return this.undo(batch, input.batchId, { userId: principal.userId, subject: principal.subject });
  }

  private async undo(batch: ImportBatchModel, batchId: string, actor: TenantScope['actor']) {
    if (batch.status !== 'COMMITTED')
      throw badInput([{ field: 'input.batchId', message: 'this batch is already undone' }]);
    await this.importer.undo(batchId, actor);
    return { ...batch, status: 'UNDONE', undoneAt: new Date() };
  }

  /** Values entered by hand are their author's: undone by them or a coordinator (or a platform admin). */
  private mayUndoManualEntry(tenant: TenantScope, batch: ImportBatchModel): boolean {
    const principal = tenant.principal;
    return (
      batch.importedBy?.id === principal.userId ||
      principal.isPlatformAdmin ||
      principal.rolesIn(tenant.collaborationId).includes(Role.Coordinator)
    );
  }

  @Mutation(() => IndicatorModel, {
    description: 'Adds a local indicator that only this collaboration sees.',
  })
  @Access.inCollaboration(Permission.IndicatorManage, { arg: 'input.collaborationId' })
  createLocalIndicator(@Args('input') input: CreateLocalIndicatorInput, @Tenant() tenant: TenantScope) {
    return this.localIndicators.create(tenant, input);
  }

  @Mutation(() => IndicatorModel, {
    description: 'Changes the names, description, theme or direction of a local indicator.',
  })
  @Access.inCollaboration(Permission.IndicatorManage, { arg: 'input.collaborationId' })
  updateLocalIndicator(@Args('input') input: UpdateLocalIndicatorInput, @Tenant() tenant: TenantScope) {
    return this.localIndicators.update(tenant, input);
  }

  @Mutation(() => EnterValuesResultModel, { description: 'Enters local figures for one municipality.' })
  @Access.inCollaboration(Permission.ValuesEnter, { arg: 'input.collaborationId' })
  enterValues(@Args('input') input: EnterValuesInput, @Tenant() tenant: TenantScope) {
    return this.manualEntry.enter(tenant, input);
  }
}
