import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { DataChangeFeed } from '@kraftsamling/api/core/database';
import {
  DomainError,
  ErrorCode,
  badInput,
  conflict,
  notFound,
  type FieldProblem,
} from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { IndicatorQueryService } from '@kraftsamling/api/indicators';
import { observed, type Measure } from '@kraftsamling/shared/metrics';
import { periodDistance, tryParsePeriod, type Periodicity } from '@kraftsamling/shared/periods';
import { readBaselines, type BaselineReading, type MeasuredIndicator } from './baselines';
import type {
  AddGoalCheckInInput,
  CreateGoalInput,
  RebaselineGoalInput,
  SetGoalStatusInput,
  UpdateGoalInput,
} from './inputs';
import {
  quantity,
  type GoalBaselineChangeModel,
  type GoalCheckInModel,
  type GoalMemberModel,
  type GoalModel,
  type GoalState,
} from './models';

export const SELECT_GOAL = `
  SELECT g.id, g.collaboration_id AS "collaborationId", g.title, g.description, g.target_group AS "targetGroup",
         i.code AS "indicatorCode", g.baseline_period AS "baselinePeriod", g.target_period AS "targetPeriod",
         g.target_kind AS "targetKind", g.target_value::float8 AS "targetValue", g.level_direction AS "levelDirection",
         g.level_scope AS "levelScope", g.on_track_threshold::float8 AS "onTrackThreshold",
         g.at_risk_threshold::float8 AS "atRiskThreshold", g.status, g.activated_at AS "activatedAt", g.version,
         g.updated_at AS "updatedAt",
         coalesce((SELECT array_agg(gg.group_id ORDER BY gg.group_id) FROM goal_group gg WHERE gg.goal_id = g.id), '{}') AS "groupIds"
    FROM goal g JOIN indicator i ON i.id = g.indicator_id`;

const SELECT_MEMBER = `
  SELECT m.area_code AS "areaCode", mu.name AS "areaName", m.in_scope AS "inScope", m.baseline_period AS "baselinePeriod",
         m.baseline_value::float8 AS "baselineValue", m.baseline_lower_bound AS "baselineLowerBound",
         m.baseline_upper_bound::float8 AS "baselineUpperBound", m.baseline_numerator::float8 AS "baselineNumerator",
         m.baseline_denominator::float8 AS "baselineDenominator", m.baseline_batch_id AS "baselineBatchId",
         to_char(m.baseline_published_at, 'YYYY-MM-DD') AS "baselinePublishedAt", m.baseline_preliminary AS "baselinePreliminary",
         m.baseline_frozen_at AS "baselineFrozenAt"
    FROM goal_member m JOIN municipality mu ON mu.code = m.area_code`;

/** A goal member as stored, with the parts progress needs. */
export interface GoalMemberRow {
  goalId?: string;
  areaCode: string;
  areaName: string;
  inScope: boolean;
  baselinePeriod: string | null;
  baselineValue: number | null;
  baselineLowerBound: boolean;
  baselineUpperBound: number | null;
  baselineNumerator: number | null;
  baselineDenominator: number | null;
  baselineBatchId: string | null;
  baselinePublishedAt: string | null;
  baselinePreliminary: boolean;
  baselineFrozenAt: Date | null;
}

/** A member's frozen baseline as a range: a `<5` is 1 … 4, an "at least 12" has no high end. */
export function frozenBaseline(row: GoalMemberRow): Measure | null {
  return observed(row.baselineValue, row.baselineLowerBound, row.baselineUpperBound);
}

export function toMemberModel(row: GoalMemberRow): GoalMemberModel {
  return {
    areaCode: row.areaCode,
    areaName: row.areaName,
    inScope: row.inScope,
    baseline: quantity(frozenBaseline(row)),
    baselineBatchId: row.baselineBatchId,
    baselinePublishedAt: row.baselinePublishedAt,
    baselinePreliminary: row.baselinePreliminary,
    baselineFrozenAt: row.baselineFrozenAt,
  };
}

type IndicatorForGoal = MeasuredIndicator & { code: string; periodicity: Periodicity; unit: string };

/**
 * Goals of one collaboration: every statement filters on the tenant. Each write runs in
 * one transaction with its audit event, and editable rows are version-checked in the
 * UPDATE itself, so a newer edit is never silently overwritten.
 */
