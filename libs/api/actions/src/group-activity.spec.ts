import { InProcessLiveEvents } from '@kraftsamling/api/core/live';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { ActionService, groupTopic } from './action.service';
import { ActionsResolver, GROUP_ACTIVITY } from './actions.resolver';
import type { GroupActivityEventModel } from './models';

const event = (groupId: string, collaborationId = 'c1'): GroupActivityEventModel => ({
  kind: 'UPDATE_ADDED',
  collaborationId,
  groupId,
  actionId: 'a1',
  actionTitle: 'Jobbspår',
  actorName: 'Arne Arbetsson',
  at: '2026-11-30T12:00:00.000Z',
  update: null,
});

describe('groupActivity', () => {
  const tenant = { collaborationId: 'c1' } as TenantScope;

  it('subscribes to its group’s topic once the group is found to be the tenant’s', async () => {
    const live = new InProcessLiveEvents();
    const checked: string[] = [];
    const service = {
      requireGroup: async (_tenant: TenantScope, groupId: string) => void checked.push(groupId),
    } as unknown as ActionService;
    const events = await new ActionsResolver(service, live).groupActivity('c1', 'g1', tenant);
    expect(checked).toEqual(['g1']);
    const next = events.next();
    await live.publish(groupTopic('g2'), event('g2'));
    await live.publish(groupTopic('g1'), event('g1'));
    await expect(next).resolves.toEqual({ value: event('g1'), done: false });
    await events.return?.();
  });

  it('starts no subscription for a group that is not the tenant’s', async () => {
    const service = {
      requireGroup: async () => {
        throw new Error('NOT_FOUND');
      },
    } as unknown as ActionService;
    await expect(
      new ActionsResolver(service, new InProcessLiveEvents()).groupActivity('c1', 'gx', tenant),
    ).rejects.toThrow('NOT_FOUND');
  });

  it('lets through only events of the subscribed collaboration and group, and answers an HTTP request plainly', () => {
    const variables = { collaborationId: 'c1', groupId: 'g1' };
    expect(GROUP_ACTIVITY.filter(event('g1'), variables)).toBe(true);
    expect(GROUP_ACTIVITY.filter(event('g1', 'c2'), variables)).toBe(false);
    expect(GROUP_ACTIVITY.filter(event('g2'), variables)).toBe(false);
    expect(GROUP_ACTIVITY.resolve(event('g1'))).toEqual(event('g1'));
    expect(() => GROUP_ACTIVITY.resolve(undefined)).toThrow(/graphql-ws/);
  });
});
