import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';

/**
 * Events that users who have a page open should see without reloading (GraphQL subscriptions).
 * Publish after the change is committed, never inside the transaction: a rolled-back change
 * must not reach anyone. Topics are opaque strings chosen by the domain lib (e.g. `group:<id>`).
 */
@Injectable()
export abstract class LiveEvents {
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
