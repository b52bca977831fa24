import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, findWorkspaceRoot, readConfig } from './config';
import { startDevIdp } from './dev-idp';

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const workspaceRoot = findWorkspaceRoot(here) ?? findWorkspaceRoot(process.cwd()) ?? process.cwd();
  const config = readConfig(process.env, workspaceRoot);
  const idp = await startDevIdp(config);
  console.log(`dev-idp ready: ${idp.issuer}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    idp.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`dev-idp: error while stopping on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `dev-idp: ${error instanceof ConfigError ? '' : 'cannot start: '}${(error as Error)?.message ?? error}`,
  );
  process.exit(1);
});
