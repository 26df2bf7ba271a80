// ESLint (typescript-eslint) for the whole monorepo. Besides the recommended rules, it holds the architecture's
// import boundaries, which no type checker sees: subgraphs stay independent of each other, product code never ships
// a simulator, and the gateway knows subgraphs only through the supergraph (their URLs), never their code.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['erp', 'eshop', 'crm', 'marketplace', 'commands', 'pricing'];
const TEST_FILES = ['**/*.test.ts', 'e2e/**', '**/test/**', '**/testing/**', '**/*-test-helpers.ts'];

const simulatorsOnlyInTests = {
  group: ['@omnigraph/simulator-*', '**/simulators/**'],
  message: 'Product code does not ship simulators; import them only in tests, e2e, benchmarks and scripts.',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/__generated__/**', 'bench/results/**', 'coverage/**', '**/dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (interface-shaped callbacks); tsc's noUnused* covers the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('x')` stays allowed: vitest's typed importOriginal needs it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // The explorer's boot script runs in the browser, as a classic script after GraphiQL's UMD bundles.
  {
    files: ['gateway/src/explorer/explorer-client.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, GraphiQL: 'readonly', React: 'readonly', ReactDOM: 'readonly' } },
  },
  // Tests walk untyped JSON answers; `any` there reads better than a cast per step.
  { files: TEST_FILES, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Each subgraph imports shared packages only: never another subgraph (by package or by path), never a simulator.
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/**/*.ts`],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SUBGRAPHS.filter((other) => other !== name).flatMap((other) => [
                `@omnigraph/subgraph-${other}`,
                `@omnigraph/subgraph-${other}/**`,
                `**/subgraphs/${other}/**`,
                `**/${other}/src/**`,
              ]),
              message: 'A subgraph never imports another subgraph: they meet only in the supergraph.',
            },
            simulatorsOnlyInTests,
          ],
        },
      ],
    },
  })),
  // The gateway reaches subgraphs over HTTP (their routing URLs), never through their code.
  {
    files: ['gateway/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnigraph/subgraph-*', '**/subgraphs/**'],
              message: 'The gateway never reaches into subgraph code; it talks to subgraphs over HTTP.',
            },
            simulatorsOnlyInTests,
          ],
        },
      ],
    },
  },
  // The typed client is what a frontend team copies or installs: it knows the gateway only over HTTP.
  {
    files: ['clients/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnigraph/*', '**/gateway/**', '**/packages/**', '**/subgraphs/**', '**/simulators/**'],
              message: 'A client imports nothing of the server; it talks to the gateway over HTTP.',
            },
          ],
        },
      ],
    },
  },
  // Shared libraries depend on nothing above them.
  {
    files: ['packages/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnigraph/subgraph-*', '@omnigraph/gateway', '@omnigraph/gateway/**', '**/subgraphs/**', '**/gateway/**'],
              message: 'Shared packages never import a subgraph or the gateway.',
            },
            simulatorsOnlyInTests,
          ],
        },
      ],
    },
  },
);
