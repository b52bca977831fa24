import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { IndicatorImporter } from './indicator-importer';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorsResolver } from './indicators.resolver';
import { ManualEntryService } from './manual-entry.service';

@Module({
  providers: [IndicatorImporter, IndicatorQueryService, ManualEntryService, IndicatorsResolver],
  controllers: [ImportController],
  exports: [IndicatorImporter, IndicatorQueryService],
})
export class IndicatorsModule {}
