import { inject } from '@angular/core';
import { CanMatchFn } from '@angular/router';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { CollaborationService } from './collaboration.service';
import { MeStore } from './me.store';
import { can } from './models';
import { catchError, from, map, of, switchMap } from 'rxjs';

/**
 * Matches the route only when the user's permissions in the collaboration
 * (`collaboration.myPermissions`) include `permission`; otherwise the router moves on
 * to the next route for the same path, which says "no access" (the address stays).
 * The route's first path segment is the collaboration slug (routes under `/s`).
 *
 * With `orOnPlatform`, a platform permission from the user's realm roles (`me`) lets them in as well.
 *
 * This only spares the user a page they cannot use: the API refuses the data and the
 * changes on its own.
 */
export function requirePermission(permission: Permission, orOnPlatform?: PlatformPermission): CanMatchFn {
  return (_route, segments) => {
    const service = inject(CollaborationService);
    // A page that also serves platform data (official statistics) lets a steward in too.
    const meStore = orOnPlatform ? inject(MeStore) : null;
    const slug = segments[0]?.path;
    if (!slug) return false;
    return service.collaboration(slug, true).pipe(
      switchMap((collaboration) =>
        can(collaboration.myPermissions, permission) || !meStore || !orOnPlatform
          ? of(can(collaboration.myPermissions, permission))
          : from(meStore.load()).pipe(map((me) => !!me?.platformPermissions.includes(orOnPlatform))),
      ),
      // Not found, network trouble…: let the page load and show the error with a retry.
      catchError(() => of(true)),
    );
  };
}

/**
 * A route for platform work alone (e.g. the fetches of official statistics): matches when a
 * realm role grants the platform permission, whatever the role in the collaboration. A hint
 * for the address bar: the API checks every request again.
 */
export function requirePlatformPermission(permission: PlatformPermission): CanMatchFn {
  return () => {
    const meStore = inject(MeStore);
    return from(meStore.load()).pipe(
      map((me) => !!me?.platformPermissions.includes(permission)),
      catchError(() => of(true)),
    );
  };
}
