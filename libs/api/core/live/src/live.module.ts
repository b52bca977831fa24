import { Global, Module } from '@nestjs/common';
import { InProcessLiveEvents, LiveEvents } from './live-events';

@Global()
@Module({
  providers: [{ provide: LiveEvents, useClass: InProcessLiveEvents }],
  exports: [LiveEvents],
})
export class LiveModule {}
