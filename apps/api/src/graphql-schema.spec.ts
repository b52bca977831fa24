import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_MODULES } from './app.module';
import { printApiSchema, resolverClasses, resolverOperations } from './graphql-schema';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema.gql');

describe('GraphQL schema', () => {
  it('matches the committed apps/api/schema.gql (run with UPDATE_SCHEMA=1 to regenerate)', async () => {
    const sdl = await printApiSchema(DOMAIN_MODULES);
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(schemaFile, sdl);
    expect(readFileSync(schemaFile, 'utf8')).toBe(sdl);
  });
});

describe('access rules', () => {
  const operations = resolverOperations(resolverClasses(DOMAIN_MODULES));
  const describeRule = (rule: (typeof operations)[number]['rule']) =>
    !rule
      ? 'NONE'
      : rule.kind === 'collaboration'
        ? `${rule.permission} in collaboration from ${'arg' in rule.tenant ? `arg ${rule.tenant.arg}` : `parent.${rule.tenant.parent}`}`
        : rule.kind === 'platform'
          ? `${rule.permission} on the platform`
          : rule.kind;

  it('declares a permission on every query, mutation, subscription and field resolver', () => {
    const missing = operations.filter((operation) => !operation.rule).map((operation) => operation.operation);
    expect(missing).toEqual([]);
    expect(operations.some((operation) => operation.rule?.kind === 'public')).toBe(false);
  });

  it('lists every operation with the permission it requires', () => {
    const table = Object.fromEntries(
      operations.filter((op) => op.kind !== 'Field').map((op) => [op.operation, describeRule(op.rule)]),
    );
    expect(table).toEqual({
      'Mutation.addActionUpdate': 'action:manage in collaboration from arg input.collaborationId',
      'Mutation.createAction': 'action:manage in collaboration from arg input.collaborationId',
      'Mutation.createActionType': 'action-type:manage in collaboration from arg input.collaborationId',
      'Mutation.recordOutcomes': 'outcome:record in collaboration from arg input.collaborationId',
      'Mutation.updateAction': 'action:manage in collaboration from arg input.collaborationId',
      'Query.action': 'action:read in collaboration from arg collaborationId',
      'Query.actionTypes': 'action:read in collaboration from arg collaborationId',
      'Query.actions': 'action:read in collaboration from arg collaborationId',
      'Query.groupFeed': 'action:read in collaboration from arg collaborationId',
      'Query.outcomePeriodKind': 'action:read in collaboration from arg collaborationId',
      'Subscription.groupActivity': 'action:read in collaboration from arg collaborationId',
      'Mutation.activateGoal': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.addGoalCheckIn': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.addMember': 'member:manage in collaboration from arg input.collaborationId',
      'Mutation.addPartnerOrganization':
        'organization:manage in collaboration from arg input.collaborationId',
      'Mutation.changeMemberRole': 'member:manage in collaboration from arg input.collaborationId',
      'Mutation.createDecision': 'decision:record in collaboration from arg input.collaborationId',
      'Mutation.deletePeerSet': 'indicator:read in collaboration from arg input.collaborationId',
      'Mutation.createGoal': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.createGroup': 'group:manage in collaboration from arg input.collaborationId',
      'Mutation.createLocalIndicator': 'indicator:manage in collaboration from arg input.collaborationId',
      'Mutation.enterValues': 'values:enter in collaboration from arg input.collaborationId',
      'Mutation.rebaselineGoal': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.savePeerSet': 'indicator:read in collaboration from arg input.collaborationId',
      'Mutation.removeMember': 'member:manage in collaboration from arg input.collaborationId',
      'Mutation.renameGroup': 'group:manage in collaboration from arg input.collaborationId',
      'Mutation.setGoalStatus': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.undoImport': 'indicator:import in collaboration from arg input.collaborationId',
      'Mutation.updateDecision': 'decision:record in collaboration from arg input.collaborationId',
      'Mutation.updateGoal': 'goal:manage in collaboration from arg input.collaborationId',
      'Mutation.undoOfficialImport': 'official:import on the platform',
      'Mutation.defineScbIndicator': 'official:import on the platform',
      'Mutation.fetchSource': 'official:import on the platform',
      'Mutation.updateLocalIndicator': 'indicator:manage in collaboration from arg input.collaborationId',
      'Query.auditEvents': 'audit:read in collaboration from arg collaborationId',
      'Query.collaboration': 'collaboration:read in collaboration from arg slug',
      'Query.collaborations': 'authenticated',
      'Query.comparison': 'indicator:read in collaboration from arg input.collaborationId',
      'Query.decisions': 'goal:read in collaboration from arg collaborationId',
      'Query.peerSets': 'indicator:read in collaboration from arg collaborationId',
      'Query.similarMunicipalities': 'indicator:read in collaboration from arg input.collaborationId',
      'Query.goal': 'goal:read in collaboration from arg collaborationId',
      'Query.goalBaselinePreview': 'goal:read in collaboration from arg collaborationId',
      'Query.goals': 'goal:read in collaboration from arg collaborationId',
      'Query.importBatches': 'indicator:import in collaboration from arg collaborationId',
      'Query.indicatorSeries': 'indicator:read in collaboration from arg collaborationId',
      'Query.indicators': 'indicator:read in collaboration from arg collaborationId',
      'Query.me': 'authenticated',
      'Query.municipalities': 'authenticated',
      'Query.officialIndicatorSeries': 'authenticated',
      'Query.officialImportBatches': 'official:import on the platform',
      'Query.sourceFetches': 'official:import on the platform',
      'Query.scbTable': 'official:import on the platform',
      'Query.officialIndicators': 'authenticated',
      'Query.regionSeries': 'indicator:read in collaboration from arg collaborationId',
    });
  });

  it('reads tenant-owned fields only with a permission in the parent’s collaboration', () => {
    const fields = Object.fromEntries(
      operations.filter((op) => op.kind === 'Field').map((op) => [op.operation, describeRule(op.rule)]),
    );
    expect(fields).toEqual({
      'ActionsResolver.history': 'action:read in collaboration from parent.collaborationId',
      'ActionsResolver.outcomes': 'action:read in collaboration from parent.collaborationId',
      'ActionsResolver.updates': 'action:read in collaboration from parent.collaborationId',
      'CollaborationGroupsResolver.groups': 'collaboration:read in collaboration from parent.id',
      'CollaborationOrganizationsResolver.organizations':
        'collaboration:read in collaboration from parent.id',
      'CollaborationsResolver.members': 'member:read in collaboration from parent.id',
      'CollaborationsResolver.myPermissions': 'authenticated',
      'CollaborationsResolver.myRoles': 'authenticated',
      'GoalsResolver.baselineChanges': 'goal:read in collaboration from parent.collaborationId',
      'GoalsResolver.checkIns': 'goal:read in collaboration from parent.collaborationId',
      'GoalsResolver.members': 'goal:read in collaboration from parent.collaborationId',
      'GoalsResolver.progress': 'goal:read in collaboration from parent.collaborationId',
      'GroupDecisionRightsResolver.viewerCanRecordDecisions':
        'goal:read in collaboration from parent.collaborationId',
      'GroupsResolver.members': 'member:read in collaboration from parent.collaborationId',
      'MembershipGroupResolver.group': 'member:read in collaboration from parent.collaborationId',
      'MembershipOrganizationResolver.organization':
        'member:read in collaboration from parent.collaborationId',
    });
  });
});
