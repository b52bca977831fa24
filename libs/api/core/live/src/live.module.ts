import { Global, Module, type DynamicModule } from '@nestjs/common';
import { InProcessLiveEvents, LiveEvents, RedisLiveEvents } from './live-events';

export interface LiveSettings {
  /** REDIS_URL: events go through Redis so that every API instance delivers them; else in-process. */
  redisUrl?: string | null;
  /** The database the instances share: its events are theirs alone on a shared Redis. */
  databaseUrl: string;
}

/** `kraftsamling:<host>:<port>/<database>:`, so instances share events exactly when they share a database. */
export function liveChannelPrefix(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `kraftsamling:${url.hostname}:${url.port || '5432'}${url.pathname}:`;
}

/** In-process events; `forRoot` chooses Redis when REDIS_URL is set. */
@Global()
@Module({
  providers: [{ provide: LiveEvents, useClass: InProcessLiveEvents }],
  exports: [LiveEvents],
})
export class LiveModule {
  static forRoot(settings: LiveSettings): DynamicModule {
    if (!settings.redisUrl) return { module: LiveModule };
    const redis = { url: settings.redisUrl, channelPrefix: liveChannelPrefix(settings.databaseUrl) };
    return {
      module: RedisLiveModule,
      global: true,
      providers: [{ provide: LiveEvents, useFactory: () => new RedisLiveEvents(redis) }],
      exports: [LiveEvents],
    };
  }
}

class RedisLiveModule {}
