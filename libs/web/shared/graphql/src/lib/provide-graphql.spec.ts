import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { APP_CONFIG, AuthSession } from '@kraftsamling/web/shared/auth';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { firstValueFrom } from 'rxjs';
import { MeGQL } from '../generated/graphql';
import { toAppError } from '@kraftsamling/web/shared/errors';
import { provideGraphql } from './provide-graphql';

class FakeSession extends AuthSession {
  readonly user = { id: 'u1', name: 'Test Testsson' };
  accessToken = jest.fn(async () => 'fresh-token');
  logout = jest.fn(async () => undefined);
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('provideGraphql', () => {
  let session: FakeSession;

  beforeEach(() => {
    session = new FakeSession();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: APP_CONFIG,
          useValue: { oidc: { url: 'x', realm: 'y', clientId: 'z' }, graphqlPath: '/graphql' },
        },
        { provide: AuthSession, useValue: session },
        provideGraphql(),
      ],
    });
  });

  it('sends the (refreshed) access token as a bearer token to the configured path', async () => {
    const result = firstValueFrom(TestBed.inject(MeGQL).fetch());
    await flushMicrotasks();

    const request = TestBed.inject(HttpTestingController).expectOne('/graphql');
    expect(session.accessToken).toHaveBeenCalled();
    expect(request.request.headers.get('Authorization')).toBe('Bearer fresh-token');
    expect(request.request.body.operationName).toBe('Me');
    request.flush({
      data: {
        me: {
          __typename: 'Me',
          id: 'u1',
          name: 'Test Testsson',
          email: null,
          username: null,
          isPlatformAdmin: false,
          access: [],
        },
      },
    });

    expect((await result).data?.me.name).toBe('Test Testsson');
  });

  it('fails the operation with the API error code, ready for toAppError', async () => {
    const result = firstValueFrom(TestBed.inject(MeGQL).fetch());
    await flushMicrotasks();

    TestBed.inject(HttpTestingController)
      .expectOne('/graphql')
      .flush({ data: null, errors: [{ message: 'Not logged in', extensions: { code: 'UNAUTHENTICATED' } }] });

    const error = await result.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(toAppError(error).code).toBe('UNAUTHENTICATED');
  });
});
