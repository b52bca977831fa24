import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
import { GroupModel } from '@kraftsamling/api/groups';
import { Permission } from '@kraftsamling/shared/permissions';
import { mayRecordDecisionsIn } from './decision-rights';
import { DecisionService } from './decision.service';
import { GoalProgressService } from './goal-progress.service';
import { GoalService, toMemberModel, type GoalMemberRow } from './goal.service';
import {
  AddGoalCheckInInput,
  CreateDecisionInput,
  CreateGoalInput,
  GoalVersionInput,
  RebaselineGoalInput,
  SetGoalStatusInput,
  UpdateDecisionInput,
  UpdateGoalInput,
} from './inputs';
import {
  DecisionModel,
  GoalBaselineChangeModel,
  GoalCheckInModel,
  GoalMemberModel,
  GoalModel,
  GoalProgressModel,
  GoalStateEnum,
  type GoalState,
} from './models';

const byInput = { arg: 'input.collaborationId' } as const;
const byParent = { parent: 'collaborationId' } as const;

/** The members of the goals a request reads, loaded once per request for all of them. */
function membersLoader(request: TenantRequest, goals: GoalService, collaborationId: string) {
  return requestLoader<string, GoalMemberRow[]>(request, `goal-members:${collaborationId}`, async (goalIds) =>
    groupedByKeys(goalIds, await goals.members(collaborationId, goalIds), (member) => member.goalId!),
  );
}

@Resolver(() => GoalModel)
export class GoalsResolver {
  constructor(
    private readonly goalService: GoalService,
    private readonly progressService: GoalProgressService,
  ) {}

  @Query(() => [GoalModel], {
    description: 'The collaboration’s goals: active first, then drafts, then the rest.',
  })
  @Access.inCollaboration(Permission.GoalRead, byCollaborationIdOrSlug)
  goals(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Args('states', { type: () => [GoalStateEnum], nullable: true }) states?: GoalState[],
  ) {
    return this.goalService.list(tenant, states);
  }

  @Query(() => GoalModel)
  @Access.inCollaboration(Permission.GoalRead, byCollaborationIdOrSlug)
  goal(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('id', { type: () => ID }) id: string,
    @Tenant() tenant: TenantScope,
  ) {
    return this.goalService.get(tenant, id);
  }

  @Query(() => [GoalMemberModel], {
    description:
      'The baselines activating a goal would freeze now, read at the baseline period (nothing is written).',
  })
  @Access.inCollaboration(Permission.GoalRead, byCollaborationIdOrSlug)
  goalBaselinePreview(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Args('indicatorCode', { type: () => String }) indicatorCode: string,
    @Args('baselinePeriod', { type: () => String }) baselinePeriod: string,
    @Tenant() tenant: TenantScope,
    @Args('areaCodes', { type: () => [String], nullable: true }) areaCodes?: string[],
  ) {
    return this.goalService.previewBaselines(tenant, indicatorCode, baselinePeriod, areaCodes ?? null);
  }

  @Mutation(() => GoalModel, { description: 'Sets up a goal as a draft.' })
  @Access.inCollaboration(Permission.GoalManage, byInput)
  createGoal(@Args('input') input: CreateGoalInput, @Tenant() tenant: TenantScope) {
    return this.goalService.create(tenant, input);
  }

  @Mutation(() => GoalModel)
  @Access.inCollaboration(Permission.GoalManage, byInput)
  updateGoal(@Args('input') input: UpdateGoalInput, @Tenant() tenant: TenantScope) {
    return this.goalService.update(tenant, input);
  }

  @Mutation(() => GoalModel, { description: 'Activates a draft, freezing every member’s baseline.' })
  @Access.inCollaboration(Permission.GoalManage, byInput)
  activateGoal(@Args('input') input: GoalVersionInput, @Tenant() tenant: TenantScope) {
    return this.goalService.activate(tenant, input);
  }

  @Mutation(() => GoalModel, {
    description: 'Reads new baselines for some or all members, recorded with the reason.',
  })
  @Access.inCollaboration(Permission.GoalManage, byInput)
  rebaselineGoal(@Args('input') input: RebaselineGoalInput, @Tenant() tenant: TenantScope) {
    return this.goalService.rebaseline(tenant, input);
  }

  @Mutation(() => GoalModel)
  @Access.inCollaboration(Permission.GoalManage, byInput)
  setGoalStatus(@Args('input') input: SetGoalStatusInput, @Tenant() tenant: TenantScope) {
    return this.goalService.setStatus(tenant, input);
  }

