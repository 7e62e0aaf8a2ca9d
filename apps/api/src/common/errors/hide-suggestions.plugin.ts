import type { ApolloServerPlugin } from '@apollo/server';

// Apollo hides "Did you mean …?" in validation errors only, and graphql-armor's mask misses the
// enum form; variable values are checked later and would still name fields and enum values
// that introspection hides ("Did you mean the enum value …?"). In production, no error may.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export const hideSuggestionsPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        return Promise.resolve();
      },
    });
  },
};
