// One flat config for the monorepo: `pnpm -r lint` runs eslint in each package, which finds this file.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'apps/web/src/gql/**',
      'e2e/playwright-report/**',
      'e2e/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text legitimately holds full-width spaces (U+3000) in strings, templates and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
      // type-graphql and TypeORM take class constructors typed as `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // GraphQL resolvers return ORM rows that type-graphql narrows to @Field properties.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'apps/server/test/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // Issue 14: one authorization seam. Which role may do or see what is decided in the feature's
    // *.policy.ts (named role lists for `@Authorized(...LIST)`, predicates for the services); the role
    // groups live in common/actor.ts; seeds, migrations and scripts build actors of given roles.
    files: ['apps/server/src/**/*.ts'],
    ignores: ['**/*.policy.ts', '**/*.test.ts', 'apps/server/src/common/actor.ts', 'apps/server/src/database/**', 'apps/server/src/scripts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "MemberExpression[object.name='Role']",
          "TSQualifiedName[left.name='Role']",
          "VariableDeclarator[init.name='Role']",
          "ImportSpecifier[imported.name='Role'][local.name!='Role']",
        ].map((selector) => ({
          selector,
          message:
            "Role decisions live in the feature's policy file (modules/<feature>/<feature>.policy.ts): name the role list there (e.g. VETTING_DECIDERS) and use @Authorized(...VETTING_DECIDERS) or a policy predicate here. 角色判断写在本模块的 *.policy.ts 中。",
        })),
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
