import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataChangeFeed } from './data-change-feed';
import { dataSourceOptions } from './data-source';

export const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

/** The one TypeORM connection of the API; its settings come from the validated config. */
@Module({})
export class DatabaseModule {
  static forRoot(settings: { url: string; logSql?: boolean }) {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(settings), migrationsRun: false })],
      providers: [{ provide: DataChangeFeed, useFactory: () => new DataChangeFeed(settings.url) }],
      exports: [TypeOrmModule, DataChangeFeed],
      global: true,
    };
  }
}
