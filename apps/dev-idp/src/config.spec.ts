import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dev-idp-config-'));
    await writeFile(path.join(root, 'realm.json'), '{}');
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  const read = (env: NodeJS.ProcessEnv) => readConfig({ DEV_IDP_REALM_FILE: 'realm.json', ...env }, root);

  it('defaults to port 8080, a derived issuer and .data/dev-idp under the workspace root', () => {
    const config = readConfig({}, process.cwd());

    expect(config.port).toBe(8080);
    expect(config.issuer).toBeUndefined();
    expect(config.realmFile).toBe(path.join(process.cwd(), 'docker/keycloak/realm-kraftsamling.json'));
    expect(config.dataDir).toBe(path.join(process.cwd(), '.data/dev-idp'));
  });

  it('names DEV_IDP_PORT when it is not a TCP port', () => {
    for (const value of ['abc', '0', '65536', '80.5', '-1', ' ']) {
      expect(() => read({ DEV_IDP_PORT: value })).toThrow(ConfigError);
      expect(() => read({ DEV_IDP_PORT: value })).toThrow(/^DEV_IDP_PORT /);
    }
    expect(read({ DEV_IDP_PORT: '18080' }).port).toBe(18080);
  });

  it('names DEV_IDP_ISSUER when it is not an absolute http(s) URL without query or fragment', () => {
    for (const value of [
      'localhost:8080/realms/x',
      'ftp://host/realms/x',
      'http://host/realms/x?a=1',
      'http://host/x#y',
      'http://host/x/',
    ]) {
      expect(() => read({ DEV_IDP_ISSUER: value })).toThrow(/^DEV_IDP_ISSUER /);
    }
    expect(read({ DEV_IDP_ISSUER: 'http://idp.test:9000/realms/kraftsamling' }).issuer).toBe(
      'http://idp.test:9000/realms/kraftsamling',
    );
  });

  it('names DEV_IDP_REALM_FILE when the file does not exist, and resolves paths from the workspace root', () => {
    expect(() => read({ DEV_IDP_REALM_FILE: 'missing.json' })).toThrow(/^DEV_IDP_REALM_FILE /);
    expect(read({ DEV_IDP_DATA_DIR: 'state/idp' }).dataDir).toBe(path.join(root, 'state/idp'));
    expect(() => read({ DEV_IDP_DATA_DIR: '' })).toThrow(/^DEV_IDP_DATA_DIR /);
  });
});
