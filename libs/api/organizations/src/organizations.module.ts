import { Module } from '@nestjs/common';
import { OrganizationService } from './organization.service';
import {
  CollaborationOrganizationsResolver,
  MembershipOrganizationResolver,
  OrganizationsResolver,
} from './organizations.resolver';

@Module({
  providers: [
    OrganizationService,
    OrganizationsResolver,
    CollaborationOrganizationsResolver,
    MembershipOrganizationResolver,
  ],
  exports: [OrganizationService],
})
export class OrganizationsModule {}
