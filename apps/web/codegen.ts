import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation in src/ come from the committed schema (packages/schema/schema.graphql).
 * The output in src/gql/ is committed and never edited by hand; `pnpm codegen` rewrites it and the
 * test command fails when that changes any file (git diff --exit-code).
 */
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', JSON: 'unknown', LocalDate: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
  hooks: { afterAllFileWrite: [] },
};

export default config;
