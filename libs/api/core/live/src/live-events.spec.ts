import { InProcessLiveEvents } from './live-events';
import { liveChannelPrefix } from './live.module';

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

describe('the Redis channel prefix', () => {
  it('names the database, so instances share events exactly when they share a database', () => {
    expect(liveChannelPrefix('postgresql://kraftsamling_api:secret@db.internal:5433/kraftsamling')).toBe(
      'kraftsamling:db.internal:5433/kraftsamling:',
    );
    expect(liveChannelPrefix('postgresql://kraftsamling_api@127.0.0.1/live_e2e')).toBe(
      'kraftsamling:127.0.0.1:5432/live_e2e:',
    );
    // No password in the channel name: Redis shows channel names to anyone who may list them.
    expect(liveChannelPrefix('postgresql://u:topsecret@h:5432/d')).not.toContain('topsecret');
  });
});
