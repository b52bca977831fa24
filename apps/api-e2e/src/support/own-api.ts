import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { issuerUrl } from './api';

const API_MAIN = fileURLToPath(new URL('../../../../dist/apps/api/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnApi {
  url: string;
  stop(): Promise<void>;
  /** everything the process wrote to stdout and stderr so far */
  output(): string;
}

/**
 * A second API process on the test database and identity provider, with settings of its
 * own (e.g. low rate limits), for behaviour the shared API must not show to other tests.
 */
export async function startOwnApi(env: Record<string, string>): Promise<OwnApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [API_MAIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: process.env['E2E_API_DATABASE_URL'],
      DATABASE_OWNER_URL: process.env['E2E_DATABASE_URL'],
      OIDC_ISSUER_URL: issuerUrl(),
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  // A loaded machine can take a while to start Nest and Apollo.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop, output: () => output };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
