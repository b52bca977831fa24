import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';

/**
 * The channel the `notify_data_change` triggers publish on (migration 1795700000000): values,
 * indicators, organisations, memberships, goals and their members, groups, check-ins,
 * baseline changes, and decisions; the action tables (migration 1796400000000); import batches
 * and source fetches (migration 1796900000000); people's names and e-mail addresses (migration
 * 1797000000000: a check-in's author or a decision's owner shows renamed at once).
 */
export const DATA_CHANGE_CHANNEL = 'kraftsamling_data_change';

/**
 * Tells caches in this process when data they derive from changed anywhere: the database
 * NOTIFYs on every committed change of values, indicators, organisations and goals, so
 * several API instances stay consistent. `generation` moves on each change; while the
 * listening connection is down it is null and callers must not cache at all.
 */
@Injectable()
export class DataChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DataChangeFeed.name);
  private client: pg.Client | null = null;
  private listening = false;
  private closing = false;
  private counter = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly databaseUrl: string) {}

  /** null: not listening, so nothing derived may be cached. */
  get generation(): number | null {
    return this.listening ? this.counter : null;
  }

  /** A change this process made and committed (the NOTIFY follows; this is sooner). */
  changed(): void {
    this.counter++;
  }

  async onModuleInit(): Promise<void> {
    await this.connect(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(attempt: number): Promise<void> {
    if (this.closing) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'kraftsamling-change-feed',
    });
    const lost = (why: string) => {
      if (this.client !== client) return;
      // Anything may have changed while we were not listening.
      this.listening = false;
      this.counter++;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.closing) return;
      this.logger.warn(`change feed lost (${why}); caches are off until it reconnects`);
      const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
      this.retry = setTimeout(() => void this.connect(attempt + 1), delay);
    };
    this.client = client;
    client.on('notification', () => this.counter++);
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGE_CHANNEL}`);
      this.counter++;
      this.listening = true;
    } catch (error) {
      lost((error as Error).message);
    }
  }
}

/**
 * Values derived from the database, kept until the data changes. A value computed while a
 * change arrived is returned but not kept, so a cache never holds what a commit outdated.
 */
export class DerivedCache<V> {
  private readonly entries = new Map<string, { generation: number; value: V }>();

  constructor(
    private readonly feed: DataChangeFeed,
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, compute: () => Promise<V>): Promise<V> {
    const generation = this.feed.generation;
    if (generation === null) return compute();
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) return entry.value;
    const value = await compute();
    if (this.feed.generation === generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { generation, value });
    }
    return value;
  }
}
