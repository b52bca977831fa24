import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { Principal, type RequestAuthenticator } from '@kraftsamling/api/core/auth';
import { DomainError } from '@kraftsamling/api/core/errors';
import { Permission, PlatformPermission, Role } from '@kraftsamling/shared/permissions';
import { Access } from './access';
import { AccessGuard } from './access.guard';

// A unit test of the guard's decisions: authentication and the database are stand-ins
// here; the API integration tests exercise the same guard with real tokens and SQL.
const FH = '10000000-0000-4000-8000-000000000001';
const OTHER = '10000000-0000-4000-8000-000000000002';

const principal = (roles: Role[], realmRoles: string[] = []) =>
  new Principal(
    'user-1',
    'subject-1',
    'someone',
    'Someone',
    null,
    realmRoles,
    roles.map((role, i) => ({
      membershipId: `m${i}`,
      collaborationId: FH,
      slug: 'familjen-helsingborg',
      collaborationName: 'Familjen Helsingborg',
      role,
      organizationId: null,
      groupId: null,
    })),
  );

class Handlers {
  undeclared() {}
  @Access.public('probe') publicProbe() {}
  @Access.authenticated() anyone() {}
  @Access.inCollaboration(Permission.MemberManage, { arg: 'collaborationId' }) manage() {}
  @Access.inCollaboration(Permission.CollaborationRead, { arg: 'slug', by: 'slug' }) readBySlug() {}
  @Access.inCollaboration(Permission.IndicatorRead, { arg: 'collaborationId', by: 'idOrSlug' })
  readByIdOrSlug() {}
  @Access.platform(PlatformPermission.OfficialImport) importOfficial() {}
}

function contextFor(handler: keyof Handlers, params: Record<string, unknown>): ExecutionContext {
  const request = { headers: {}, params };
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function guardFor(user: Principal | null, slugs: Record<string, string> = {}) {
  const authenticator = {
    authenticate: async () => {
      if (!user) throw new Error('authentication must not be asked for');
      return user;
    },
  } as unknown as RequestAuthenticator;
  const dataSource = {
    query: async (_sql: string, [slug]: string[]) => (slugs[slug!] ? [{ id: slugs[slug!] }] : []),
  } as unknown as DataSource;
  return new AccessGuard(new Reflector(), authenticator, dataSource);
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ALLOWED',
    (error: DomainError) => error.code,
  );

describe('AccessGuard', () => {
  it('fails closed: an operation without an access rule is refused', async () => {
    expect(
      await codeOf(guardFor(principal([Role.Coordinator])).canActivate(contextFor('undeclared', {}))),
    ).toBe('FORBIDDEN');
  });

  it('lets public operations through without authenticating', async () => {
    expect(await guardFor(null).canActivate(contextFor('publicProbe', {}))).toBe(true);
  });

  it('lets any signed-in user through an authenticated rule', async () => {
    expect(await guardFor(principal([])).canActivate(contextFor('anyone', {}))).toBe(true);
  });

  it('allows a permission the user’s role grants in that collaboration', async () => {
    expect(
      await codeOf(
        guardFor(principal([Role.Coordinator])).canActivate(contextFor('manage', { collaborationId: FH })),
      ),
    ).toBe('ALLOWED');
  });

  it('refuses a permission the role lacks, and a collaboration the user is not a member of', async () => {
    expect(
      await codeOf(
        guardFor(principal([Role.MunicipalEditor])).canActivate(
          contextFor('manage', { collaborationId: FH }),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        guardFor(principal([Role.Coordinator])).canActivate(contextFor('manage', { collaborationId: OTHER })),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lets a platform admin act in any collaboration', async () => {
    expect(
      await codeOf(
        guardFor(principal([], ['platform-admin'])).canActivate(
          contextFor('manage', { collaborationId: OTHER }),
        ),
      ),
    ).toBe('ALLOWED');
  });

  it('refuses a collaboration id that is not a UUID as bad input', async () => {
    expect(
      await codeOf(
        guardFor(principal([], ['platform-admin'])).canActivate(
          contextFor('manage', { collaborationId: "1' OR '1'='1" }),
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('resolves slugs, hiding unknown ones from everyone but a platform admin', async () => {
    const slugs = { 'familjen-helsingborg': FH };
    expect(
      await codeOf(
        guardFor(principal([Role.Viewer]), slugs).canActivate(
          contextFor('readBySlug', { slug: 'familjen-helsingborg' }),
        ),
      ),
    ).toBe('ALLOWED');
    expect(
      await codeOf(
        guardFor(principal([Role.Viewer]), slugs).canActivate(contextFor('readBySlug', { slug: 'okand' })),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        guardFor(principal([], ['platform-admin']), slugs).canActivate(
          contextFor('readBySlug', { slug: 'okand' }),
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('takes an id or a slug where a rule allows either, with the same permission check for both', async () => {
    const slugs = { 'familjen-helsingborg': FH, sandviken: OTHER };
    const asViewer = (collaborationId: string) =>
      codeOf(
        guardFor(principal([Role.Viewer]), slugs).canActivate(
          contextFor('readByIdOrSlug', { collaborationId }),
        ),
      );
    expect(await asViewer(FH)).toBe('ALLOWED');
    expect(await asViewer('familjen-helsingborg')).toBe('ALLOWED');
    // Another collaboration, by id or by slug, and a slug that names none: refused alike.
    expect(await asViewer(OTHER)).toBe('FORBIDDEN');
    expect(await asViewer('sandviken')).toBe('FORBIDDEN');
    expect(await asViewer('okand')).toBe('FORBIDDEN');
    expect(
      await codeOf(
        guardFor(principal([], ['platform-admin']), slugs).canActivate(
          contextFor('readByIdOrSlug', { collaborationId: 'okand' }),
        ),
      ),
    ).toBe('NOT_FOUND');
    // A rule that takes only an id still refuses a slug as bad input.
    expect(
      await codeOf(
        guardFor(principal([Role.Coordinator]), slugs).canActivate(
          contextFor('manage', { collaborationId: 'familjen-helsingborg' }),
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('grants a platform permission only by realm role, never by a role in a collaboration', async () => {
    expect(
      await codeOf(
        guardFor(principal([Role.Coordinator, Role.AgencyAnalyst])).canActivate(
          contextFor('importOfficial', {}),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        guardFor(principal([], ['statistics-steward'])).canActivate(contextFor('importOfficial', {})),
      ),
    ).toBe('ALLOWED');
    expect(
      await codeOf(guardFor(principal([], ['platform-admin'])).canActivate(contextFor('importOfficial', {}))),
    ).toBe('ALLOWED');
  });
});
