import type {
  CollaborationMembersQuery,
  CollaborationQuery,
  GroupKind,
  MeQuery,
  OrganizationKind,
} from '@kraftsamling/web/shared/graphql';
import { Permission } from '@kraftsamling/shared/permissions';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

export type Me = MeQuery['me'];
export type CollaborationAccess = Me['access'][number];
export type CollaborationDetail = CollaborationQuery['collaboration'];
export type CollaborationAdmin = CollaborationMembersQuery['collaboration'];
export type OrganizationSummary = CollaborationDetail['organizations'][number];
export type GroupDetail = CollaborationDetail['groups'][number];
export type GroupSummary = CollaborationAdmin['groups'][number];
export type MemberRow = CollaborationAdmin['members'][number];

/** Kinds of partner organisations a coordinator can add (municipalities come with the collaboration). */
export const PARTNER_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'EMPLOYMENT_AGENCY',
  'UNIVERSITY',
  'FOLK_HIGH_SCHOOL',
  'BUSINESS_NETWORK',
  'OTHER',
];

export const GROUP_KINDS: readonly GroupKind[] = ['STEERING', 'OPERATIONAL'];

/** Whether the permission list the API sent grants the permission (the server enforces it anyway). */
export function can(permissions: readonly string[] | null | undefined, permission: Permission): boolean {
  return !!permissions?.includes(permission);
}

/** Sorts by name the Swedish way (Å, Ä, Ö after Z), whatever the UI language: these are Swedish names. */
export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareSwedish(a.name, b.name));
}

/** The member municipalities, by name. */
export function municipalitiesOf<T extends { kind: OrganizationKind; name: string }>(
  organizations: readonly T[],
): T[] {
  return sortByName(organizations.filter((organization) => organization.kind === 'MUNICIPALITY'));
}

/** Every organisation that is not a municipality (the agency and the partners), by name. */
export function partnersOf<T extends { kind: OrganizationKind; name: string }>(
  organizations: readonly T[],
): T[] {
  return sortByName(organizations.filter((organization) => organization.kind !== 'MUNICIPALITY'));
}

/** The steering group first, then the operational groups by name. */
export function sortGroups<T extends { kind: GroupKind; name: string }>(groups: readonly T[]): T[] {
  const steering = groups.filter((group) => group.kind === 'STEERING');
  const others = groups.filter((group) => group.kind !== 'STEERING');
  return [...sortByName(steering), ...sortByName(others)];
}

/** A member as the API sends it: a signed-in person, or a pending invitation. */
export interface MemberLike {
  pending: boolean;
  user: { name: string; username?: string | null; email?: string | null } | null;
  invitation: { name: string; email?: string } | null;
}

/** How a member is named in lists: the person's name, or for a pending invitation the name the coordinator gave. */
export function memberName(member: MemberLike): string {
  return (
    member.user?.name ||
    member.user?.username ||
    member.user?.email ||
    member.invitation?.name ||
    member.invitation?.email ||
    ''
  );
}

/** The person's e-mail, or the address a pending invitation was sent to. */
export function memberEmail(member: MemberLike): string {
  return member.user?.email ?? member.invitation?.email ?? '';
}
