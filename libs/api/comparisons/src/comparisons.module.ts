import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@kraftsamling/api/indicators';
import { ComparisonService } from './comparison.service';
import { ComparisonsResolver } from './comparisons.resolver';
import { PeerSetService } from './peer-set.service';

@Module({
  imports: [IndicatorsModule],
  providers: [ComparisonService, PeerSetService, ComparisonsResolver],
  exports: [ComparisonService, PeerSetService],
})
export class ComparisonsModule {}
