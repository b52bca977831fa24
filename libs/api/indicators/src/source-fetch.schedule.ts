import { Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { IndicatorsModule } from './indicators.module';
import { SourceFetchService } from './source-fetch.service';

export interface SourceFetchSchedule {
  enabled: boolean;
  /** six fields, seconds first, Swedish time */
  cron: string;
}

const SCHEDULE = Symbol('SOURCE_FETCH_SCHEDULE');
export const SOURCE_FETCH_JOB = 'source-fetch';

/** Runs the fetch of every catalogued source on the schedule; one run at a time. */
@Injectable()
export class SourceFetchScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourceFetchScheduler.name);
  private running = false;

  constructor(
    private readonly schedule: SourceFetchSchedule,
    private readonly registry: SchedulerRegistry,
    private readonly fetches: SourceFetchService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.schedule.enabled) return;
    const job = CronJob.from({
      cronTime: this.schedule.cron,
      timeZone: 'Europe/Stockholm',
      onTick: () => void this.run(),
    });
    this.registry.addCronJob(SOURCE_FETCH_JOB, job);
    job.start();
    this.logger.log(`fetching catalogued sources on "${this.schedule.cron}" (Europe/Stockholm)`);
  }

  /** One run over every catalogued source; a run still going when the next is due is not doubled. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const results = await this.fetches.fetchCatalogued('SCHEDULE', { userId: null, subject: 'schedule' });
      const failed = results.filter((r) => r.status === 'FAILED').length;
      this.logger.log(`fetched ${results.length} sources, ${failed} failed`);
    } catch (error) {
      this.logger.error(`the scheduled fetch stopped: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}

@Module({})
export class SourceFetchScheduleModule {
  static forRoot(schedule: SourceFetchSchedule): DynamicModule {
    return {
      module: SourceFetchScheduleModule,
      imports: [ScheduleModule.forRoot(), IndicatorsModule],
      providers: [
        { provide: SCHEDULE, useValue: schedule },
        {
          provide: SourceFetchScheduler,
          inject: [SCHEDULE, SchedulerRegistry, SourceFetchService],
          useFactory: (s: SourceFetchSchedule, registry: SchedulerRegistry, fetches: SourceFetchService) =>
            new SourceFetchScheduler(s, registry, fetches),
        },
      ],
    };
  }
}
