import { AuthSession, AuthUser } from './auth-session';
import { PendingAuthSession } from './pending-session';

class FakeSession extends AuthSession {
  readonly user: AuthUser = { id: 'user-1', name: 'Test Testsson', username: 'test' };
  readonly logout = jest.fn(async () => undefined);
  accessToken = jest.fn(async () => 'access-token');
}

describe('PendingAuthSession', () => {
  it('holds requests until the login has finished, then hands out its token', async () => {
    let finish!: (session: AuthSession) => void;
    const pending = new PendingAuthSession(new Promise<AuthSession>((resolve) => (finish = resolve)));
    const token = pending.accessToken();
    const early = await Promise.race([
      token,
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 10)),
    ]);
    expect(early).toBe('waiting');
    expect(pending.user).toEqual({ id: '', name: '' });

    const session = new FakeSession();
    finish(session);

    await expect(token).resolves.toBe('access-token');
    expect(pending.user.username).toBe('test');
    await pending.logout();
    expect(session.logout).toHaveBeenCalled();
  });

  it('fails requests when the login failed', async () => {
    const pending = new PendingAuthSession(Promise.reject(new Error('identity provider unreachable')));
    await expect(pending.accessToken()).rejects.toThrow('identity provider unreachable');
  });
});
