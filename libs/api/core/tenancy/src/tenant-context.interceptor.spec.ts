import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defer, firstValueFrom } from 'rxjs';
import { Principal } from '@kraftsamling/api/core/auth';
import { NO_DB_CONTEXT, currentDbContext } from '@kraftsamling/api/core/database';
import { Permission } from '@kraftsamling/shared/permissions';
import { Access } from './access';
import { TenantContextInterceptor } from './tenant-context.interceptor';

// A unit test of which database context an operation runs in; the database lib's
// row-level-security spec proves with real SQL what the policies make of it.
const FH = '10000000-0000-4000-8000-000000000001';

const principal = (realmRoles: string[] = []) =>
  new Principal('user-1', 'subject-1', 'someone', 'Someone', null, realmRoles, []);

class Handlers {
  @Access.public('probe') publicProbe() {}
  @Access.authenticated() anyone() {}
  @Access.inCollaboration(Permission.CollaborationRead, { arg: 'collaborationId' }) inCollaboration() {}
}

function contextFor(
  handler: keyof Handlers,
  user: Principal | undefined,
  params: Record<string, unknown> = {},
) {
  const request = { headers: {}, params, principal: user };
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

/** The context the handler sees, read after an await as a service would. */
const seenBy = (context: ExecutionContext) => {
  const next: CallHandler = {
    handle: () =>
      defer(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return currentDbContext();
      }),
  };
  return firstValueFrom(new TenantContextInterceptor(new Reflector()).intercept(context, next));
};

describe('TenantContextInterceptor', () => {
  it('runs a collaboration operation in that collaboration, as the user, with their realm roles', async () => {
    expect(
      await seenBy(contextFor('inCollaboration', principal(['statistics-steward']), { collaborationId: FH })),
    ).toEqual({ collaborationId: FH, userId: 'user-1', platformAdmin: false, statisticsSteward: true });
  });

  it('runs an operation about no collaboration with the user alone (official data, own memberships)', async () => {
    expect(await seenBy(contextFor('anyone', principal(['platform-admin'])))).toEqual({
      collaborationId: null,
      userId: 'user-1',
      platformAdmin: true,
      statisticsSteward: false,
    });
  });

  it('runs a public operation with the empty context', async () => {
    expect(await seenBy(contextFor('publicProbe', undefined))).toEqual(NO_DB_CONTEXT);
  });

  it('leaves no context behind outside the operation', async () => {
    await seenBy(contextFor('inCollaboration', principal(), { collaborationId: FH }));
    expect(currentDbContext()).toEqual(NO_DB_CONTEXT);
  });
});
