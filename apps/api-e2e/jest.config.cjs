// API integration tests: the built API and dev IdP run as real processes against a real
// PostgreSQL (see src/support/global-setup.mjs); tests talk HTTP to them.
module.exports = require('../../tools/jest/node-preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  testTimeout: 30_000,
});
