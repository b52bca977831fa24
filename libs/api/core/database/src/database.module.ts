import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataChangeFeed } from './data-change-feed';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { applyTenantContext } from './tenant-context';

export const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

/**
 * The one TypeORM connection of the API; its settings come from the validated config.
 * Every transaction on it carries the operation's tenant context (tenant-context.ts).
 */
@Module({})
export class DatabaseModule {
  static forRoot(settings: { url: string; logSql?: boolean }) {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(settings), migrationsRun: false }),
          dataSourceFactory: async (options) => {
            const dataSource = new DataSource(options!);
            applyTenantContext(dataSource);
            return dataSource.initialize();
          },
        }),
      ],
      providers: [{ provide: DataChangeFeed, useFactory: () => new DataChangeFeed(settings.url) }],
      exports: [TypeOrmModule, DataChangeFeed],
      global: true,
    };
  }
}
