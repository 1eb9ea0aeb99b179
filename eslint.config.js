import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The HTTP layer, which neither a use case nor the store may know (docs/architecture.md#use-cases-speak-domain). */
const HTTP = {
  group: ['**/http/*'],
  message:
    'Use cases and the store speak domain: refuse with a RefusedError (shared/domain/refusals.ts) or a store error (shared/store/ports.ts); shared/http/refusals.ts alone makes them problem documents.',
};

/** The store's modules a use case may not import: all but the ports (shared/store/ports.ts). */
const ADAPTERS_AND_SDK = {
  patterns: [
    {
      group: ['**/store/*', '!**/store/ports.ts'],
      message: 'Use cases import the store only from its ports (shared/store/ports.ts); adapters are wired in functions/ and shared/store/stores.ts.',
    },
    { group: ['@aws-sdk/*'], message: 'Use cases and fakes do not load the AWS SDK; an adapter does.' },
    HTTP,
  ],
};

/** The fakes and the store's contract may also read the entity declarations (shared/store/entities.ts), to keep lists in the order the table keeps them. */
const ADAPTERS_AND_SDK_BUT_ENTITIES = {
  patterns: [
    {
      group: ['**/store/*', '!**/store/ports.ts', '!**/store/entities.ts'],
      message: 'Fakes import the store only from its ports (shared/store/ports.ts) and its entity declarations (shared/store/entities.ts).',
    },
    ...ADAPTERS_AND_SDK.patterns.slice(1),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.spire/', 'coverage/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests.' },
        { object: 'it', property: 'skip', message: 'No skipped tests.' },
        { object: 'test', property: 'skip', message: 'No skipped tests.' },
      ],
    },
  },
  {
    // No import cycles in the server code: a module loaded half-way through a cycle sees the
    // other's exports as undefined. Imports of types only are erased at run time and not counted.
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    plugins: { 'import-x': importX },
    // import-x follows only .js files unless told: the server code is .ts, run as it is.
    settings: { 'import-x/extensions': ['.ts', '.js'], 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Use cases know the store by its ports alone (docs/architecture.md#ports-and-adapters).
    files: ['shared/{intake,triage,pilots,employee,privacy,notify,views}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ADAPTERS_AND_SDK] },
  },
  {
    // The in-memory fakes and the store contract's cases (run against the fakes and the adapters alike, docs/testing.md#the-store-contract): the ports and the entity declarations.
    files: ['test/unit/support/fakes.ts', 'test/unit/support/usage.ts', 'test/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ADAPTERS_AND_SDK_BUT_ENTITIES] },
  },
  {
    // The domain and the store answer in their own terms (a Refusal, InvalidCursorError, VersionConflictError); shared/http/ makes them HTTP.
    files: ['shared/{domain,store}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [HTTP] }] },
  },
  {
    // The web pages run in a browser: its globals, and none of Node's.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        history: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortController: 'readonly',
        HTMLElement: 'readonly',
        MouseEvent: 'readonly',
        process: 'off',
        Buffer: 'off',
      },
    },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The web pages run in a browser: no Node globals.' },
        { name: 'Buffer', message: 'The web pages run in a browser: no Node globals.' },
      ],
    },
  },
);
