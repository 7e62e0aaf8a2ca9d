import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for this package's operations, checked against the API's committed schema (and, until the
// filing API lands, the filing contract beside it).
const config: CodegenConfig = {
  schema: ['../../apps/api/schema.graphql', 'filing-contract.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string' },
        useTypeImports: true,
        enumType: 'string-literal',
      },
    },
  },
};

export default config;
