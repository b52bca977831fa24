import { AuthSession, AuthUser } from './auth-session';

const NOBODY_YET: AuthUser = { id: '', name: '' };

/**
 * The session while the login is still under way: the application starts beside the login's
 * round trips to the identity provider (fetching its pages' code, drawing its frame) instead
 * of after them. Requests wait for the session's token; who is logged in is empty until then.
 * If the login sends the person to the identity provider's page, the session never comes and
 * the page is left.
 */
export class PendingAuthSession extends AuthSession {
  private session: AuthSession | null = null;

  constructor(private readonly pending: Promise<AuthSession>) {
    super();
    pending.then(
      (session) => (this.session = session),
      () => undefined,
    );
  }

  get user(): AuthUser {
    return this.session?.user ?? NOBODY_YET;
  }

  async accessToken(): Promise<string> {
    return (await this.pending).accessToken();
  }

  async logout(): Promise<void> {
    return (await this.pending).logout();
  }
}
