import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@kraftsamling/api/indicators';
import { DecisionService } from './decision.service';
import { GoalProgressService } from './goal-progress.service';
import { GoalService } from './goal.service';
import { DecisionsResolver, GoalsResolver, GroupDecisionRightsResolver } from './goals.resolver';

@Module({
  imports: [IndicatorsModule],
  providers: [
    GoalService,
    GoalProgressService,
    DecisionService,
    GoalsResolver,
    DecisionsResolver,
    GroupDecisionRightsResolver,
  ],
  exports: [GoalService, GoalProgressService, DecisionService],
})
export class GoalsModule {}
