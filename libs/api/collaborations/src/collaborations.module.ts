import { Module } from '@nestjs/common';
import { CollaborationService } from './collaboration.service';
import { CollaborationsResolver } from './collaborations.resolver';
import { MembershipService } from './membership.service';

@Module({
  providers: [CollaborationService, MembershipService, CollaborationsResolver],
  exports: [CollaborationService, MembershipService],
})
export class CollaborationsModule {}
