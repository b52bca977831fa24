import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';

/**
 * Events that users who have a page open should see without reloading (GraphQL subscriptions).
 * Publish after the change is committed, never inside the transaction: a rolled-back change
 * must not reach anyone. Topics are opaque strings chosen by the domain lib (e.g. `group:<id>`).
 * Payloads must survive JSON (strings, numbers, plain objects): with Redis they cross processes.
 */
@Injectable()
export abstract class LiveEvents {
  /** Never rejects: the change is committed whatever happens to its announcement. */
  abstract publish(topic: string, payload: unknown): Promise<void>;
  abstract subscribe<T>(topic: string): AsyncIterableIterator<T>;
}

/** One API process: events reach only the subscribers of this process. */
@Injectable()
export class InProcessLiveEvents extends LiveEvents implements OnModuleDestroy {
  private readonly pubSub = new PubSub();

  publish(topic: string, payload: unknown): Promise<void> {
    return this.pubSub.publish(topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.pubSub.asyncIterableIterator<T>(topic);
  }

  onModuleDestroy(): void {
    // nothing to close in-process
  }
}

export interface RedisLiveEventsSettings {
  url: string;
  /**
   * Put before every topic to make the Redis channel: instances that share a database share
   * events, so the API derives it from the database (see LiveModule.forRoot); other
   * deployments or test runs on the same Redis then never see each other's events.
   */
  channelPrefix: string;
}

/**
 * Several API instances: every event goes through Redis pub/sub, and each instance hands it
 * to its own subscribers. One connection publishes; one (in subscriber mode) listens to the
 * channels that have at least one subscriber in this process, and no others.
 */
@Injectable()
export class RedisLiveEvents extends LiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger(RedisLiveEvents.name);
  private readonly publisher: Redis;
  private readonly listener: Redis;
  private readonly engine: ChannelEngine;

  constructor(private readonly settings: RedisLiveEventsSettings) {
    super();
    const options = {
      // Started with the API: a Redis that is down is logged and retried, never fatal.
      lazyConnect: false,
      connectionName: 'kraftsamling-live',
      // Back-off up to 5 s between attempts, for as long as the API runs.
      retryStrategy: (attempt: number) => Math.min(5_000, 100 * 2 ** Math.min(attempt, 6)),
    };
    this.publisher = new Redis(settings.url, {
      ...options,
      // An event published while Redis is down fails at once instead of waiting in a queue:
      // the write it announces is committed, and the page shows it on its next load.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.listener = new Redis(settings.url, options);
    for (const [role, client] of [
      ['publisher', this.publisher],
      ['listener', this.listener],
    ] as const) {
      client.on('error', (error: Error) => this.logger.warn(`Redis ${role}: ${error.message}`));
    }
    this.engine = new ChannelEngine(this.listener, settings.channelPrefix, this.logger);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    try {
      await this.publisher.publish(this.settings.channelPrefix + topic, JSON.stringify(payload));
    } catch (error) {
      this.logger.warn(`live event on ${topic} not published: ${(error as Error).message}`);
    }
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(topic);
  }

  async onModuleDestroy(): Promise<void> {
    // QUIT lets Redis answer what is in flight; a Redis that does not answer is cut off, so
    // the API still exits promptly on SIGTERM.
    await Promise.all(
      [this.publisher, this.listener].map((client) =>
        Promise.race([
          client.quit().catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
        ]).finally(() => client.disconnect()),
      ),
    );
  }
}

/**
 * graphql-subscriptions' engine over one Redis connection in subscriber mode: SUBSCRIBE when a
 * topic gets its first subscriber in this process, UNSUBSCRIBE when it loses its last.
 */
class ChannelEngine extends PubSubEngine {
  private nextId = 1;
  private readonly handlers = new Map<number, { topic: string; onMessage: (payload: unknown) => void }>();
  private readonly byTopic = new Map<string, Set<number>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    super();
    redis.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(prefix)) return;
      const ids = this.byTopic.get(channel.slice(prefix.length));
      if (!ids?.size) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        this.logger.warn(`ignored a live event on ${channel} that is not JSON`);
        return;
      }
      for (const id of ids) this.handlers.get(id)?.onMessage(payload);
    });
  }

  publish(): Promise<void> {
    throw new Error('RedisLiveEvents publishes on its own connection');
  }

  async subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<number> {
    const id = this.nextId++;
    this.handlers.set(id, { topic, onMessage });
    let ids = this.byTopic.get(topic);
    if (!ids) this.byTopic.set(topic, (ids = new Set()));
    ids.add(id);
    // ioredis re-subscribes its channels itself after a reconnect.
    if (ids.size === 1) await this.redis.subscribe(this.prefix + topic);
    return id;
  }

  unsubscribe(id: number): void {
    const handler = this.handlers.get(id);
    if (!handler) return;
    this.handlers.delete(id);
    const ids = this.byTopic.get(handler.topic);
    ids?.delete(id);
    if (ids && !ids.size) {
      this.byTopic.delete(handler.topic);
      this.redis.unsubscribe(this.prefix + handler.topic).catch(() => undefined);
    }
  }
}
