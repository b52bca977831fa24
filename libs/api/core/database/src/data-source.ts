import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { applyTenantContext } from './tenant-context';

export interface DatabaseSettings {
  url: string;
  /** Log every SQL statement (development aid). */
  logSql?: boolean;
  poolSize?: number;
  /**
   * Apply the operation's tenant context to every transaction (the API's connection, as
   * the API role). Off for the owner's connection (migrations, seeds, the operator's
   * commands), which bypasses row-level security.
   */
  tenantContext?: boolean;
}

/** Schema changes happen only through migrations: synchronize stays off everywhere. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    // No entity classes: the migrations are the one schema definition, and services write
    // SQL (version checks in the UPDATE itself). See docs/adr/0007-sql-services-no-entities.md.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed statements surface as errors through the API's error handling; logging them
    // here too would write their parameters (user input) to the log.
    logging: settings.logSql ? 'all' : false,
    extra: { max: settings.poolSize ?? 10 },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  const dataSource = new DataSource(dataSourceOptions(settings));
  if (settings.tenantContext) applyTenantContext(dataSource);
  return dataSource;
}

/** Applies pending migrations; returns the names of those it ran. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
