import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogReader, AuditWriter } from '@kraftsamling/api/core/audit';
import {
  DomainError,
  ErrorCode,
  badInput,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  type FieldProblem,
} from '@kraftsamling/api/core/errors';
import type { Principal } from '@kraftsamling/api/core/auth';
import { DataChangeFeed } from '@kraftsamling/api/core/database';
import { LiveEvents } from '@kraftsamling/api/core/live';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { editorOrganizationIds, mayManageActionsOf } from './action-rights';
import { ActionIndicatorFeed } from './indicator-feed';
import type {
  ActionFields,
  ActionFilter,
  AddActionUpdateInput,
  CreateActionInput,
  CreateActionTypeInput,
  RecordOutcomesInput,
  UpdateActionInput,
} from './inputs';
import type {
  ActionHistoryEntryModel,
  ActionOutcomeModel,
  ActionRecord,
  ActionTypeModel,
  ActionUpdateModel,
  GroupActivityEventModel,
  GroupActivityKind,
  OutcomePeriodKind,
} from './models';
import {
  COUNT_FIELDS,
  countProblems,
  isCalendarDate,
  monthOfOutcomePeriod,
  outcomePeriodProblem,
} from './outcome-rules';

export type Language = 'sv' | 'en';

/** The live topic of an operational group's page. */
export const groupTopic = (groupId: string) => `group:${groupId}`;

/**
 * The actions that `where` (over \`action a\`) chooses, with what a card shows, ordered by
 * `orderBy`. The chosen actions are read first and their municipalities and goals gathered
 * for all of them at once: per action, the planner scanned the 290 municipalities for each
 * place (a third of a 100-action board's statement).
 */
const selectActions = (where: string, orderBy = '') => `
  WITH chosen AS MATERIALIZED (SELECT a.* FROM action a ${where}),
  places AS (
    SELECT am.action_id, json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.name COLLATE swedish) AS list
      FROM action_municipality am JOIN municipality m ON m.code = am.municipality_code
     WHERE am.action_id IN (SELECT id FROM chosen)
     GROUP BY am.action_id),
  served AS (
    SELECT ag.action_id, json_agg(json_build_object('id', gl.id, 'title', gl.title) ORDER BY gl.title COLLATE swedish) AS list
      FROM action_goal ag JOIN goal gl ON gl.id = ag.goal_id AND gl.collaboration_id = ag.collaboration_id
     WHERE ag.action_id IN (SELECT id FROM chosen)
     GROUP BY ag.action_id)
  SELECT a.id, a.collaboration_id AS "collaborationId", a.group_id AS "groupId", g.name AS "groupName",
         a.title, a.description, a.type_id AS "typeId", a.target_groups AS "targetGroups",
         CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS "leadOrganization",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS contact,
         a.partner_organizations AS "partnerOrganizations",
         to_char(a.start_on, 'YYYY-MM-DD') AS "startOn", to_char(a.end_on, 'YYYY-MM-DD') AS "endOn",
         a.status, a.planned_participants AS "plannedParticipants",
         (SELECT c.confidence FROM action_update c
           WHERE c.action_id = a.id AND c.collaboration_id = a.collaboration_id AND c.confidence IS NOT NULL
           ORDER BY c.happened_on DESC, c.created_at DESC LIMIT 1) AS confidence,
         json_build_object(
           'participants', coalesce(t.participants, 0), 'started', coalesce(t.started, 0),
           'completed', coalesce(t.completed, 0), 'employed', coalesce(t.employed, 0),
           'employedPrivate', coalesce(t.employed_private, 0), 'studies', coalesce(t.studies, 0),
           'otherOutcome', coalesce(t.other_outcome, 0)) AS totals,
         a.last_activity_at AS "lastActivityAt", a.version,
         CASE WHEN ty.id IS NULL THEN NULL ELSE json_build_object(
           'id', ty.id, 'code', ty.code, 'nameSv', ty.name_sv, 'nameEn', ty.name_en,
           'builtIn', ty.collaboration_id IS NULL, 'collaborationId', ty.collaboration_id) END AS type,
         coalesce(places.list, '[]') AS municipalities, coalesce(served.list, '[]') AS goals
    FROM chosen a
    LEFT JOIN places ON places.action_id = a.id
    LEFT JOIN served ON served.action_id = a.id
    JOIN "group" g ON g.id = a.group_id AND g.collaboration_id = a.collaboration_id
    LEFT JOIN action_type ty ON ty.id = a.type_id AND (ty.collaboration_id IS NULL OR ty.collaboration_id = a.collaboration_id)
    LEFT JOIN organization o ON o.id = a.lead_organization_id AND o.collaboration_id = a.collaboration_id
    LEFT JOIN app_user u ON u.id = a.contact_user_id
    LEFT JOIN LATERAL (
      SELECT sum(x.participants)::int AS participants, sum(x.started)::int AS started,
             sum(x.completed)::int AS completed, sum(x.employed)::int AS employed,
             sum(x.employed_private)::int AS employed_private, sum(x.studies)::int AS studies,
             sum(x.other_outcome)::int AS other_outcome
        FROM action_outcome x WHERE x.action_id = a.id AND x.collaboration_id = a.collaboration_id) t ON true
  ${orderBy}`;

