// Jest configuration shared by every Node-side project (API libs, dev IdP, API
// integration tests). The API stack (NestJS 12, Apollo 5, jose 6, oidc-provider)
// is ESM-only, so tests run as native ES modules (node --experimental-vm-modules)
// and SWC compiles TypeScript with the legacy decorators and design-type metadata
// that NestJS, TypeORM and class-validator read at run time.
const path = require('node:path');
const workspaceRoot = path.resolve(__dirname, '../..');
const moduleNameMapper = require('./path-aliases.cjs');

/**
 * @param {string} projectDir absolute path of the project (pass __dirname)
 * @param {import('jest').Config} overrides
 */
module.exports = function nodeJestConfig(projectDir, overrides = {}) {
  return {
    displayName: path.relative(workspaceRoot, projectDir),
    rootDir: projectDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: moduleNameMapper(),
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2022',
            keepClassNames: true,
          },
          sourceMaps: 'inline',
        },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    setupFiles: [path.join(__dirname, 'reflect-metadata-setup.cjs')],
    // Specs create and migrate a real database of their own in beforeAll: seconds, and more
    // on a busy machine, than Jest's 5 s default allows.
    testTimeout: 30_000,
    ...overrides,
  };
};
