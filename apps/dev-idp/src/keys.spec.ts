import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateKeys } from './keys';

describe('loadOrCreateKeys', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ks-idp-keys-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('makes the keys’ own directory private and leaves the parents it creates open to others', async () => {
    // As the test stack lays it out: tmp/api-e2e holds the IdP's keys and the embedded
    // PostgreSQL's cluster, which runs as another user and must pass through the parent.
    const shared = path.join(root, 'api-e2e');
    const keysDir = path.join(shared, 'dev-idp');
    const keys = await loadOrCreateKeys(keysDir);
    expect(keys.signingKeys).toHaveLength(1);
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
    expect((await stat(shared)).mode & 0o005).toBe(0o005);
  });
});
