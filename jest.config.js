/** Jest runs every test in the repository against the real datastores (see packages/testkit). */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
  // A ceiling, not a measurement: PGlite's first start and DynamoDB Local are slow on a busy 2-core machine.
  testTimeout: 180000,
  maxWorkers: 2,
};
