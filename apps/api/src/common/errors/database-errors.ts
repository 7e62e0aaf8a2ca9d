import { QueryFailedError } from 'typeorm';

/** The SQLSTATE of a failed statement, or null for any other error. */
export function sqlState(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
export const OBJECT_NOT_IN_PREREQUISITE_STATE = '55000';
