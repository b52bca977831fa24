import { InProcessLiveEvents } from './live-events';

describe('in-process live events', () => {
  it('delivers an event to the subscribers of its topic only', async () => {
    const events = new InProcessLiveEvents();
    const group1 = events.subscribe<{ n: number }>('group:1');
    const group2 = events.subscribe<{ n: number }>('group:2');
    const next1 = group1.next();
    const next2 = group2.next();
    await events.publish('group:1', { n: 1 });
    await expect(next1).resolves.toEqual({ value: { n: 1 }, done: false });
    const raced = await Promise.race([
      next2.then(() => 'delivered'),
      new Promise((r) => setTimeout(() => r('quiet'), 50)),
    ]);
    expect(raced).toBe('quiet');
    await group1.return?.();
    await group2.return?.();
  });
});
