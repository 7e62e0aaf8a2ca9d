import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for this package's operations, checked against the API's committed schema.
const config: CodegenConfig = {
  schema: '../../apps/api/schema.graphql',
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
