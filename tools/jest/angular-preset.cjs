// Jest configuration shared by the Angular projects (apps/web and libs/web/**).
// jest-preset-angular in CommonJS mode: Angular's .mjs bundles and the few ESM-only
// browser packages (keycloak-js) are transpiled to CommonJS on the fly. Each project's
// tsconfig.spec.json sets isolatedModules, so every file is transpiled alone, without a
// type check: checking each test file repeated Angular's and Material's types in every one
// and took most of the run. `npm test` type-checks the web, tests included, in one program
// (tools/test/tsconfig.web-typecheck.json).
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const workspaceRoot = path.resolve(__dirname, '../..');
const moduleNameMapper = require('./path-aliases.cjs');

// csv-stringify: the shared exports use its browser build, an ES module, in the web's tests too.
const esmOnlyPackages = ['keycloak-js', '@jsverse/utils', 'csv-stringify'];

/**
 * @param {string} projectDir absolute path of the project (pass __dirname)
 * @param {import('jest').Config} overrides
 */
module.exports = function angularJestConfig(projectDir, overrides = {}) {
  const preset = createCjsPreset({ tsconfig: path.join(projectDir, 'tsconfig.spec.json') });
  return {
    ...preset,
    displayName: path.relative(workspaceRoot, projectDir),
    rootDir: projectDir,
    transformIgnorePatterns: [
      `node_modules/(?!(.*\\.mjs$|@angular/common/locales/.*\\.js$|${esmOnlyPackages.join('|')}))`,
    ],
    moduleNameMapper: moduleNameMapper(),
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    setupFilesAfterEnv: [path.join(__dirname, 'angular-setup.cjs')],
    // The first test of a file pays for compiling its components; on a busy 2-core machine
    // that alone has taken over Jest's default 5 s.
    testTimeout: 30_000,
    ...overrides,
  };
};
