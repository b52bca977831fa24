// Starts the product for the integration tests: its own database (recreated each run),
// the dev identity provider and the API on ports of their own, so a running `npm start`
// is not disturbed.
import net from 'node:net';
import path from 'node:path';
import { startReplayServer } from '../../../../tools/dev-stack/replay-server.mjs';
import { startStack, workspaceRoot } from '../../../../tools/dev-stack/stack.mjs';

/** True when a Redis answers PING at host:port within a second. */
function redisAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export default async function globalSetup() {
  // Live events go through Redis when one answers where this machine and CI run it, so the
  // tests cover several instances sharing events (live.spec.ts); REDIS_URL= (empty) keeps
  // them in-process. live.spec.ts tests the in-process path either way.
  if (process.env.REDIS_URL === undefined && (await redisAnswers('127.0.0.1', 6379)))
    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
  const dataDir = path.join(workspaceRoot, 'tmp/api-e2e');
  // The open-data APIs, replayed from recorded answers: the API and the CLI fetch from here,
  // never from the internet (tools/dev-stack/replay-server.mjs).
  const replay = await startReplayServer(path.join(workspaceRoot, 'apps/api-e2e/src/fixtures/replay'));
  globalThis.__KRAFTSAMLING_REPLAY__ = replay;
  process.env.E2E_REPLAY_URL = replay.url;
  process.env.KOLADA_API_URL = `${replay.url}/kolada`;
  process.env.SCB_API_URL = `${replay.url}/scb`;
  process.env.AF_URL_HOSTS = '127.0.0.1';
  const stack = await startStack({
    databaseServerUrl: process.env.DATABASE_URL,
    databaseName: process.env.E2E_DATABASE_NAME ?? 'kraftsamling_api_e2e',
    recreateDatabase: true,
    dataDir,
    postgresPort: 54331,
    idpPort: Number(process.env.E2E_IDP_PORT ?? 18080),
    apiPort: Number(process.env.E2E_API_PORT ?? 13000),
    seedDemo: true,
    quiet: true,
    log: () => {},
  });
  globalThis.__KRAFTSAMLING_STACK__ = stack;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_ISSUER_URL = stack.issuerUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  // The API's own connection: the role row-level security binds (the owner's is for SQL checks).
  process.env.E2E_API_DATABASE_URL = stack.apiDatabaseUrl;
  process.env.E2E_IDP_DATA_DIR = path.join(dataDir, 'dev-idp');
}
