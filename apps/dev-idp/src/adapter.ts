// In-memory storage for oidc-provider's models (sessions, interactions, codes, grants,
// refresh tokens). A restart logs everybody out, as restarting Keycloak's dev mode
// without a database would; signing and cookie keys are persisted separately.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  /** grantId → keys of the artefacts issued under that grant */
  private readonly grants = new Map<string, Set<string>>();
  /** session uid → session id */
  private readonly sessionUids = new Map<string, string>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
    this.grants.clear();
    this.sessionUids.clear();
  }

  adapterFor(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const entryKey = key(id);
        this.entries.set(entryKey, {
          payload,
          expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
        });
        if (model === 'Session' && payload.uid) this.sessionUids.set(payload.uid, id);
        if (GRANTABLE.has(model) && payload.grantId) {
          const members = this.grants.get(payload.grantId) ?? new Set<string>();
          members.add(entryKey);
          this.grants.set(payload.grantId, members);
        }
      },
      find: async (id) => this.get(key(id)),
      findByUid: async (uid) => {
        const id = this.sessionUids.get(uid);
        return id === undefined ? undefined : this.get(key(id));
      },
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const entry = this.get(key(id));
        if (entry) entry.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        const entry = this.entries.get(key(id));
        this.entries.delete(key(id));
        if (entry?.payload.uid && this.sessionUids.get(entry.payload.uid) === id)
          this.sessionUids.delete(entry.payload.uid);
      },
      revokeByGrantId: async (grantId) => {
        for (const entryKey of this.grants.get(grantId) ?? []) this.entries.delete(entryKey);
        this.grants.delete(grantId);
      },
    };
  }

  /** The live sessions, for the userinfo endpoint's "is this session still open" check. */
  sessions(): AdapterPayload[] {
    const result: AdapterPayload[] = [];
    for (const [entryKey] of this.entries) {
      if (!entryKey.startsWith('Session:')) continue;
      const payload = this.get(entryKey);
      if (payload) result.push(payload);
    }
    return result;
  }

  private get(entryKey: string): AdapterPayload | undefined {
    const entry = this.entries.get(entryKey);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(entryKey);
      return undefined;
    }
    return entry.payload;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [entryKey, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(entryKey);
    for (const [grantId, members] of this.grants) {
      for (const member of members) if (!this.entries.has(member)) members.delete(member);
      if (members.size === 0) this.grants.delete(grantId);
    }
    for (const [uid, id] of this.sessionUids)
      if (!this.entries.has(`Session:${id}`)) this.sessionUids.delete(uid);
  }
}
