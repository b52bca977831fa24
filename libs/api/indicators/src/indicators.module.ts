import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { IndicatorImporter } from './indicator-importer';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorsResolver } from './indicators.resolver';
import { LocalIndicatorService } from './local-indicator.service';
import { ManualEntryService } from './manual-entry.service';
import { RegionSeriesResolver } from './region-series.resolver';
import { RegionSeriesService } from './region-series.service';
import { ScbDefinitionService } from './scb-definition.service';
import { SourceFetchResolver } from './source-fetch.resolver';
import { SourceFetchService } from './source-fetch.service';

@Module({
  providers: [
    IndicatorImporter,
    IndicatorQueryService,
    ManualEntryService,
    LocalIndicatorService,
    IndicatorsResolver,
    RegionSeriesService,
    RegionSeriesResolver,
    SourceFetchService,
    SourceFetchResolver,
    ScbDefinitionService,
  ],
  controllers: [ImportController],
  exports: [IndicatorImporter, IndicatorQueryService, RegionSeriesService, SourceFetchService],
})
export class IndicatorsModule {}
