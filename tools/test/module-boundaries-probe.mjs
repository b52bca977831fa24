#!/usr/bin/env node
// Proves that lint enforces the module boundaries before `npm test` relies on it. Nx's rule
// reads the project graph from Nx's cache and, where there is none (a fresh checkout that ran
// no Nx command yet), skips itself with only a console warning, and every import passes.
// This lints an import no web library may make (an API library) as if it were in one, and
// fails unless the rule reports it.
import { ESLint } from 'eslint';
import { workspaceRoot } from '../dev-stack/stack.mjs';

const RULE = '@nx/enforce-module-boundaries';
const probe = {
  filePath: 'libs/web/shared/auth/src/lib/app-config.ts',
  text: "import { DatabaseModule } from '@kraftsamling/api/core/database';\nexport const probe = DatabaseModule;\n",
};

const eslint = new ESLint({ cwd: workspaceRoot });
const [result] = await eslint.lintText(probe.text, { filePath: probe.filePath });
const reported = result.messages.some((message) => message.ruleId === RULE && message.severity === 2);
if (!reported) {
  console.error(
    `module boundaries: ${RULE} did not report a web library importing an API library ` +
      `(${probe.filePath}); lint would let any import through. Nx's project graph is missing? ` +
      'Run an Nx command (npx nx show projects) first.',
  );
  process.exit(1);
}
console.log(`module boundaries: enforced (${RULE} refuses a web library importing an API library)`);