const SELECT_OUTCOME = `
  SELECT x.action_id AS "actionId", x.municipality_code AS "municipalityCode", x.period,
         json_build_object('participants', x.participants, 'started', x.started, 'completed', x.completed,
           'employed', x.employed, 'employedPrivate', x.employed_private, 'studies', x.studies,
           'otherOutcome', x.other_outcome) AS counts,
         x.version, u.name AS "recordedByName", x.recorded_at AS "recordedAt"
    FROM action_outcome x LEFT JOIN app_user u ON u.id = x.recorded_by`;

const SELECT_UPDATE = `
  SELECT c.id, c.action_id AS "actionId", a.title AS "actionTitle", to_char(c.happened_on, 'YYYY-MM-DD') AS date,
         c.text, coalesce(u.name, '') AS "authorName", c.status_change AS "statusChange", c.confidence,
         c.created_at AS "createdAt", c.collaboration_id AS "collaborationId"
    FROM action_update c
    JOIN action a ON a.id = c.action_id AND a.collaboration_id = c.collaboration_id
    LEFT JOIN app_user u ON u.id = c.author_id`;

const iso = (value: Date | string) => new Date(value).toISOString();
/**
 * An action as read by selectActions: its type, municipalities and goals came with it, so a
 * board of 100 actions is one statement and no field resolver. The type is named in
 * Swedish here; ActionsResolver names it in the request's language.
 */
const toAction = (
  row: Omit<ActionRecord, 'type'> & {
    lastActivityAt: Date | string;
    type: Omit<ActionTypeModel, 'name'> | null;
  },
): ActionRecord => {
  // Its type is a built-in or the collaboration's own (foreign key, and the type's
  // collaboration is checked on every write): a row without one is a broken invariant.
  if (!row.type) throw new Error(`action ${row.id} has a type ${row.typeId} it may not see`);
  return {
    ...row,
    type: { ...row.type, name: row.type.nameSv },
    lastActivityAt: iso(row.lastActivityAt),
  };
};
const toOutcome = (row: ActionOutcomeModel & { recordedAt: Date | string }): ActionOutcomeModel => ({
  ...row,
  recordedAt: iso(row.recordedAt),
});
const toUpdate = (row: ActionUpdateModel & { createdAt: Date | string }): ActionUpdateModel => ({
  ...row,
  createdAt: iso(row.createdAt),
});

/** What an action's audit records hold: its fields as the form edits them. */
interface ActionSnapshot {
  title: string;
  description: string | null;
  typeId: string;
  targetGroups: string[];
  municipalityCodes: string[];
  goalIds: string[];
  leadOrganizationId: string | null;
  contactUserId: string | null;
  partnerOrganizations: string[];
  startOn: string | null;
  endOn: string | null;
  status: string;
  plannedParticipants: number | null;
}

const HISTORY_CHANGES: Record<string, string> = {
  'action.created': 'CREATED',
  'action.updated': 'CHANGED',
  'action.outcomes_recorded': 'OUTCOMES_RECORDED',
  'action.update_added': 'UPDATE_ADDED',
};

/**
 * Actions (insatser) of the operational groups, their outcomes and progress updates.
 * Every statement filters on the tenant's collaboration; every write runs in one
 * transaction with its audit record and is published live only after it committed.
 */
@Injectable()
export class ActionService {
  private readonly logger = new Logger(ActionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly auditLog: AuditLogReader,
    private readonly live: LiveEvents,
    private readonly feed: ActionIndicatorFeed,
    private readonly changes: DataChangeFeed,
  ) {}

  // ---- reads ----

  async periodKind(tenant: TenantScope): Promise<OutcomePeriodKind> {
    const [row] = await this.dataSource.query(
      `SELECT outcome_period_kind AS kind FROM collaboration WHERE id = $1`,
      [tenant.collaborationId],
    );
    if (!row) throw notFound('Collaboration', tenant.collaborationId);
    return row.kind;
  }

  async types(tenant: TenantScope, language: Language): Promise<ActionTypeModel[]> {
    const rows = await this.dataSource.query(
      `SELECT id, code, name_sv AS "nameSv", name_en AS "nameEn", collaboration_id AS "collaborationId",
              collaboration_id IS NULL AS "builtIn"
         FROM action_type WHERE collaboration_id IS NULL OR collaboration_id = $1
        ORDER BY sort_order, ${language === 'en' ? 'name_en' : 'name_sv'} COLLATE swedish`,
      [tenant.collaborationId],
    );
    return rows.map((row: ActionTypeModel) => ({
      ...row,
      name: language === 'en' ? row.nameEn : row.nameSv,
    }));
  }

