import { Injectable, computed, inject, signal } from '@angular/core';
import type { PlatformPermission } from '@kraftsamling/shared/permissions';
import { LOADING, LoadState, toAppError } from '@kraftsamling/web/shared/graphql';
import { MeGQL } from '@kraftsamling/web/shared/graphql/me';
import { firstValueFrom } from 'rxjs';
import { CollaborationAccess, Me } from './models';

/** The logged-in user and the collaborations they belong to (`me`), loaded once and shared. */
@Injectable({ providedIn: 'root' })
export class MeStore {
  private readonly meQuery = inject(MeGQL);
  private readonly current = signal<LoadState<Me>>(LOADING);
  private pending: Promise<Me | null> | null = null;

  readonly state = this.current.asReadonly();
  readonly me = computed(() => {
    const state = this.current();
    return state.status === 'ready' ? state.data : null;
  });
  readonly access = computed<readonly CollaborationAccess[]>(() => this.me()?.access ?? []);
  /** Grants over platform data (official statistics) from realm roles, e.g. `official:import`. */
  readonly platformPermissions = computed<readonly string[]>(() => this.me()?.platformPermissions ?? []);

  /** Whether a realm role grants the platform permission (a hint: the API checks again). */
  canOnPlatform(permission: PlatformPermission): boolean {
    return this.platformPermissions().includes(permission);
  }

  /** Loads `me` (once, unless `force`); resolves to null when it failed (the error is in `state`). */
  load(force = false): Promise<Me | null> {
    if (!force) {
      const state = this.current();
      if (state.status === 'ready') return Promise.resolve(state.data);
      if (this.pending) return this.pending;
    }
    this.current.set(LOADING);
    // The answer is kept here, not in Apollo's normalised cache: nothing reads it there, and
    // normalising it into the cache and reading it back was most of the main thread's work
    // when the answer arrived (a CPU profile of a phone's page load).
    this.pending = firstValueFrom(this.meQuery.fetch({ fetchPolicy: 'no-cache' }))
      .then((result) => {
        const me = result.data?.me;
        if (!me) throw new Error('The API answered without data');
        this.current.set({ status: 'ready', data: me });
        return me;
      })
      .catch((error: unknown) => {
        this.current.set({ status: 'error', error: toAppError(error) });
        return null;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** The user's access to one collaboration, if they are a member. */
  accessTo(slug: string | null | undefined): CollaborationAccess | undefined {
    return slug ? this.access().find((access) => access.slug === slug) : undefined;
  }
}
