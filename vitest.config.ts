import { defineConfig } from 'vitest/config';

/** Unit tests (tests/unit mirrors the source tree) and the contract suite, in plain Node. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts', 'tests/oracle/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
