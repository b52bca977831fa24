import { SetMetadata } from '@nestjs/common';
import type { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';

/**
 * Where the collaboration (tenant) of an operation comes from: an argument (a dotted
 * path such as `input.collaborationId`, holding an id or a slug) or, for a field
 * resolver, a field of the parent object. `idOrSlug` takes either: for the reads a page
 * makes as it opens, when the web app knows the collaboration only by the slug in its
 * address (asking for the id first would put a round trip before the page's data).
 */
export type TenantSource = { arg: string; by?: 'id' | 'slug' | 'idOrSlug' } | { parent: string };

export type AccessRule =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated' }
  | { kind: 'collaboration'; permission: Permission; tenant: TenantSource }
  | { kind: 'platform'; permission: PlatformPermission };

export const ACCESS_RULE = 'kraftsamling:access-rule';

/**
 * The one decorator every resolver and controller handler declares its access with.
 * A handler without one is refused at run time (the guard fails closed) and fails the
 * API's access-rule test.
 */
export const Access = {
  /** No sign-in: only for health checks and the web app's public configuration. */
  public: (reason: string) => SetMetadata(ACCESS_RULE, { kind: 'public', reason } satisfies AccessRule),
  /** Any signed-in user; what they see is still filtered by their memberships. */
  authenticated: () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule),
  /** A permission within the collaboration the operation is about. */
  inCollaboration: (permission: Permission, tenant: TenantSource) =>
    SetMetadata(ACCESS_RULE, { kind: 'collaboration', permission, tenant } satisfies AccessRule),
  /**
   * A grant over platform data (official statistics), from a realm role in the token
   * (`statistics-steward`, `platform-admin`); no role inside a collaboration gives it.
   */
  platform: (permission: PlatformPermission) =>
    SetMetadata(ACCESS_RULE, { kind: 'platform', permission } satisfies AccessRule),
};
