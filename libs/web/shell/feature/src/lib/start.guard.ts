import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';

/**
 * The start page sends a member straight to their first collaboration; it shows itself
 * only to someone who belongs to none (or when `me` could not be loaded: it then shows the error).
 */
export const startRedirectGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const me = await inject(MeStore).load();
  const first = me?.access[0];
  return first ? router.createUrlTree(['/s', first.slug]) : true;
};