  async list(tenant: TenantScope, filter: ActionFilter | null | undefined): Promise<ActionRecord[]> {
    const f = filter ?? {};
    if (f.from && f.to && f.to < f.from)
      throw badInput([{ field: 'filter.to', message: `must be on or after ${f.from}` }]);
    const rows = await this.dataSource.query(
      selectActions(
        `WHERE a.collaboration_id = $1
          AND ($2::uuid IS NULL OR a.group_id = $2)
          AND ($3::uuid[] IS NULL OR a.type_id = ANY($3))
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM action_municipality m
                WHERE m.action_id = a.id AND m.collaboration_id = a.collaboration_id AND m.municipality_code = $4))
          AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM action_goal ag
                WHERE ag.action_id = a.id AND ag.collaboration_id = a.collaboration_id AND ag.goal_id = $5))
          AND ($6::text[] IS NULL OR a.status = ANY($6))
          AND ($7::text IS NULL OR a.end_on IS NULL OR a.end_on >= ($7 || '-01')::date)
          AND ($8::text IS NULL OR a.start_on IS NULL
               OR a.start_on < (($8 || '-01')::date + interval '1 month'))`,
        'ORDER BY a.last_activity_at DESC, a.title COLLATE swedish, a.id',
      ),
      [
        tenant.collaborationId,
        f.groupId ?? null,
        f.typeIds?.length ? f.typeIds : null,
        f.municipalityCode ?? null,
        f.goalId ?? null,
        f.statuses?.length ? f.statuses : null,
        f.from ?? null,
        f.to ?? null,
      ],
    );
    return rows.map(toAction);
  }

  async get(tenant: TenantScope, actionId: string, manager: EntityManager | DataSource = this.dataSource) {
    const [row] = await manager.query(selectActions('WHERE a.id = $1 AND a.collaboration_id = $2'), [
      actionId,
      tenant.collaborationId,
    ]);
    if (!row) throw notFound('Action', actionId);
    return toAction(row);
  }

