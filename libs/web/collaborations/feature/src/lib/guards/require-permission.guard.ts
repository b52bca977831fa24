import { inject } from '@angular/core';
import { CanMatchFn } from '@angular/router';
import { Permission } from '@kraftsamling/shared/permissions';
import { CollaborationService, can } from '@kraftsamling/web/collaborations/data-access';
import { catchError, map, of } from 'rxjs';

/**
 * Matches the route only when the user's permissions in the collaboration
 * (`collaboration.myPermissions`) include `permission`; otherwise the router moves on
 * to the next route for the same path, which says "no access" (the address stays).
 * The route's first path segment is the collaboration slug (routes under `/s`).
 *
 * This only spares the user a page they cannot use: the API refuses the data and the
 * changes on its own.
 */
export function requirePermission(permission: Permission): CanMatchFn {
  return (_route, segments) => {
    const service = inject(CollaborationService);
    const slug = segments[0]?.path;
    if (!slug) return false;
    return service.collaboration(slug, true).pipe(
      map((collaboration) => can(collaboration.myPermissions, permission)),
      // Not found, network trouble…: let the page load and show the error with a retry.
      catchError(() => of(true)),
    );
  };
}
