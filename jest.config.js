/**
 * Jest runs every test in the repository against real datastores (packages/testkit): the Postgres server and
 * Redis at TEST_DATABASE_URL / TEST_REDIS_URL (127.0.0.1:5432 and :6379 by default; a fresh database and key
 * prefix per suite), and one DynamoDB Local that the global setup starts for the run (a table prefix per suite).
 * Only the embedded journey runs PGlite and the in-process cache and bus, as `npm start` does. Every suite closes
 * what it opens, so the run ends on its own: no forceExit.
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
  // A ceiling, not a measurement: the journey starts every service (PGlite too) on a busy 2-core machine.
  testTimeout: 180000,
  maxWorkers: 2,
};
