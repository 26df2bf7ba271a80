import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      // One graphql instance for everything: vite would hand our code the ESM build while @apollo/server and
      // @apollo/subgraph, loaded by Node, get the CommonJS build, and `instanceof GraphQLError` then fails across the two.
      { find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
    ],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // a guard against hangs, not a speed check: CPU-bound tests run ~1.5× slower while the other workers share the cores
    testTimeout: 40_000,
    hookTimeout: 30_000,
    restoreMocks: true,
    // Most e2e and integration time is spent waiting (timers, budgets, drains, stack start-ups), not computing: one
    // worker more than the 2 cores of our CI machine halves the suite (265 s against 508–594 s with 2) and keeps it green.
    maxWorkers: 3,
  },
});
