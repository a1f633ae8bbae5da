/**
 * Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`) live next to the code.
 * Integration tests run against a real PostgreSQL: test/global-setup.ts starts a throwaway
 * embedded cluster (or uses DATABASE_URL) and prepares the migrated, seeded `evs_template`.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // type-graphql and TypeORM read `design:type`: legacy decorators with metadata, like tsc.
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // otplib's audited crypto (@noble/hashes, @scure/base) is ESM only: Node 20 requires it natively,
    // Jest (before Node 24.9) needs it compiled to CommonJS.
    '^.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?@(noble|scure)[+/])'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
  // Embedded PostgreSQL is one per run; a hung handle should fail loudly, not keep CI waiting.
  openHandlesTimeout: 2_000,
};
