#!/usr/bin/env node
// `npm start`: builds what is not built yet, then runs the whole product on this machine.
// Without DATABASE_URL it starts an embedded PostgreSQL (data kept in .data/), without
// OIDC_ISSUER_URL the dev identity provider; with both set it starts neither.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStack, workspaceRoot } from '../dev-stack/stack.mjs';

const env = process.env;
const usesDevIdp = !env.OIDC_ISSUER_URL;
const usesEmbeddedDatabase = !env.DATABASE_URL;

function parsePort(name, fallback) {
  const text = env[name] ?? String(fallback);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    console.error(`Configuration error: ${name} is malformed: "${text}" is not a TCP port (1–65535)`);
    process.exit(1);
  }
  return port;
}

function build() {
  const projects = ['api', 'web', ...(usesDevIdp ? ['dev-idp'] : []), ...(seedDemo ? ['demo-data'] : [])];
  console.log(`building ${projects.join(', ')} (cached after the first time)…`);
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--output-style=static'],
    {
      cwd: workspaceRoot,
      stdio: 'inherit',
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) {
    console.error('The build failed (see above). Fix the error and run "npm start" again.');
    process.exit(result.status ?? 1);
  }
}

function demoLogins() {
  const realm = JSON.parse(
    readFileSync(path.join(workspaceRoot, 'docker/keycloak/realm-kraftsamling.json'), 'utf8'),
  );
  const roles = {
    admin: 'platform admin: every collaboration',
    samordnare: 'coordinator, Familjen Helsingborg',
    styrgrupp: 'steering group member, Familjen Helsingborg',
    arbetsmarknad: 'member of the operational group Arbetsmarknad',
    helsingborg: 'municipal editor, Helsingborg',
    bjuv: 'municipal editor, Bjuv',
    analytiker: 'agency analyst, Familjen Helsingborg',
    sandviken: 'coordinator, Sandviken (the second tenant)',
    gast: 'signed in, member of no collaboration',
    statistiker: 'statistics steward (realm role): official statistics',
  };
  return realm.users
    .map((user) => `    ${user.username.padEnd(14)} demo   ${roles[user.username] ?? ''}`)
    .join('\n');
}

const seedDemo = usesEmbeddedDatabase || env.SEED_DEMO === 'true';
build();
const apiPort = parsePort('PORT', 3000);
const stack = await startStack({
  databaseUrl: env.DATABASE_URL,
  databaseOwnerUrl: env.DATABASE_OWNER_URL,
  databaseName: 'kraftsamling',
  dataDir: path.join(workspaceRoot, '.data'),
  postgresPort: parsePort('EMBEDDED_POSTGRES_PORT', 54329),
  issuerUrl: env.OIDC_ISSUER_URL,
  idpPort: parsePort('DEV_IDP_PORT', 8080),
  apiPort,
  seedDemo,
  importDemoStatistics: seedDemo,
}).catch((error) => {
  console.error(`\nKraftsamling could not start: ${error.message}`);
  process.exit(1);
});

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping Kraftsamling…');
  await stack.stop();
  console.log('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
stack.children.api.once('exit', (code) => {
  if (!stopping) {
    console.error(`the API stopped unexpectedly (exit ${code}); shutting down`);
    shutdown(1);
  }
});

console.log(`
  Kraftsamling is running: http://localhost:${apiPort}
    GraphQL   http://localhost:${apiPort}/graphql
    health    http://localhost:${apiPort}/health
    sign-in   ${stack.issuerUrl}
    database  ${usesEmbeddedDatabase ? 'embedded PostgreSQL (data in .data/postgres)' : 'DATABASE_URL'}
${usesDevIdp ? `\n  Demo logins (dev identity provider; username, password):\n${demoLogins()}\n` : ''}
  Press Ctrl-C to stop everything.
`);
