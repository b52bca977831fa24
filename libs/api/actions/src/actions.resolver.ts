import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { LiveEvents } from '@kraftsamling/api/core/live';
import {
  Access,
  COLLABORATION_ID_OR_SLUG_ARG,
  byCollaborationIdOrSlug,
  Tenant,
  groupedByKeys,
  requestLoader,
  type TenantRequest,
  type TenantScope,
} from '@kraftsamling/api/core/tenancy';
import { Permission } from '@kraftsamling/shared/permissions';
import { ActionService, groupTopic, type Language } from './action.service';
import { needsEditorMunicipalities, viewerHints } from './action-rights';
import {
  ActionFilter,
  AddActionUpdateInput,
  CreateActionInput,
  CreateActionTypeInput,
  RecordOutcomesInput,
  UpdateActionInput,
} from './inputs';
import {
  ActionHistoryEntryModel,
  ActionModel,
  ActionOutcomeModel,
  ActionRecord,
  ActionTypeModel,
  ActionUpdateModel,
  GroupActivityEventModel,
  OutcomePeriodKindEnum,
} from './models';

const byCollaborationArg = { arg: 'collaborationId' } as const;
const byInput = { arg: 'input.collaborationId' } as const;
const byParent = { parent: 'collaborationId' } as const;

