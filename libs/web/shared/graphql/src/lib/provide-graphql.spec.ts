import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { APP_CONFIG, AuthSession } from '@kraftsamling/web/shared/auth';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { firstValueFrom } from 'rxjs';
import { MeGQL } from '../generated/operations/me';
import { toAppError } from '@kraftsamling/web/shared/errors';
import { createLiveClient, graphqlWebSocketUrl, provideGraphql, reconnectDelayMs } from './provide-graphql';

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

/** Just enough of a browser WebSocket for graphql-ws: records what the client sends. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];
  readonly sent: { type: string; payload?: Record<string, unknown> }[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }
  send(data: string) {
    const message = JSON.parse(data);
    this.sent.push(message);
    if (message.type === 'connection_init')
      setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }));
  }
  close(code = 1000, reason = '') {
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }));
  }
  /** The server closing the connection, as the API does when the access token expires. */
  serverCloses(code: number, reason: string) {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: true });
  }
}

describe('the live (websocket) client', () => {
  beforeEach(() => (FakeSocket.opened = []));

  it('addresses /graphql over ws or wss as the page is http or https', () => {
    expect(graphqlWebSocketUrl('/graphql', { href: 'https://kraftsamling.example/s/fh/grupper' })).toBe(
      'wss://kraftsamling.example/graphql',
    );
    expect(graphqlWebSocketUrl('/graphql', { href: 'http://localhost:4200/' })).toBe(
      'ws://localhost:4200/graphql',
    );
  });

  it('backs off from one to thirty seconds between reconnections, with jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retries) => reconnectDelayMs(retries, () => 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(reconnectDelayMs(0, () => 0.999)).toBe(1_999);
  });

  it('connects only for a subscription, and sends a fresh token each time it (re)connects', async () => {
    let issued = 0;
    const client = createLiveClient({
      url: 'ws://localhost/graphql',
      accessToken: async () => `token-${++issued}`,
      language: () => 'sv',
      webSocketImpl: FakeSocket,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeSocket.opened).toEqual([]);

    const stop = client.subscribe(
      { query: 'subscription { groupActivity { kind } }' },
      {
        next: () => undefined,
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = FakeSocket.opened[0]!;
    expect(first.url).toBe('ws://localhost/graphql');
    expect(first.sent[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer token-1', 'accept-language': 'sv' },
    });
    expect(first.sent[1]).toMatchObject({ type: 'subscribe' });

    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      first.serverCloses(4403, 'Forbidden: the access token expired; reconnect with a fresh one');
      await jest.advanceTimersByTimeAsync(2_100);
    } finally {
      jest.useRealTimers();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = FakeSocket.opened[1]!;
    expect(second.sent[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer token-2', 'accept-language': 'sv' },
    });
    expect(second.sent[1]).toMatchObject({ type: 'subscribe' });
    stop();
    await client.dispose();
  });
});
