import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_MESSAGES } from '@xiangmeng/domain';
import type { GraphQLFormattedError } from 'graphql';
import { RequestEndedError } from '../request/request-transaction';
import { AppError } from './app-error';

// Errors of the request itself (syntax, validation, limits) are safe to show; they carry no data.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    // `http` (status and headers) is for Apollo, not the client's body.
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, path: formatted.path, extensions };
  }
  // A request whose client went away: nobody reads the answer, and it is no fault.
  if (
    original instanceof RequestEndedError ||
    (original as { originalError?: unknown })?.originalError instanceof RequestEndedError
  ) {
    return { message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR, extensions: { code: 'REQUEST_ENDED' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  console.error('[graphql] unexpected error', original);
  return {
    message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
