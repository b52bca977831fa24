import { TestBed } from '@angular/core/testing';
import { MeGQL } from '@kraftsamling/web/shared/graphql/me';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { of, throwError } from 'rxjs';
import { MeStore } from './me.store';

const me = {
  id: 'u1',
  name: 'Test Testsson',
  email: 'test@example.org',
  username: 'test',
  isPlatformAdmin: false,
  access: [
    {
      collaborationId: 'c1',
      slug: 'familjen-helsingborg',
      name: 'Familjen Helsingborg',
      roles: ['COORDINATOR'],
      permissions: ['member:manage'],
    },
  ],
};

describe('MeStore', () => {
  it('loads me once and shares it', async () => {
    const fetch = jest.fn(() => of({ data: { me } }));
    TestBed.configureTestingModule({ providers: [{ provide: MeGQL, useValue: { fetch } }] });
    const store = TestBed.inject(MeStore);

    await expect(store.load()).resolves.toEqual(me);
    await store.load();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.state().status).toBe('ready');
    expect(store.accessTo('familjen-helsingborg')?.permissions).toEqual(['member:manage']);
    expect(store.accessTo('another')).toBeUndefined();
  });

  it('keeps the translated error when me cannot be loaded, and loads again on demand', async () => {
    const failure = new CombinedGraphQLErrors({ data: null }, [
      { message: 'x', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const fetch = jest
      .fn()
      .mockReturnValueOnce(throwError(() => failure))
      .mockReturnValueOnce(of({ data: { me } }));
    TestBed.configureTestingModule({ providers: [{ provide: MeGQL, useValue: { fetch } }] });
    const store = TestBed.inject(MeStore);

    await expect(store.load()).resolves.toBeNull();
    expect(store.state()).toEqual({
      status: 'error',
      error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated', fields: [] },
    });

    await expect(store.load(true)).resolves.toEqual(me);
    expect(store.access()).toHaveLength(1);
  });
});
