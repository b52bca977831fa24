import { Module, type DynamicModule } from '@nestjs/common';
import { parseInWorker, type ParsedFile, type ParseJob } from '@kraftsamling/api/statistics-formats';

/** Reads an import file; the importer's default reads it in the calling thread. */
export type StatisticsFileParser = (
  job: ParseJob,
  onProgress?: (fraction: number) => void,
) => Promise<ParsedFile>;

/** Injection token of the {@link StatisticsFileParser} the importer uses. */
export const STATISTICS_FILE_PARSER = 'STATISTICS_FILE_PARSER';

@Module({})
class ParseInWorkersModule {}

/**
 * Makes the importer read every file in a worker thread started from `workerFile` (the
 * API's bundled parse-worker.js): the server keeps answering while a large file is parsed.
 */
export function parseFilesInWorkers(workerFile: string): DynamicModule {
  const parser: StatisticsFileParser = (job, onProgress) => parseInWorker(workerFile, job, { onProgress });
  return {
    module: ParseInWorkersModule,
    global: true,
    providers: [{ provide: STATISTICS_FILE_PARSER, useValue: parser }],
    exports: [STATISTICS_FILE_PARSER],
  };
}