  async outcomes(
    collaborationId: string,
    actionIds: readonly string[],
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<ActionOutcomeModel[]> {
    const rows = await manager.query(
      `${SELECT_OUTCOME} WHERE x.collaboration_id = $1 AND x.action_id = ANY($2)
        ORDER BY x.period, x.municipality_code`,
      [collaborationId, actionIds],
    );
    return rows.map(toOutcome);
  }

  async updates(collaborationId: string, actionIds: readonly string[]): Promise<ActionUpdateModel[]> {
    const rows = await this.dataSource.query(
      `${SELECT_UPDATE} WHERE c.collaboration_id = $1 AND c.action_id = ANY($2)
        ORDER BY c.happened_on DESC, c.created_at DESC`,
      [collaborationId, actionIds],
    );
    return rows.map(toUpdate);
  }

  async history(collaborationId: string, actionIds: readonly string[]) {
    const events = await this.auditLog.forEntities(collaborationId, 'action', actionIds);
    return events.map((event): ActionHistoryEntryModel & { actionId: string } => ({
      actionId: event.entityId!,
      at: iso(event.occurredAt),
      actorName: event.actorName ?? '',
      change: HISTORY_CHANGES[event.action] ?? event.action,
      fields: changedFields(event.action, event.before, event.after),
    }));
  }

  async groupFeed(tenant: TenantScope, groupId: string, limit: number | null | undefined) {
    await this.requireGroup(tenant, groupId, 'groupId');
    const take = Math.min(Math.max(limit ?? 30, 1), 200);
    const rows = await this.dataSource.query(
      `${SELECT_UPDATE} WHERE c.collaboration_id = $1 AND a.group_id = $2
        ORDER BY c.created_at DESC, c.id LIMIT $3`,
      [tenant.collaborationId, groupId, take],
    );
    return rows.map(toUpdate) as ActionUpdateModel[];
  }

  /** NOT_FOUND unless the group is an operational group of the tenant's collaboration. */
  async requireGroup(tenant: TenantScope, groupId: string, field: string): Promise<void> {
    const [group] = await this.dataSource.query(
      `SELECT kind FROM "group" WHERE id = $1 AND collaboration_id = $2`,
      [groupId, tenant.collaborationId],
    );
    if (!group) throw notFound('Group', groupId);
    if (group.kind !== 'OPERATIONAL')
      throw badInput([{ field, message: 'is the steering group: actions belong to operational groups' }]);
  }

  // ---- writes ----

  async create(tenant: TenantScope, input: CreateActionInput): Promise<ActionRecord> {
    await this.requireGroup(tenant, input.groupId, 'input.groupId');
    this.authorizeManage(tenant, input.groupId);
    await this.checkFields(tenant, input.fields);
    const created = await this.dataSource.transaction(async (manager) => {
      const f = input.fields;
      const [{ id }] = await manager.query(
        `INSERT INTO action (collaboration_id, group_id, title, description, type_id, target_groups, lead_organization_id,
                             contact_user_id, partner_organizations, start_on, end_on, status, planned_participants, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          tenant.collaborationId,
          input.groupId,
          f.title,
          f.description || null,
          f.typeId,
          cleanList(f.targetGroups),
          f.leadOrganizationId ?? null,
          f.contactUserId ?? null,
          cleanList(f.partnerOrganizations),
          f.startOn ?? null,
          f.endOn ?? null,
          f.status,
          f.plannedParticipants ?? null,
          tenant.actor.userId,
        ],
      );
      await this.writeLinks(manager, tenant, id, f);
      const action = await this.get(tenant, id, manager);
      await this.record(manager, tenant, 'action.created', id, null, snapshot(f));
      return action;
    });
    await this.publish(tenant, 'ACTION_CREATED', created);
    return created;
  }

  async update(tenant: TenantScope, input: UpdateActionInput): Promise<ActionRecord> {
    const existing = await this.get(tenant, input.actionId);
    this.authorizeManage(tenant, existing.groupId);
    await this.checkFields(tenant, input.fields);
    const updated = await this.dataSource.transaction(async (manager) => {
      const before = await this.snapshotOf(manager, tenant, input.actionId);
      const f = input.fields;
      const updatedRows = (await manager.query(
        `UPDATE action SET title = $4, description = $5, type_id = $6, target_groups = $7, lead_organization_id = $8,
                contact_user_id = $9, partner_organizations = $10, start_on = $11, end_on = $12, status = $13,
                planned_participants = $14, version = version + 1, updated_at = now(), last_activity_at = now()
          WHERE id = $1 AND collaboration_id = $2 AND version = $3 RETURNING id`,
        [
          input.actionId,
          tenant.collaborationId,
          input.version,
          f.title,
          f.description || null,
          f.typeId,
          cleanList(f.targetGroups),
          f.leadOrganizationId ?? null,
          f.contactUserId ?? null,
          cleanList(f.partnerOrganizations),
          f.startOn ?? null,
          f.endOn ?? null,
          f.status,
          f.plannedParticipants ?? null,
        ],
      )) as [unknown[], number];
      if (updatedRows[0].length !== 1)
        throw conflict('Action', input.actionId, await this.current(tenant, input.actionId));
      // Outcomes are recorded per municipality of the action: one that has outcomes stays.
      const kept = await manager.query(
        `SELECT DISTINCT municipality_code AS code FROM action_outcome
          WHERE action_id = $1 AND collaboration_id = $2 AND NOT (municipality_code = ANY($3))
          ORDER BY 1`,
        [input.actionId, tenant.collaborationId, f.municipalityCodes],
      );
      if (kept.length)
        throw badInput([
          {
            field: 'input.fields.municipalityCodes',
            message: `outcomes are recorded for ${kept.map((row: { code: string }) => row.code).join(', ')}: keep ${kept.length === 1 ? 'it' : 'them'} among the municipalities`,
          },
        ]);
      await manager.query(
        `DELETE FROM action_municipality WHERE action_id = $1 AND collaboration_id = $2 AND NOT (municipality_code = ANY($3))`,
        [input.actionId, tenant.collaborationId, f.municipalityCodes],
      );
      await manager.query(`DELETE FROM action_goal WHERE action_id = $1 AND collaboration_id = $2`, [
        input.actionId,
        tenant.collaborationId,
      ]);
      await this.writeLinks(manager, tenant, input.actionId, f);
      if (before.typeId !== f.typeId) {
        // The participations of both types change: the outcomes now count for the new one.
        const scope = await manager.query(
          `SELECT array_agg(DISTINCT municipality_code::text) AS areas, array_agg(DISTINCT month) AS months
             FROM action_outcome WHERE action_id = $1 AND collaboration_id = $2`,
          [input.actionId, tenant.collaborationId],
        );
        await this.feed.refresh(manager, tenant.collaborationId, tenant.actor, {
          typeIds: [before.typeId, f.typeId],
          municipalityCodes: scope[0]?.areas ?? [],
          months: scope[0]?.months ?? [],
        });
      }
      const after = snapshot(f);
      await this.record(manager, tenant, 'action.updated', input.actionId, before, after);
      return this.get(tenant, input.actionId, manager);
    });
    await this.publish(tenant, 'ACTION_CHANGED', updated);
    return updated;
  }

  async recordOutcomes(tenant: TenantScope, input: RecordOutcomesInput): Promise<ActionOutcomeModel[]> {
    const action = await this.get(tenant, input.actionId);
    const [context] = await this.dataSource.query(
      `SELECT c.outcome_period_kind AS kind,
              coalesce((SELECT array_agg(municipality_code::text) FROM action_municipality
                         WHERE action_id = $2 AND collaboration_id = $1), '{}') AS municipalities,
              a.type_id AS "typeId"
         FROM collaboration c JOIN action a ON a.collaboration_id = c.id AND a.id = $2
        WHERE c.id = $1`,
      [tenant.collaborationId, input.actionId],
    );
    const running = new Set<string>(context.municipalities);
    await this.authorizeOutcomes(
      tenant,
      action.groupId,
      input.rows.map((row) => row.municipalityCode),
    );

    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    input.rows.forEach((row, i) => {
      const at = `input.rows.${i}`;
      if (!running.has(row.municipalityCode))
        problems.push({
          field: `${at}.municipalityCode`,
          message: `the action does not run in ${row.municipalityCode}: add the municipality to the action first`,
        });
      const periodProblem = outcomePeriodProblem(row.period, context.kind);
      if (periodProblem) problems.push({ field: `${at}.period`, message: periodProblem });
      const key = `${row.municipalityCode}|${row.period}`;
      if (seen.has(key))
        problems.push({
          field: `${at}.period`,
          message: `${row.municipalityCode} ${row.period} is given twice`,
        });
      seen.add(key);
      for (const problem of countProblems(row.counts))
        problems.push({ field: `${at}.counts.${problem.field}`, message: problem.message });
    });
    if (problems.length) throw badInput(problems);

    const result = await this.dataSource.transaction(async (manager) => {
      // One writer of an action's outcomes at a time: the version check below and the write
      // see the same rows.
      await manager.query(`SELECT 1 FROM action WHERE id = $1 AND collaboration_id = $2 FOR UPDATE`, [
        input.actionId,
        tenant.collaborationId,
      ]);
      const stored = (await manager.query(
        `SELECT municipality_code AS "municipalityCode", period, version, participants, started, completed, employed,
                employed_private AS "employedPrivate", studies, other_outcome AS "otherOutcome"
           FROM action_outcome
          WHERE action_id = $1 AND collaboration_id = $2`,
        [input.actionId, tenant.collaborationId],
      )) as ({ municipalityCode: string; period: string; version: number } & Record<string, number>)[];
      const byKey = new Map(stored.map((row) => [`${row.municipalityCode}|${row.period}`, row]));
      const stale = input.rows.filter((row) => {
        const current = byKey.get(`${row.municipalityCode}|${row.period}`);
        return current ? row.version !== current.version : row.version != null;
      });
      if (stale.length)
        throw new DomainError(
          ErrorCode.Conflict,
          `Someone else recorded ${stale
            .map((row) => `${row.municipalityCode} ${row.period}`)
            .join(', ')} since you loaded them. Reload the outcomes and make your change again.`,
          [],
          await this.outcomes(tenant.collaborationId, [input.actionId], manager),
        );
      const changed = input.rows.filter((row) => {
        const current = byKey.get(`${row.municipalityCode}|${row.period}`);
        return !current || COUNT_FIELDS.some((field) => current[field] !== row.counts[field]);
      });
      let batchId: string | null = null;
      if (changed.length) {
        const column = (pick: (row: (typeof changed)[number]) => unknown) => changed.map(pick);
        await manager.query(
          `INSERT INTO action_outcome (action_id, collaboration_id, municipality_code, period, month, participants, started,
                                       completed, employed, employed_private, studies, other_outcome, recorded_by)
           SELECT $1, $2, r.* , $13 FROM unnest($3::char(4)[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[],
                                          $9::int[], $10::int[], $11::int[], $12::int[])
             AS r(municipality_code, period, month, participants, started, completed, employed, employed_private,
                  studies, other_outcome)
           ON CONFLICT (action_id, municipality_code, period) DO UPDATE SET
             participants = EXCLUDED.participants, started = EXCLUDED.started, completed = EXCLUDED.completed,
             employed = EXCLUDED.employed, employed_private = EXCLUDED.employed_private, studies = EXCLUDED.studies,
             other_outcome = EXCLUDED.other_outcome, recorded_by = EXCLUDED.recorded_by, recorded_at = now(),
             version = action_outcome.version + 1`,
          [
            input.actionId,
            tenant.collaborationId,
            column((r) => r.municipalityCode),
            column((r) => r.period),
            column((r) => monthOfOutcomePeriod(r.period)),
            ...COUNT_FIELDS.map((field) => column((r) => r.counts[field])),
            tenant.actor.userId,
          ],
        );
        await manager.query(
          `UPDATE action SET last_activity_at = now() WHERE id = $1 AND collaboration_id = $2`,
          [input.actionId, tenant.collaborationId],
        );
        batchId = (
          await this.feed.refresh(manager, tenant.collaborationId, tenant.actor, {
            typeIds: [context.typeId],
            municipalityCodes: [...new Set(changed.map((row) => row.municipalityCode))],
            months: [...new Set(changed.map((row) => monthOfOutcomePeriod(row.period)))],
          })
        ).batchId;
        await this.record(
          manager,
          tenant,
          'action.outcomes_recorded',
          input.actionId,
          {
            rows: changed
              .map((row) => byKey.get(`${row.municipalityCode}|${row.period}`))
              .filter(Boolean)
              .map((row) => ({ ...row })),
          },
          {
            rows: changed.map((row) => ({
              municipalityCode: row.municipalityCode,
              period: row.period,
              ...row.counts,
            })),
            indicatorBatchId: batchId,
          },
        );
      }
      return { outcomes: await this.outcomes(tenant.collaborationId, [input.actionId], manager), changed };
    });
    if (result.changed.length) await this.publish(tenant, 'OUTCOMES_RECORDED', action);
    return result.outcomes;
  }

  async addUpdate(tenant: TenantScope, input: AddActionUpdateInput): Promise<ActionUpdateModel> {
    const action = await this.get(tenant, input.actionId);
    this.authorizeManage(tenant, action.groupId);
    if (!isCalendarDate(input.date))
      throw badInput([{ field: 'input.date', message: `${input.date} is not a date of the calendar` }]);
    const update = await this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO action_update (action_id, collaboration_id, happened_on, text, author_id, status_change, confidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          input.actionId,
          tenant.collaborationId,
          input.date,
          input.text,
          tenant.actor.userId,
          input.statusChange ?? null,
          input.confidence ?? null,
        ],
      );
      // A status change is a change of the action: its version moves, so an edit based on
      // the old status is refused as a conflict instead of setting it back silently.
      await manager.query(
        `UPDATE action SET last_activity_at = now(),
                status = coalesce($3, status),
                version = CASE WHEN $3::text IS NOT NULL AND $3 <> status THEN version + 1 ELSE version END,
                updated_at = CASE WHEN $3::text IS NOT NULL AND $3 <> status THEN now() ELSE updated_at END
          WHERE id = $1 AND collaboration_id = $2`,
        [input.actionId, tenant.collaborationId, input.statusChange ?? null],
      );
      const [row] = await manager.query(`${SELECT_UPDATE} WHERE c.id = $1 AND c.collaboration_id = $2`, [
        id,
        tenant.collaborationId,
      ]);
      await this.record(manager, tenant, 'action.update_added', input.actionId, null, {
        updateId: id,
        date: input.date,
        text: input.text,
        statusChange: input.statusChange ?? null,
        previousStatus: input.statusChange ? action.status : undefined,
        confidence: input.confidence ?? null,
      });
      return toUpdate(row);
    });
    await this.publish(tenant, 'UPDATE_ADDED', action, update);
    return update;
  }

  async createType(tenant: TenantScope, input: CreateActionTypeInput, language: Language) {
    const type = await this.insertType(tenant, input, language);
    this.changes.changed();
    return type;
  }

  private async insertType(tenant: TenantScope, input: CreateActionTypeInput, language: Language) {
    const base =
      input.nameEn
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 40) || 'TYPE';
    return this.dataSource.transaction(async (manager) => {
      const taken = new Set(
        (
          await manager.query(
            `SELECT code FROM action_type WHERE collaboration_id IS NULL OR collaboration_id = $1`,
            [tenant.collaborationId],
          )
        ).map((row: { code: string }) => row.code),
      );
      let code = base;
      for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
      const nameTaken = () =>
        badInput([{ field: 'input.nameSv', message: `there is already a type named ${input.nameSv}` }]);
      let rows: { id: string }[];
      try {
        rows = await manager.query(
          `INSERT INTO action_type (collaboration_id, code, name_sv, name_en, created_by)
           SELECT $1, $2, $3, $4, $5
            WHERE NOT EXISTS (SELECT 1 FROM action_type WHERE collaboration_id IS NULL AND lower(name_sv) = lower($3))
           RETURNING id`,
          [tenant.collaborationId, code, input.nameSv, input.nameEn, tenant.actor.userId],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
      // The built-in names are every collaboration's: a type of its own may not repeat one.
      if (!rows.length) throw nameTaken();
      const id = rows[0]!.id;
      await this.audit.record(manager, {
        collaborationId: tenant.collaborationId,
        actor: tenant.actor,
        action: 'action_type.created',
        entityType: 'action_type',
        entityId: id,
        before: null,
        after: { code, nameSv: input.nameSv, nameEn: input.nameEn },
      });
      const type: ActionTypeModel = {
        id,
        code,
        nameSv: input.nameSv,
        nameEn: input.nameEn,
        name: language === 'en' ? input.nameEn : input.nameSv,
        builtIn: false,
        collaborationId: tenant.collaborationId,
      };
      return type;
    });
  }

  // ---- rules ----

  /** Security invariant: a group member changes only their own group's actions; a coordinator any. */
  private authorizeManage(tenant: TenantScope, groupId: string): void {
    if (mayManageActionsOf(tenant.principal, tenant.collaborationId, groupId)) return;
    throw forbidden('You may change only the actions of your own operational group.');
  }

  /**
   * Security invariant: outcomes are recorded by a coordinator, a member of the action's
   * group, or a municipal editor for rows of the municipality of their membership's
   * organisation (that the action runs there is checked with the rows).
   */
  private async authorizeOutcomes(tenant: TenantScope, groupId: string, codes: string[]): Promise<void> {
    if (mayManageActionsOf(tenant.principal, tenant.collaborationId, groupId)) return;
    const own = new Set(await this.editorMunicipalities(tenant.principal, tenant.collaborationId));
    if (!own.size)
      throw forbidden('You may record outcomes only for the actions of your own operational group.');
    const others = [...new Set(codes.filter((code) => !own.has(code)))];
    if (others.length)
      throw forbidden(
        `You may record outcomes only for your own municipality (${[...own].join(', ')}), not for ${others.join(', ')}.`,
      );
  }

  /** The municipality codes a municipal editor records outcomes for in this collaboration. */
  async editorMunicipalities(principal: Principal, collaborationId: string): Promise<string[]> {
    const organizationIds = editorOrganizationIds(principal, collaborationId);
    if (!organizationIds.length) return [];
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT municipality_code AS code FROM organization
        WHERE collaboration_id = $1 AND id = ANY($2) AND kind = 'MUNICIPALITY'`,
      [collaborationId, organizationIds],
    );
    return rows.map((row) => row.code);
  }

  /** Every id the fields name must belong to this collaboration; dates in order. */
  private async checkFields(tenant: TenantScope, f: ActionFields): Promise<void> {
    const problems: FieldProblem[] = [];
    const at = (field: string) => `input.fields.${field}`;
    if (f.startOn && !isCalendarDate(f.startOn))
      problems.push({ field: at('startOn'), message: `${f.startOn} is not a date of the calendar` });
    if (f.endOn && !isCalendarDate(f.endOn))
      problems.push({ field: at('endOn'), message: `${f.endOn} is not a date of the calendar` });
    if (f.startOn && f.endOn && f.endOn < f.startOn)
      problems.push({ field: at('endOn'), message: `must be on or after the start date ${f.startOn}` });
    if (new Set(f.municipalityCodes).size !== f.municipalityCodes.length)
      problems.push({ field: at('municipalityCodes'), message: 'names a municipality twice' });
    const [found] = await this.dataSource.query(
      `SELECT
         EXISTS (SELECT 1 FROM action_type WHERE id = $2 AND (collaboration_id IS NULL OR collaboration_id = $1)) AS "type",
         ARRAY(SELECT c FROM unnest($3::text[]) c WHERE NOT EXISTS (
           SELECT 1 FROM organization o WHERE o.collaboration_id = $1 AND o.kind = 'MUNICIPALITY' AND o.municipality_code = c))
           AS "strangeMunicipalities",
         ARRAY(SELECT g FROM unnest($4::uuid[]) g WHERE NOT EXISTS (
           SELECT 1 FROM goal WHERE id = g AND collaboration_id = $1))::text[] AS "strangeGoals",
         ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM organization WHERE id = $5 AND collaboration_id = $1)) AS "organization",
         ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM membership WHERE user_id = $6 AND collaboration_id = $1)) AS "contact"`,
      [
        tenant.collaborationId,
        f.typeId,
        f.municipalityCodes,
        f.goalIds,
        f.leadOrganizationId ?? null,
        f.contactUserId ?? null,
      ],
    );
    if (!found.type)
      problems.push({ field: at('typeId'), message: 'not an action type of this collaboration' });
    if (found.strangeMunicipalities.length)
      problems.push({
        field: at('municipalityCodes'),
        message: `${found.strangeMunicipalities.join(', ')}: not a member municipality of this collaboration`,
      });
    if (found.strangeGoals.length)
      problems.push({
        field: at('goalIds'),
        message: `${found.strangeGoals.join(', ')}: not a goal of this collaboration`,
      });
    if (!found.organization)
      problems.push({
        field: at('leadOrganizationId'),
        message: 'not an organisation of this collaboration',
      });
    if (!found.contact)
      problems.push({ field: at('contactUserId'), message: 'not a member of this collaboration' });
    if (problems.length) throw badInput(problems);
  }

  // ---- helpers ----

  private async writeLinks(manager: EntityManager, tenant: TenantScope, actionId: string, f: ActionFields) {
    await manager.query(
      `INSERT INTO action_municipality (action_id, collaboration_id, municipality_code)
       SELECT $1, $2, unnest($3::char(4)[]) ON CONFLICT DO NOTHING`,
      [actionId, tenant.collaborationId, f.municipalityCodes],
    );
    await manager.query(
      `INSERT INTO action_goal (action_id, collaboration_id, goal_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [actionId, tenant.collaborationId, f.goalIds],
    );
  }

  private async snapshotOf(
    manager: EntityManager | DataSource,
    tenant: TenantScope,
    actionId: string,
  ): Promise<ActionSnapshot> {
    const [row] = await manager.query(
      `SELECT a.title, a.description, a.type_id AS "typeId", a.target_groups AS "targetGroups",
              ARRAY(SELECT municipality_code::text FROM action_municipality m
                     WHERE m.action_id = a.id AND m.collaboration_id = a.collaboration_id ORDER BY 1) AS "municipalityCodes",
              ARRAY(SELECT goal_id::text FROM action_goal g
                     WHERE g.action_id = a.id AND g.collaboration_id = a.collaboration_id ORDER BY 1) AS "goalIds",
              a.lead_organization_id AS "leadOrganizationId", a.contact_user_id AS "contactUserId",
              a.partner_organizations AS "partnerOrganizations",
              to_char(a.start_on, 'YYYY-MM-DD') AS "startOn", to_char(a.end_on, 'YYYY-MM-DD') AS "endOn",
              a.status, a.planned_participants AS "plannedParticipants"
         FROM action a WHERE a.id = $1 AND a.collaboration_id = $2`,
      [actionId, tenant.collaborationId],
    );
    if (!row) throw notFound('Action', actionId);
    return row;
  }

  /** The action as stored now, for a CONFLICT's `extensions.current` (read outside the failed transaction). */
  private async current(tenant: TenantScope, actionId: string) {
    const [action, fields] = await Promise.all([
      this.get(tenant, actionId),
      this.snapshotOf(this.dataSource, tenant, actionId),
    ]);
    return { ...action, ...fields };
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
      entityType: 'action',
      entityId: id,
      before,
      after,
    });
  }

  /** Only after the commit: a change that rolled back must reach no one. A lost event loses no data. */
  private async publish(
    tenant: TenantScope,
    kind: GroupActivityKind,
    action: ActionRecord,
    update: ActionUpdateModel | null = null,
  ): Promise<void> {
    // Cached reads of this process are dropped before anyone hears of the change (the
    // NOTIFY that tells every instance follows), so a page that reloads on the event never
    // gets the answer from before it.
    this.changes.changed();
    const event: GroupActivityEventModel = {
      kind,
      collaborationId: tenant.collaborationId,
      groupId: action.groupId,
      actionId: action.id,
      actionTitle: action.title,
      actorName: tenant.principal.name,
      at: new Date().toISOString(),
      update,
    };
    try {
      await this.live.publish(groupTopic(action.groupId), event);
    } catch (error) {
      this.logger.warn(`live event ${kind} for group ${action.groupId} not sent: ${String(error)}`);
    }
  }
}

const cleanList = (items: string[]) => [...new Set(items.map((item) => item.trim()).filter(Boolean))];

function snapshot(f: ActionFields): ActionSnapshot {
  return {
    title: f.title,
    description: f.description || null,
    typeId: f.typeId,
    targetGroups: cleanList(f.targetGroups),
    municipalityCodes: [...f.municipalityCodes].sort(),
    goalIds: [...f.goalIds].sort(),
    leadOrganizationId: f.leadOrganizationId ?? null,
    contactUserId: f.contactUserId ?? null,
    partnerOrganizations: cleanList(f.partnerOrganizations),
    startOn: f.startOn ?? null,
    endOn: f.endOn ?? null,
    status: f.status,
    plannedParticipants: f.plannedParticipants ?? null,
  };
}

/** The fields an audit event changed: for an edit, those that differ; for outcomes, their rows. */
export function changedFields(
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (action === 'action.outcomes_recorded') {
    const rows = (after?.['rows'] ?? []) as { municipalityCode: string; period: string }[];
    return rows.map((row) => `${row.municipalityCode} ${row.period}`);
  }
  if (action === 'action.update_added') return after?.['statusChange'] ? ['status'] : [];
  if (!before || !after) return Object.keys(after ?? {}).filter((key) => after?.[key] != null);
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
