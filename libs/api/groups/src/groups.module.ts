import { Module } from '@nestjs/common';
import { CollaborationsModule } from '@kraftsamling/api/collaborations';
import { GroupService } from './group.service';
import { CollaborationGroupsResolver, GroupsResolver, MembershipGroupResolver } from './groups.resolver';

@Module({
  imports: [CollaborationsModule],
  providers: [GroupService, GroupsResolver, CollaborationGroupsResolver, MembershipGroupResolver],
  exports: [GroupService],
})
export class GroupsModule {}