  @Mutation(() => GoalCheckInModel, { description: 'Records the steering group’s assessment at a meeting.' })
  @Access.inCollaboration(Permission.GoalManage, byInput)
  async addGoalCheckIn(
    @Args('input') input: AddGoalCheckInInput,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    const goal = await this.goalService.get(tenant, input.goalId);
    const computed =
      goal.status === 'DRAFT'
        ? null
        : (
            await this.progressService.progress(tenant, goal, () =>
              membersLoader(request, this.goalService, tenant.collaborationId).load(goal.id),
            )
          ).collaboration.status;
    return this.goalService.addCheckIn(tenant, input, computed);
  }

  @ResolveField(() => [GoalMemberModel])
  @Access.inCollaboration(Permission.GoalRead, byParent)
  async members(
    @Parent() goal: GoalModel,
    @Tenant() tenant: TenantScope,
    @Context('req') request: TenantRequest,
  ) {
    return (await membersLoader(request, this.goalService, tenant.collaborationId).load(goal.id)).map(
      toMemberModel,
    );
  }

  @ResolveField(() => GoalProgressModel, {
    nullable: true,
    description: 'Progress as of the latest period with data; null for a draft (nothing is frozen yet).',
  })
  @Access.inCollaboration(Permission.GoalRead, byParent)
  progress(@Parent() goal: GoalModel, @Tenant() tenant: TenantScope, @Context('req') request: TenantRequest) {
    if (goal.status === 'DRAFT') return null;
    return this.progressService.progress(tenant, goal, () =>
      membersLoader(request, this.goalService, tenant.collaborationId).load(goal.id),
    );
  }

  @ResolveField(() => [GoalCheckInModel])
  @Access.inCollaboration(Permission.GoalRead, byParent)
  checkIns(@Parent() goal: GoalModel, @Tenant() tenant: TenantScope) {
    return this.goalService.checkIns(tenant, goal.id);
  }

  @ResolveField(() => [GoalBaselineChangeModel], {
    description: 'Baselines frozen and re-baselined, newest first.',
  })
  @Access.inCollaboration(Permission.GoalRead, byParent)
  baselineChanges(@Parent() goal: GoalModel, @Tenant() tenant: TenantScope) {
    return this.goalService.baselineChanges(tenant, goal.id);
  }
}

@Resolver(() => DecisionModel)
export class DecisionsResolver {
  constructor(private readonly decisionService: DecisionService) {}

  @Query(() => [DecisionModel], { description: 'A decision log: overdue first, then newest first.' })
  @Access.inCollaboration(Permission.GoalRead, byCollaborationIdOrSlug)
  decisions(
    @Args('collaborationId', COLLABORATION_ID_OR_SLUG_ARG) _collaboration: string,
    @Tenant() tenant: TenantScope,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string,
    @Args('goalId', { type: () => ID, nullable: true }) goalId?: string,
    @Args('overdueOnly', { type: () => Boolean, nullable: true }) overdueOnly?: boolean,
  ) {
    return this.decisionService.list(tenant, { groupId, goalId, overdueOnly });
  }

  // decision:record lets in everyone who may write in some log; which log is checked in the
  // service (a group member: their own operational group's only).
  @Mutation(() => DecisionModel, {
    description:
      'Records a decision (in the steering group’s log by default). A group member records only in their own operational group’s log.',
  })
  @Access.inCollaboration(Permission.DecisionRecord, byInput)
  createDecision(@Args('input') input: CreateDecisionInput, @Tenant() tenant: TenantScope) {
    return this.decisionService.create(tenant, input);
  }

  @Mutation(() => DecisionModel, {
    description:
      'Follows up a decision (status, owner, due date…). A group member changes only their own operational group’s decisions.',
  })
  @Access.inCollaboration(Permission.DecisionRecord, byInput)
  updateDecision(@Args('input') input: UpdateDecisionInput, @Tenant() tenant: TenantScope) {
    return this.decisionService.update(tenant, input);
  }
}

@Resolver(() => GroupModel)
export class GroupDecisionRightsResolver {
  @ResolveField(() => Boolean, {
    description:
      'Whether the signed-in user may record and follow up decisions in this group’s log (a hint: every write is checked again).',
  })
  @Access.inCollaboration(Permission.GoalRead, byParent)
  viewerCanRecordDecisions(@Parent() group: GroupModel, @Tenant() tenant: TenantScope): boolean {
    return mayRecordDecisionsIn(tenant, group);
  }
}
