import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OrganizationKind = {
  Municipality: 'MUNICIPALITY',
  EmploymentAgency: 'EMPLOYMENT_AGENCY',
  University: 'UNIVERSITY',
  FolkHighSchool: 'FOLK_HIGH_SCHOOL',
  BusinessNetwork: 'BUSINESS_NETWORK',
  Other: 'OTHER',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];

export const GroupKind = { Steering: 'STEERING', Operational: 'OPERATIONAL' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];

/**
 * Editable rows carry `version`. It is NOT a TypeORM @VersionColumn: save() would bump it
 * without checking it. Writes go through `UPDATE … WHERE id AND collaboration_id AND
 * version = expected`, so a stale edit is refused instead of overwriting a newer one.
 */
abstract class VersionedRow {
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The tenant: a group of municipalities and partners working together (samverkan). */
@Entity({ name: 'collaboration' })
export class CollaborationEntity extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;
}

/** A member of a collaboration: a municipality, the employment agency or another partner. */
@Entity({ name: 'organization' })
export class OrganizationEntity extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'collaboration_id', type: 'uuid' })
  collaborationId!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4, nullable: true })
  municipalityCode!: string | null;
}

/** The steering group (styrgrupp) or an operational group (operativ grupp) of a collaboration. */
@Entity({ name: 'group' })
export class GroupEntity extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'collaboration_id', type: 'uuid' })
  collaborationId!: string;

  @Column({ type: 'text' })
  kind!: GroupKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'focus_area', type: 'text', nullable: true })
  focusArea!: string | null;
}

/**
 * A user's role in one collaboration, optionally bound to one organisation or one group.
 * Until the invited person signs in it is a pending invitation: no user, the invited
 * e-mail instead.
 */
@Entity({ name: 'membership' })
export class MembershipEntity extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'collaboration_id', type: 'uuid' })
  collaborationId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'invited_email', type: 'text', nullable: true })
  invitedEmail!: string | null;

  @Column({ name: 'invited_name', type: 'text', nullable: true })
  invitedName!: string | null;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;
}
