import type { Principal } from '@kraftsamling/api/core/auth';
import { NO_DB_CONTEXT, type DbContext } from '@kraftsamling/api/core/database';

/** The realm role that may change official statistics (a platform role, not a collaboration's). */
export const STATISTICS_STEWARD_REALM_ROLE = 'statistics-steward';

/** What row-level security lets this user see and write in one operation. */
export function dbContextOf(principal: Principal | undefined, collaborationId: string | null): DbContext {
  if (!principal) return NO_DB_CONTEXT;
  return {
    collaborationId,
    userId: principal.userId,
    platformAdmin: principal.isPlatformAdmin,
    statisticsSteward: principal.realmRoles.includes(STATISTICS_STEWARD_REALM_ROLE),
  };
}