/** The request's language: English when the client asks for it first, Swedish otherwise. */
export function languageOf(
  request: { headers?: Record<string, string | string[] | undefined> } | undefined,
): Language {
  const header = request?.headers?.['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}

/**
 * The per-request loaders of the action page's fields: each reads every action of the
 * request at once, so their statements are constant in the number of actions too. (The
 * board's fields come with the actions themselves: ActionService's selectActions.)
 */
function loaders(request: TenantRequest, service: ActionService, collaborationId: string) {
  const grouped = <V extends { actionId: string }>(
    name: string,
    read: (ids: readonly string[]) => Promise<V[]>,
  ) =>
    requestLoader<string, V[]>(request, `${name}:${collaborationId}`, async (ids) =>
      groupedByKeys(ids, await read(ids), (row) => row.actionId),
    );
  return {
    outcomes: grouped('action-outcomes', (ids) => service.outcomes(collaborationId, ids)),
    updates: grouped('action-updates', (ids) => service.updates(collaborationId, ids)),
    history: grouped('action-history', (ids) => service.history(collaborationId, ids)),
  };
}

/** How groupActivity delivers the events of its topic. */
export const GROUP_ACTIVITY = {
  description: 'Live events of one operational group, for those who may read its actions.',
  // Defence in depth: the topic is the group's, and the group was checked to be this
  // collaboration's when the subscription started.
  filter: (payload: GroupActivityEventModel, variables: { collaborationId: string; groupId: string }) =>
    payload.collaborationId === variables.collaborationId && payload.groupId === variables.groupId,
  resolve: (payload: GroupActivityEventModel | undefined) => {
    // Sent as an HTTP request, a subscription is executed once without an event (and
    // without the access guard, which wraps only its subscribe): answer that plainly.
    if (!payload)
      throw new GraphQLError('Subscriptions are carried by graphql-ws at /graphql, not by HTTP requests.', {
        extensions: { code: 'BAD_REQUEST' },
      });
    return payload;
  },
};

@Resolver(() => ActionModel)
export class ActionsResolver {
  constructor(
    private readonly actionService: ActionService,
    private readonly live: LiveEvents,
  ) {}

  @Query(() => [ActionTypeModel], { description: 'Built-in action types and the collaboration’s own.' })
  @Access.inCollaboration(Permission.ActionRead, byCollaborationIdOrSlug)
  actionTypes(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return this.actionService.types(tenant, languageOf(request as never));
  }

  @Query(() => [ActionModel], { description: 'The collaboration’s actions, most recently active first.' })
  @Access.inCollaboration(Permission.ActionRead, byCollaborationIdOrSlug)
  async actions(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
    @Args('filter', { type: () => ActionFilter, nullable: true }) filter?: ActionFilter,
  ) {
    return this.present(tenant, request, await this.actionService.list(tenant, filter));
  }

  @Query(() => ActionModel, { description: 'One action; NOT_FOUND when it is not in this collaboration.' })
  @Access.inCollaboration(Permission.ActionRead, byCollaborationIdOrSlug)
  async action(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('actionId', { type: () => ID }) actionId: string,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return this.presentOne(tenant, request, await this.actionService.get(tenant, actionId));
  }

  @Query(() => [ActionUpdateModel], {
    description: 'A group’s recent progress updates, newest first (default 30).',
  })
  @Access.inCollaboration(Permission.ActionRead, byCollaborationIdOrSlug)
  groupFeed(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Tenant() tenant: TenantScope,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.actionService.groupFeed(tenant, groupId, limit);
  }

  @Query(() => OutcomePeriodKindEnum, {
    description: 'Whether the collaboration reports outcomes by month or ISO week.',
  })
  @Access.inCollaboration(Permission.ActionRead, byCollaborationIdOrSlug)
  outcomePeriodKind(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
  ) {
    return this.actionService.periodKind(tenant);
  }

  @Mutation(() => ActionModel, {
    description: 'A coordinator for any group; a group member for their own group.',
  })
  @Access.inCollaboration(Permission.ActionManage, byInput)
  async createAction(
    @Args('input') input: CreateActionInput,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return this.presentOne(tenant, request, await this.actionService.create(tenant, input));
  }

  @Mutation(() => ActionModel, {
    description: 'CONFLICT (with extensions.current) when the version is not the stored one.',
  })
  @Access.inCollaboration(Permission.ActionManage, byInput)
  async updateAction(
    @Args('input') input: UpdateActionInput,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return this.presentOne(tenant, request, await this.actionService.update(tenant, input));
  }

  @Mutation(() => [ActionOutcomeModel], {
    description:
      'All rows or none; returns the action’s outcomes after the write. Feeds the local indicators.',
  })
  @Access.inCollaboration(Permission.OutcomeRecord, byInput)
  recordOutcomes(@Args('input') input: RecordOutcomesInput, @Tenant() tenant: TenantScope) {
    return this.actionService.recordOutcomes(tenant, input);
  }

  @Mutation(() => ActionUpdateModel, {
    description: 'A statusChange also changes the action’s status (and its version).',
  })
  @Access.inCollaboration(Permission.ActionManage, byInput)
  addActionUpdate(@Args('input') input: AddActionUpdateInput, @Tenant() tenant: TenantScope) {
    return this.actionService.addUpdate(tenant, input);
  }

  @Mutation(() => ActionTypeModel)
  @Access.inCollaboration(Permission.ActionTypeManage, byInput)
  createActionType(
    @Args('input') input: CreateActionTypeInput,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return this.actionService.createType(tenant, input, languageOf(request as never));
  }

  @Subscription(() => GroupActivityEventModel, GROUP_ACTIVITY)
  @Access.inCollaboration(Permission.ActionRead, byCollaborationArg)
  async groupActivity(
    @Args('collaborationId', { type: () => ID }) _collaborationId: string,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Tenant() tenant: TenantScope,
  ) {
    await this.actionService.requireGroup(tenant, groupId, 'groupId');
    return this.live.subscribe<GroupActivityEventModel>(groupTopic(groupId));
  }

  /**
   * The actions as this request sees them: the type named in its language and the
   * signed-in user's hints, worked out once for all of them from the tenant scope the
   * query's guard checked (plain fields, so a board of 100 actions runs no per-field guard).
   */
  private async present(
    tenant: TenantScope,
    request: TenantRequest,
    actions: ActionRecord[],
  ): Promise<ActionModel[]> {
    const english = languageOf(request as never) === 'en';
    const editorMunicipalities = needsEditorMunicipalities(tenant, actions)
      ? await this.actionService.editorMunicipalities(tenant.principal, tenant.collaborationId)
      : [];
    return actions.map((action) => ({
      ...action,
      type: { ...action.type, name: english ? action.type.nameEn : action.type.nameSv },
      ...viewerHints(tenant, action, editorMunicipalities),
    }));
  }

  private async presentOne(tenant: TenantScope, request: TenantRequest, action: ActionRecord) {
    return (await this.present(tenant, request, [action]))[0]!;
  }

  @ResolveField(() => [ActionOutcomeModel])
  @Access.inCollaboration(Permission.ActionRead, byParent)
  outcomes(@Parent() action: ActionModel, @Context('req') request: TenantRequest) {
    return loaders(request, this.actionService, action.collaborationId).outcomes.load(action.id);
  }

  @ResolveField(() => [ActionUpdateModel], { description: 'Newest first.' })
  @Access.inCollaboration(Permission.ActionRead, byParent)
  updates(@Parent() action: ActionModel, @Context('req') request: TenantRequest) {
    return loaders(request, this.actionService, action.collaborationId).updates.load(action.id);
  }

  @ResolveField(() => [ActionHistoryEntryModel], { description: 'From the audit log, newest first.' })
  @Access.inCollaboration(Permission.ActionRead, byParent)
  history(@Parent() action: ActionModel, @Context('req') request: TenantRequest) {
    return loaders(request, this.actionService, action.collaborationId).history.load(action.id);
  }
}
