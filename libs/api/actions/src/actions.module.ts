import { Module } from '@nestjs/common';
import { ActionService } from './action.service';
import { ActionsResolver } from './actions.resolver';
import { ActionIndicatorFeed } from './indicator-feed';

@Module({
  providers: [ActionService, ActionIndicatorFeed, ActionsResolver],
  exports: [ActionService],
})
export class ActionsModule {}
