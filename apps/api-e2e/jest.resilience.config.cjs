// The slower resilience tests (`npm run test:resilience`): the API integration setup
// (a real stack, see src/support/global-setup.mjs), but the files named *.resilience.ts.
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  displayName: 'api-e2e resilience',
  testMatch: ['<rootDir>/src/**/*.resilience.ts'],
  testTimeout: 300_000,
};
