import { Module } from '@nestjs/common';
import { ActionService } from './action.service';
import { ActionViewerResolver } from './action-viewer.resolver';
import { ActionsResolver } from './actions.resolver';
import { ActionIndicatorFeed } from './indicator-feed';

@Module({
  providers: [ActionService, ActionIndicatorFeed, ActionsResolver, ActionViewerResolver],
  exports: [ActionService],
})
export class ActionsModule {}
