import { ERROR_MESSAGES, type ErrorCode, type FieldViolation, fieldViolation } from '@xiangmeng/domain';
import { GraphQLError } from 'graphql';

/** Who last changed a record an edit was refused on, and when: the apps show it beside a reload. */
export type StaleEditDetails = {
  record: string;
  currentVersion: number | null;
  changedBy: string | null;
  changedAt: string | null;
};

export type AppErrorDetails = {
  violations?: FieldViolation[];
  retryAfterSeconds?: number;
  staleEdit?: StaleEditDetails;
};

/**
 * The one error the API shows to clients as it is: a stable code, a Chinese message and, for
 * bad input, the fields and rules that failed. Anything else is masked by the error formatter.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    details: AppErrorDetails = {},
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export function badInput(violations: FieldViolation[]): AppError {
  const first = violations[0];
  return new AppError(
    'BAD_USER_INPUT',
    { violations },
    first ? `${first.field}: ${first.message}` : undefined,
  );
}

/** A violation of `field`'s `rule`, in the service's own Chinese wording. */
export function violation(field: string, rule: string, message: string): FieldViolation {
  return { ...fieldViolation(field, rule), message };
}

export function invalid(field: string, rule: string, message: string): AppError {
  return badInput([violation(field, rule, message)]);
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN');
}
