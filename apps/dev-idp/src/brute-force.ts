// Keycloak's brute-force detection for the dev IdP: the realm file's settings, the same
// arithmetic, one count per account shared by the login page and the password grant.
import { checkPassword, type BruteForceSettings, type RealmUser } from './realm';

interface Failures {
  count: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export type PasswordCheck = 'ok' | 'invalidCredentials' | 'temporarilyLocked';

/**
 * Counts failed passwords per account, as Keycloak's DefaultBruteForceProtector does:
 * every `failureFactor` failures lock the account for `waitIncrementSeconds` × the number
 * of lockouts so far (at most `maxFailureWaitSeconds`); two failures within
 * `quickLoginCheckMilliSeconds` lock it for `minimumQuickLoginWaitSeconds`; a successful
 * login clears the count. A locked account is refused whatever the password, without
 * checking or counting it. Unknown usernames are not counted (there is no account).
 */
export class BruteForceProtector {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly settings: BruteForceSettings,
    private readonly now: () => number = Date.now,
  ) {}

  check(user: RealmUser | undefined, password: string): PasswordCheck {
    if (!user) {
      checkPassword(user, password); // the same time as for a real account
      return 'invalidCredentials';
    }
    if (this.settings.enabled && this.lockedFor(user.id) > 0) return 'temporarilyLocked';
    if (!checkPassword(user, password)) {
      this.fail(user.id);
      return 'invalidCredentials';
    }
    this.failures.delete(user.id);
    return 'ok';
  }

  /** Seconds until the account may try again; 0 when it may now. */
  lockedFor(userId: string): number {
    const record = this.failures.get(userId);
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.lockedUntil - this.now()) / 1000));
  }

  private fail(userId: string): void {
    if (!this.settings.enabled) return;
    const s = this.settings;
    const now = this.now();
    const previous = this.failures.get(userId);
    const record =
      previous && now - previous.lastFailureAt <= s.maxDeltaTimeSeconds * 1000
        ? previous
        : { count: 0, lastFailureAt: 0, lockedUntil: 0 };
    const sincePrevious = record.count > 0 ? now - record.lastFailureAt : Number.POSITIVE_INFINITY;
    record.count += 1;
    record.lastFailureAt = now;
    let waitSeconds = 0;
    if (sincePrevious < s.quickLoginCheckMilliSeconds) waitSeconds = s.minimumQuickLoginWaitSeconds;
    if (record.count % s.failureFactor === 0) {
      waitSeconds = s.permanentLockout
        ? Number.POSITIVE_INFINITY
        : Math.max(
            waitSeconds,
            Math.min(s.waitIncrementSeconds * (record.count / s.failureFactor), s.maxFailureWaitSeconds),
          );
    }
    if (waitSeconds > 0) record.lockedUntil = Math.max(record.lockedUntil, now + waitSeconds * 1000);
    this.failures.set(userId, record);
  }
}
