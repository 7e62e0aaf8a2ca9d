import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_MESSAGES } from '@xiangmeng/domain';
import type { RequestContext } from './request-context';

// Commits the request's transaction when the response carries no error; otherwise nothing it
// wrote remains. A failed commit turns the response into an error, so no success is reported
// for a write that did not happen.
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart() {
    return Promise.resolve({
      async willSendResponse({ contextValue, response }) {
        const body = response.body;
        const failed = body.kind === 'single' ? Boolean(body.singleResult.errors?.length) : true;
        try {
          await contextValue.finish(!failed);
        } catch (error) {
          console.error('[graphql] transaction did not commit', error);
          if (body.kind === 'single') {
            body.singleResult = {
              errors: [
                {
                  message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                },
              ],
            };
          }
        }
      },
    });
  },
};
