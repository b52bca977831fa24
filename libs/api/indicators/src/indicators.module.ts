import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { IndicatorImporter } from './indicator-importer';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorsResolver } from './indicators.resolver';
import { LocalIndicatorService } from './local-indicator.service';
import { ManualEntryService } from './manual-entry.service';

@Module({
  providers: [
    IndicatorImporter,
    IndicatorQueryService,
    ManualEntryService,
    LocalIndicatorService,
    IndicatorsResolver,
  ],
  controllers: [ImportController],
  exports: [IndicatorImporter, IndicatorQueryService],
})
export class IndicatorsModule {}
