import { CountyEntity, MunicipalityEntity } from './reference.entities';
import { CollaborationEntity, GroupEntity, MembershipEntity, OrganizationEntity } from './tenant.entities';
import { AppUserEntity, AuditEventEntity } from './user.entities';

export * from './reference.entities';
export * from './tenant.entities';
export * from './user.entities';

export const ENTITIES = [
  CountyEntity,
  MunicipalityEntity,
  CollaborationEntity,
  OrganizationEntity,
  GroupEntity,
  MembershipEntity,
  AppUserEntity,
  AuditEventEntity,
];