@Injectable()
export class GoalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly indicators: IndicatorQueryService,
    private readonly changes: DataChangeFeed,
  ) {}

  list(tenant: TenantScope, states?: readonly GoalState[] | null): Promise<GoalModel[]> {
    return this.dataSource.query(
      `${SELECT_GOAL} WHERE g.collaboration_id = $1 AND ($2::text[] IS NULL OR g.status = ANY($2))
        ORDER BY CASE g.status WHEN 'ACTIVE' THEN 0 WHEN 'DRAFT' THEN 1 ELSE 2 END, g.created_at`,
      [tenant.collaborationId, states?.length ? states : null],
    );
  }

  async get(
    tenant: TenantScope,
    id: string,
    manager: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<GoalModel> {
    const [row] = await manager.query(`${SELECT_GOAL} WHERE g.id = $1 AND g.collaboration_id = $2`, [
      id,
      tenant.collaborationId,
    ]);
    if (!row) throw notFound('Goal', id);
    return row;
  }

  members(collaborationId: string, goalIds: readonly string[]): Promise<GoalMemberRow[]> {
    return this.dataSource.query(
      `${SELECT_MEMBER.replace('SELECT ', 'SELECT m.goal_id AS "goalId", ')}
        WHERE m.collaboration_id = $1 AND m.goal_id = ANY($2) ORDER BY mu.name COLLATE swedish, m.area_code`,
      [collaborationId, goalIds],
    );
  }

  async baselineChanges(tenant: TenantScope, goalId: string): Promise<GoalBaselineChangeModel[]> {
    const rows = await this.dataSource.query(
      `SELECT c.id::text AS id, c.area_code AS "areaCode", c.kind, c.old_value::float8 AS "oldValue",
              c.old_lower_bound AS "oldLowerBound", c.old_upper_bound::float8 AS "oldUpperBound",
              c.new_value::float8 AS "newValue", c.new_lower_bound AS "newLowerBound", c.new_upper_bound::float8 AS "newUpperBound",
              c.new_baseline_period AS "baselinePeriod", c.reason, u.name AS "changedByName", c.changed_at AS "changedAt"
         FROM goal_baseline_change c LEFT JOIN app_user u ON u.id = c.changed_by
        WHERE c.collaboration_id = $1 AND c.goal_id = $2 ORDER BY c.changed_at DESC, c.id DESC`,
      [tenant.collaborationId, goalId],
    );
    // A bound (`<5`) reads as its range, like the baseline itself; a row recorded before its
    // upper end was kept reads as what it says, "at least" its value.
    const recorded = (value: unknown, lowerBound: unknown, upperBound: unknown) =>
      quantity(
        observed(
          value as number | null,
          lowerBound === true,
          typeof upperBound === 'number' ? upperBound : null,
        ),
      );
    return rows.map((row: Record<string, unknown>) => ({
      ...row,
      oldValue: recorded(row['oldValue'], row['oldLowerBound'], row['oldUpperBound']),
      newValue: recorded(row['newValue'], row['newLowerBound'], row['newUpperBound']),
    })) as GoalBaselineChangeModel[];
  }

  checkIns(tenant: TenantScope, goalId: string): Promise<GoalCheckInModel[]> {
    return this.dataSource.query(
      `SELECT c.id, c.goal_id AS "goalId", to_char(c.held_on, 'YYYY-MM-DD') AS "heldOn", c.assessment,
              c.computed_status AS "computedStatus", c.comment, c.next_steps AS "nextSteps", u.name AS "authorName",
              c.created_at AS "createdAt"
         FROM goal_check_in c LEFT JOIN app_user u ON u.id = c.author_id
        WHERE c.collaboration_id = $1 AND c.goal_id = $2 ORDER BY c.held_on DESC, c.created_at DESC`,
      [tenant.collaborationId, goalId],
    );
  }

  /** The baselines activation would freeze now, without writing anything. */
  async previewBaselines(
    tenant: TenantScope,
    indicatorCode: string,
    baselinePeriod: string,
    areaCodes: readonly string[] | null,
  ): Promise<GoalMemberModel[]> {
    const indicator = await this.indicator(tenant, indicatorCode, 'indicatorCode');
    this.checkPeriod(indicator, baselinePeriod, 'baselinePeriod');
    const areas = await this.scopeAreas(tenant, areaCodes, 'areaCodes');
    const readings = await readBaselines(this.dataSource, indicator, baselinePeriod, areas);
    const names = await this.areaNames(areas);
    return areas.map((area) => ({
      ...toMemberModel(memberRowFrom(readings.get(area)!, names.get(area) ?? area, baselinePeriod, null)),
    }));
  }

  async create(tenant: TenantScope, input: CreateGoalInput): Promise<GoalModel> {
    const indicator = await this.indicator(tenant, input.indicatorCode, 'input.indicatorCode');
    this.checkMeasure(indicator, input, 'input');
    const areas = await this.scopeAreas(tenant, input.areaCodes ?? null, 'input.areaCodes');
    await this.checkGroups(tenant, input.groupIds ?? [], 'input.groupIds');
    return this.write(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO goal (collaboration_id, title, description, target_group, indicator_id, baseline_period, target_period,
                           target_kind, target_value, level_direction, level_scope, on_track_threshold, at_risk_threshold, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, -0.05), coalesce($13, -0.20), $14) RETURNING id`,
        [
          tenant.collaborationId,
          input.title,
          input.description || null,
          input.targetGroup || null,
          indicator.id,
          input.baselinePeriod,
          input.targetPeriod,
          input.targetKind,
          input.targetValue,
          input.targetKind === 'LEVEL' ? input.levelDirection : null,
          input.targetKind === 'LEVEL' ? (input.levelScope ?? 'BOTH') : null,
          input.onTrackThreshold ?? null,
          input.atRiskThreshold ?? null,
          tenant.actor.userId,
        ],
      );
      await this.setMembers(manager, tenant, id, areas);
      await this.setGroups(manager, tenant, id, input.groupIds ?? []);
      const created = await this.get(tenant, id, manager);
      await this.record(manager, tenant, 'goal.created', id, null, created);
      return created;
    });
  }

  async update(tenant: TenantScope, input: UpdateGoalInput): Promise<GoalModel> {
    const before = await this.get(tenant, input.goalId);
    const measureChanged = (
      [
        'indicatorCode',
        'baselinePeriod',
        'targetKind',
        'targetValue',
        'levelDirection',
        'levelScope',
      ] as const
    ).filter((field) => input[field] !== undefined && input[field] !== before[field]);
    if (measureChanged.length && before.status !== 'DRAFT') {
      throw badInput(
        measureChanged.map((field) => ({
          field: `input.${field}`,
          message:
            'what an active goal measures cannot change: re-baseline it, or close it and set up a new goal',
        })),
      );
    }
    const merged = {
      indicatorCode: input.indicatorCode ?? before.indicatorCode,
      baselinePeriod: input.baselinePeriod ?? before.baselinePeriod,
      targetPeriod: input.targetPeriod ?? before.targetPeriod,
      targetKind: input.targetKind ?? before.targetKind,
      targetValue: input.targetValue ?? before.targetValue,
      levelDirection: input.levelDirection === undefined ? before.levelDirection : input.levelDirection,
      levelScope: input.levelScope === undefined ? before.levelScope : input.levelScope,
      onTrackThreshold: input.onTrackThreshold ?? before.onTrackThreshold,
      atRiskThreshold: input.atRiskThreshold ?? before.atRiskThreshold,
    };
    const indicator = await this.indicator(tenant, merged.indicatorCode, 'input.indicatorCode');
    this.checkMeasure(indicator, merged, 'input');
    const areas = input.areaCodes ? await this.scopeAreas(tenant, input.areaCodes, 'input.areaCodes') : null;
    if (input.groupIds) await this.checkGroups(tenant, input.groupIds, 'input.groupIds');
    return this.write(async (manager) => {
      const updated = await manager.query(
        `UPDATE goal SET title = coalesce($4, title), description = CASE WHEN $5::boolean THEN $6 ELSE description END,
                target_group = CASE WHEN $7::boolean THEN $8 ELSE target_group END, indicator_id = $9,
                baseline_period = $10, target_period = $11, target_kind = $12, target_value = $13,
                level_direction = $14, level_scope = $15, on_track_threshold = $16, at_risk_threshold = $17,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [
          input.goalId,
          tenant.collaborationId,
          input.expectedVersion,
          input.title ?? null,
          input.description !== undefined,
          input.description || null,
          input.targetGroup !== undefined,
          input.targetGroup || null,
          indicator.id,
          merged.baselinePeriod,
          merged.targetPeriod,
          merged.targetKind,
          merged.targetValue,
          merged.targetKind === 'LEVEL' ? merged.levelDirection : null,
          merged.targetKind === 'LEVEL' ? (merged.levelScope ?? 'BOTH') : null,
          merged.onTrackThreshold,
          merged.atRiskThreshold,
        ],
      );
      if ((updated[0] as unknown[]).length !== 1) throw conflict('Goal', input.goalId);
      if (areas)
        await this.setMembers(
          manager,
          tenant,
          input.goalId,
          areas,
          before.status !== 'DRAFT' ? indicator : null,
        );
      if (input.groupIds) await this.setGroups(manager, tenant, input.goalId, input.groupIds);
      const after = await this.get(tenant, input.goalId, manager);
      await this.record(manager, tenant, 'goal.updated', after.id, before, after);
      return after;
    });
  }

  /** Activates a draft: every member's baseline is read at the baseline period and frozen. */
  async activate(
    tenant: TenantScope,
    input: { goalId: string; expectedVersion: number },
  ): Promise<GoalModel> {
    const before = await this.get(tenant, input.goalId);
    if (before.status !== 'DRAFT')
      throw badInput([
        { field: 'input.goalId', message: `the goal is ${before.status.toLowerCase()}, not a draft` },
      ]);
    const indicator = await this.indicator(tenant, before.indicatorCode, 'input.goalId');
    return this.write(async (manager) => {
      await this.bumpVersion(
        manager,
        tenant,
        input.goalId,
        input.expectedVersion,
        `status = 'ACTIVE', activated_at = now()`,
      );
      const members: { areaCode: string }[] = await manager.query(
        `SELECT area_code AS "areaCode" FROM goal_member WHERE goal_id = $1 AND collaboration_id = $2 AND in_scope`,
        [input.goalId, tenant.collaborationId],
      );
      if (!members.length)
        throw badInput([
          { field: 'input.goalId', message: 'the goal has no member in scope: add members first' },
        ]);
      await this.freeze(
        manager,
        tenant,
        input.goalId,
        indicator,
        before.baselinePeriod,
        members.map((m) => m.areaCode),
        {
          kind: 'FROZEN',
          reason: null,
        },
      );
      const after = await this.get(tenant, input.goalId, manager);
      await this.record(manager, tenant, 'goal.activated', after.id, before, after);
      return after;
    });
  }

  /** An explicit, recorded decision to read new baselines for some or all members. */
  async rebaseline(tenant: TenantScope, input: RebaselineGoalInput): Promise<GoalModel> {
    const before = await this.get(tenant, input.goalId);
    if (before.status === 'DRAFT')
      throw badInput([
        { field: 'input.goalId', message: 'a draft has no frozen baselines yet: activate it' },
      ]);
    const indicator = await this.indicator(tenant, before.indicatorCode, 'input.goalId');
    const period = input.baselinePeriod ?? before.baselinePeriod;
    this.checkPeriod(indicator, period, 'input.baselinePeriod');
    if (periodDistance(period, before.targetPeriod) <= 0)
      throw badInput([
        {
          field: 'input.baselinePeriod',
          message: `must come before the target period ${before.targetPeriod}`,
        },
      ]);
    return this.write(async (manager) => {
      const inScope: { areaCode: string }[] = await manager.query(
        `SELECT area_code AS "areaCode" FROM goal_member WHERE goal_id = $1 AND collaboration_id = $2 AND in_scope`,
        [input.goalId, tenant.collaborationId],
      );
      const scope = new Set(inScope.map((m) => m.areaCode));
      const areas = input.areaCodes?.length ? [...new Set(input.areaCodes)] : [...scope];
      const outside = areas.filter((area) => !scope.has(area));
      if (outside.length)
        throw badInput([
          { field: 'input.areaCodes', message: `${outside.join(', ')}: not a member in this goal's scope` },
        ]);
      const everyone = areas.length === scope.size;
      await this.bumpVersion(
        manager,
        tenant,
        input.goalId,
        input.expectedVersion,
        everyone && period !== before.baselinePeriod ? 'baseline_period = $4' : null,
        everyone && period !== before.baselinePeriod ? [period] : [],
      );
      await this.freeze(manager, tenant, input.goalId, indicator, period, areas, {
        kind: 'REBASELINED',
        reason: input.reason,
      });
      const after = await this.get(tenant, input.goalId, manager);
      await this.record(manager, tenant, 'goal.rebaselined', after.id, before, {
        ...after,
        areas,
        period,
        reason: input.reason,
      });
      return after;
    });
  }

  async setStatus(tenant: TenantScope, input: SetGoalStatusInput): Promise<GoalModel> {
    const before = await this.get(tenant, input.goalId);
    if (before.status === 'DRAFT' && input.status !== 'CLOSED')
      throw badInput([{ field: 'input.status', message: 'activate a draft first (or close it)' }]);
    return this.write(async (manager) => {
      await this.bumpVersion(manager, tenant, input.goalId, input.expectedVersion, 'status = $4', [
        input.status,
      ]);
      const after = await this.get(tenant, input.goalId, manager);
      await this.record(manager, tenant, 'goal.status-changed', after.id, before, after);
      return after;
    });
  }

  async addCheckIn(
    tenant: TenantScope,
    input: AddGoalCheckInInput,
    computedStatus: string | null,
  ): Promise<GoalCheckInModel> {
    const goal = await this.get(tenant, input.goalId);
    if (goal.status === 'DRAFT')
      throw badInput([{ field: 'input.goalId', message: 'check in on a goal once it is active' }]);
    return this.write(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO goal_check_in (goal_id, collaboration_id, held_on, assessment, computed_status, comment, next_steps, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          input.goalId,
          tenant.collaborationId,
          input.heldOn,
          input.assessment,
          computedStatus,
          input.comment || null,
          input.nextSteps || null,
          tenant.actor.userId,
        ],
      );
      const [created] = (await this.checkInsIn(manager, tenant, input.goalId)).filter((c) => c.id === id);
      await this.audit.record(manager, {
        collaborationId: tenant.collaborationId,
        actor: tenant.actor,
        action: 'goal.checked-in',
        entityType: 'goal_check_in',
        entityId: id,
        before: null,
        after: created!,
      });
      return created!;
    });
  }

  private checkInsIn(
    manager: EntityManager,
    tenant: TenantScope,
    goalId: string,
  ): Promise<GoalCheckInModel[]> {
    return manager.query(
      `SELECT c.id, c.goal_id AS "goalId", to_char(c.held_on, 'YYYY-MM-DD') AS "heldOn", c.assessment,
              c.computed_status AS "computedStatus", c.comment, c.next_steps AS "nextSteps", u.name AS "authorName",
              c.created_at AS "createdAt"
         FROM goal_check_in c LEFT JOIN app_user u ON u.id = c.author_id
        WHERE c.collaboration_id = $1 AND c.goal_id = $2`,
      [tenant.collaborationId, goalId],
    );
  }

  /** Runs a write in one transaction and, once committed, tells this process's caches. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.changes.changed();
    return result;
  }

  private async bumpVersion(
    manager: EntityManager,
    tenant: TenantScope,
    goalId: string,
    expectedVersion: number,
    set: string | null,
    params: unknown[] = [],
  ): Promise<void> {
    // `set` is a fixed assignment list whose values are parameters from $4 on.
    const [rows] = await manager.query(
      `UPDATE goal SET ${set ? `${set}, ` : ''}version = version + 1, updated_at = now()
        WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
      [goalId, tenant.collaborationId, expectedVersion, ...params],
    );
    if ((rows as unknown[]).length !== 1) throw conflict('Goal', goalId);
  }

  /** Freezes the current values at `period` as the members' baselines, and records each. */
  private async freeze(
    manager: EntityManager,
    tenant: TenantScope,
    goalId: string,
    indicator: IndicatorForGoal,
    period: string,
    areas: readonly string[],
    change: { kind: 'FROZEN' | 'REBASELINED'; reason: string | null },
  ): Promise<void> {
    const readings = await readBaselines(manager, indicator, period, areas);
    for (const area of areas) {
      const reading = readings.get(area)!;
      const [old] = await manager.query(
        `SELECT baseline_value::float8 AS value, baseline_lower_bound AS "lowerBound",
                baseline_upper_bound::float8 AS "upperBound", baseline_frozen_at AS "frozenAt"
           FROM goal_member WHERE goal_id = $1 AND collaboration_id = $2 AND area_code = $3 FOR UPDATE`,
        [goalId, tenant.collaborationId, area],
      );
      await manager.query(
        `UPDATE goal_member SET baseline_period = $4, baseline_value = $5, baseline_lower_bound = $6, baseline_upper_bound = $7,
                baseline_numerator = $8, baseline_denominator = $9, baseline_batch_id = $10, baseline_published_at = $11,
                baseline_preliminary = $12, baseline_frozen_at = now()
          WHERE goal_id = $1 AND collaboration_id = $2 AND area_code = $3`,
        [
          goalId,
          tenant.collaborationId,
          area,
          period,
          reading.value,
          reading.lowerBound,
          reading.upperBound,
          reading.numerator,
          reading.denominator,
          reading.batchId,
          reading.publishedAt,
          reading.preliminary,
        ],
      );
      await manager.query(
        `INSERT INTO goal_baseline_change (goal_id, collaboration_id, area_code, kind, old_value, old_lower_bound,
                                           new_value, new_lower_bound, new_baseline_period, reason, changed_by,
                                           old_upper_bound, new_upper_bound)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          goalId,
          tenant.collaborationId,
          area,
          change.kind,
          old?.frozenAt ? old.value : null,
          old?.frozenAt ? old.lowerBound : null,
          reading.value,
          reading.lowerBound,
          period,
          change.reason,
          tenant.actor.userId,
          old?.frozenAt && old.lowerBound ? old.upperBound : null,
          reading.lowerBound ? reading.upperBound : null,
        ],
      );
    }
  }

  /**
   * Sets the members in scope: new ones are added (with a frozen baseline when the goal is
   * active), members left out stay as rows marked out of scope, so a member leaving the
   * goal keeps its history and can return.
   */
  private async setMembers(
    manager: EntityManager,
    tenant: TenantScope,
    goalId: string,
    areas: readonly string[],
    freezeWith: IndicatorForGoal | null = null,
  ): Promise<void> {
    const existing: { areaCode: string; frozen: boolean }[] = await manager.query(
      `SELECT area_code AS "areaCode", baseline_frozen_at IS NOT NULL AS frozen FROM goal_member
        WHERE goal_id = $1 AND collaboration_id = $2`,
      [goalId, tenant.collaborationId],
    );
    await manager.query(
      `UPDATE goal_member SET in_scope = (area_code = ANY($3)) WHERE goal_id = $1 AND collaboration_id = $2`,
      [goalId, tenant.collaborationId, areas],
    );
    const known = new Map(existing.map((m) => [m.areaCode, m.frozen]));
    const added = areas.filter((area) => !known.has(area));
    if (added.length) {
      await manager.query(
        `INSERT INTO goal_member (goal_id, collaboration_id, area_code) SELECT $1, $2, unnest($3::char(4)[])`,
        [goalId, tenant.collaborationId, added],
      );
    }
    const unfrozen = areas.filter((area) => !known.get(area));
    if (freezeWith && unfrozen.length) {
      const [{ period }] = await manager.query(`SELECT baseline_period AS period FROM goal WHERE id = $1`, [
        goalId,
      ]);
      await this.freeze(manager, tenant, goalId, freezeWith, period, unfrozen, {
        kind: 'FROZEN',
        reason: null,
      });
    }
  }

  private async setGroups(
    manager: EntityManager,
    tenant: TenantScope,
    goalId: string,
    groupIds: readonly string[],
  ) {
    await manager.query(`DELETE FROM goal_group WHERE goal_id = $1 AND collaboration_id = $2`, [
      goalId,
      tenant.collaborationId,
    ]);
    if (groupIds.length) {
      await manager.query(
        `INSERT INTO goal_group (goal_id, collaboration_id, group_id) SELECT $1, $2, unnest($3::uuid[])`,
        [goalId, tenant.collaborationId, [...new Set(groupIds)]],
      );
    }
  }

  private async indicator(tenant: TenantScope, code: string, field: string): Promise<IndicatorForGoal> {
    try {
      const row = await this.indicators.byCode(tenant, code);
      return {
        id: row.id,
        code: row.code,
        kind: row.kind,
        unit: row.unit,
        periodicity: row.periodicity,
        numeratorId: row.numeratorId,
        denominatorId: row.denominatorId,
        factor: row.factor,
      };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.NotFound) throw error;
      throw badInput([
        { field, message: `no indicator with the code ${code} in this collaboration's catalogue` },
      ]);
    }
  }

  private checkPeriod(indicator: IndicatorForGoal, period: string, field: string): void {
    const parsed = tryParsePeriod(period, indicator.periodicity);
    if (!parsed.ok) throw badInput([{ field, message: parsed.error }]);
  }

  private checkMeasure(
    indicator: IndicatorForGoal,
    goal: {
      baselinePeriod: string;
      targetPeriod: string;
      targetKind: string;
      targetValue: number;
      levelDirection?: string | null;
      onTrackThreshold?: number | null;
      atRiskThreshold?: number | null;
    },
    prefix: string,
  ): void {
    const problems: FieldProblem[] = [];
    for (const field of ['baselinePeriod', 'targetPeriod'] as const) {
      const parsed = tryParsePeriod(goal[field], indicator.periodicity);
      if (!parsed.ok) problems.push({ field: `${prefix}.${field}`, message: parsed.error });
    }
    if (!problems.length && periodDistance(goal.baselinePeriod, goal.targetPeriod) <= 0)
      problems.push({ field: `${prefix}.targetPeriod`, message: 'must come after the baseline period' });
    if (
      goal.targetKind === 'RELATIVE_CHANGE' &&
      (goal.targetValue < -1 || goal.targetValue > 10 || goal.targetValue === 0)
    )
      problems.push({
        field: `${prefix}.targetValue`,
        message: 'a relative change is a fraction between −1 and 10, not 0 (−0.5 halves)',
      });
    if (goal.targetKind === 'ABSOLUTE_CHANGE' && goal.targetValue === 0)
      problems.push({ field: `${prefix}.targetValue`, message: 'a change of 0 is no target' });
    if (goal.targetKind === 'LEVEL' && !goal.levelDirection)
      problems.push({
        field: `${prefix}.levelDirection`,
        message: 'say whether the value must be at most or at least the level',
      });
    if (
      goal.onTrackThreshold !== undefined &&
      goal.atRiskThreshold !== undefined &&
      goal.onTrackThreshold !== null &&
      goal.atRiskThreshold !== null &&
      goal.atRiskThreshold > goal.onTrackThreshold
    )
      problems.push({
        field: `${prefix}.atRiskThreshold`,
        message: 'must be at or below the on-track threshold',
      });
    if (problems.length) throw badInput(problems);
  }

  /** The areas in scope: the given ones, each a member municipality; default all of them. */
  private async scopeAreas(
    tenant: TenantScope,
    areaCodes: readonly string[] | null,
    field: string,
  ): Promise<string[]> {
    const members = await this.indicators.memberMunicipalities(tenant);
    if (!areaCodes?.length) {
      if (!members.length)
        throw badInput([{ field, message: 'the collaboration has no member municipality yet' }]);
      return members;
    }
    const unique = [...new Set(areaCodes)];
    const outside = unique.filter((area) => !members.includes(area));
    if (outside.length)
      throw badInput([
        { field, message: `${outside.join(', ')}: not a member municipality of this collaboration` },
      ]);
    return unique;
  }

  private async checkGroups(tenant: TenantScope, groupIds: readonly string[], field: string): Promise<void> {
    if (!groupIds.length) return;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM "group" WHERE collaboration_id = $1 AND id = ANY($2) AND kind = 'OPERATIONAL'`,
      [tenant.collaborationId, [...new Set(groupIds)]],
    );
    const found = new Set(rows.map((row) => row.id));
    const missing = groupIds.filter((id) => !found.has(id));
    if (missing.length)
      throw badInput([
        { field, message: `${missing.join(', ')}: not an operational group of this collaboration` },
      ]);
  }

  private async areaNames(codes: readonly string[]): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM municipality WHERE code = ANY($1)`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.name]));
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
      entityType: 'goal',
      entityId: id,
      before,
      after,
    });
  }
}

/** A member row as activation would write it, for the preview. */
function memberRowFrom(
  reading: BaselineReading,
  areaName: string,
  period: string,
  frozenAt: Date | null,
): GoalMemberRow {
  return {
    areaCode: reading.areaCode,
    areaName,
    inScope: true,
    baselinePeriod: period,
    baselineValue: reading.value,
    baselineLowerBound: reading.lowerBound,
    baselineUpperBound: reading.upperBound,
    baselineNumerator: reading.numerator,
    baselineDenominator: reading.denominator,
    baselineBatchId: reading.batchId,
    baselinePublishedAt: reading.publishedAt,
    baselinePreliminary: reading.preliminary,
    baselineFrozenAt: frozenAt,
  };
}
