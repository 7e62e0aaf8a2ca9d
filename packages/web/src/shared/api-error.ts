import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { ERROR_MESSAGES, ErrorCode, errorClass, errorMessage, type FieldViolation } from '@xiangmeng/domain';
import type { FormInstance } from 'antd';

/** Codes for failures that never reached the API's error handling. */
export const TransportErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  SERVER_UNAVAILABLE: 'SERVER_UNAVAILABLE',
  SERVER_ERROR: 'SERVER_ERROR',
} as const;

const TRANSPORT_MESSAGES: Record<keyof typeof TransportErrorCode, string> = {
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  SERVER_UNAVAILABLE: '无法连接服务器，请稍后再试或联系系统管理员',
  SERVER_ERROR: '服务器处理请求时出错，请稍后再试',
};

// What a gateway or proxy answers when the API behind it is down.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** Who last changed a record an edit was refused on (CONFLICT from a stale version), and when. */
export type StaleEdit = {
  record: string;
  changedBy: string | null;
  changedAt: string | null;
  currentVersion: number | null;
};

/** An API failure as the apps show it: a stable code, Chinese text, and any per-field violations. */
export type ApiError = { code: string; message: string; violations: FieldViolation[]; staleEdit?: StaleEdit };

// Codes that belong to one input field, so the form shows them beside it.
const CODE_FIELDS: Partial<Record<string, string>> = {
  [ErrorCode.USERNAME_TAKEN]: 'username',
};

const CHINESE = /[\u4e00-\u9fff]/;

function isCatalogued(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, code);
}

/**
 * The text an error is shown with. Every code has its Chinese text in the domain's catalogue, and
 * that is the default. The API's own Chinese wording replaces it only where it says more than the
 * catalogue: who changed a record and when (a stale edit), the window a call is open, why a step is
 * forbidden, which record was not found. Where the refusal lists violations, those carry the
 * specifics (the API's text then only repeats one of them), so the catalogue's text heads the list.
 * Faults and a busy service always read as the catalogue says. A code this app does not know yet
 * (an API newer than the app) shows the API's Chinese text rather than a wrong guess.
 */
export function messageFor(
  code: string,
  serverText: string | undefined,
  violations: readonly FieldViolation[],
  retryAfterSeconds?: number,
): string {
  const worded = serverText !== undefined && CHINESE.test(serverText) ? serverText : null;
  if (!isCatalogued(code)) return worded ?? errorMessage(code);
  const general = errorMessage(code, retryAfterSeconds);
  const kind = errorClass(code);
  if (worded === null || violations.length > 0 || kind === 'FAULT' || kind === 'BUSY') return general;
  return worded === ERROR_MESSAGES[code] ? general : worded;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    const retryAfter =
      typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined;
    const violations = readViolations(extensions.violations);
    const staleEdit = readStaleEdit(extensions.staleEdit);
    return {
      code,
      message: messageFor(code, first?.message, violations, retryAfter),
      violations,
      ...(staleEdit ? { staleEdit } : {}),
    };
  }
  if (ServerError.is(error) && busyCode(error.bodyText)) {
    return { code: ErrorCode.SERVICE_BUSY, message: errorMessage(ErrorCode.SERVICE_BUSY), violations: [] };
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    return transportError(
      GATEWAY_STATUSES.has(error.statusCode)
        ? TransportErrorCode.SERVER_UNAVAILABLE
        : TransportErrorCode.SERVER_ERROR,
    );
  }
  return transportError(TransportErrorCode.NETWORK_ERROR);
}

export function isUnauthenticated(error: ApiError | null | undefined): boolean {
  return error?.code === ErrorCode.UNAUTHENTICATED;
}

/**
 * Puts each violation (and each field-bound code) on the form field it names. Returns the text
 * to show above the form for whatever could not be placed on a field, or null.
 */
export function showApiErrorOnForm(form: FormInstance, error: ApiError): string | null {
  const fieldNames = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  const codeField = CODE_FIELDS[error.code];
  const entries: Array<{ field: string; message: string }> =
    error.violations.length > 0
      ? error.violations
      : codeField
        ? [{ field: codeField, message: error.message }]
        : [];
  for (const { field, message } of entries) {
    const name = field.replace(/^input\./, '');
    if (fieldNames.has(name)) byField.set(name, [...(byField.get(name) ?? []), message]);
    else unplaced.push(message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (entries.length === 0) return error.message;
  return unplaced.length > 0 ? unplaced.join('；') : null;
}

// A full pool answers 503 with SERVICE_BUSY in the body: the API is up, only busy for a moment.
function busyCode(bodyText: string): boolean {
  try {
    const body = JSON.parse(bodyText) as { errors?: { extensions?: { code?: unknown } }[] };
    return body.errors?.[0]?.extensions?.code === ErrorCode.SERVICE_BUSY;
  } catch {
    return false;
  }
}

function transportError(code: keyof typeof TransportErrorCode): ApiError {
  return { code, message: TRANSPORT_MESSAGES[code], violations: [] };
}

function readViolations(value: unknown): FieldViolation[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, rule, message } = item as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [{ field, rule: typeof rule === 'string' ? rule : '', message }];
  });
}

function readStaleEdit(value: unknown): StaleEdit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { record, changedBy, changedAt, currentVersion } = value as Record<string, unknown>;
  if (typeof record !== 'string') return undefined;
  return {
    record,
    changedBy: typeof changedBy === 'string' ? changedBy : null,
    changedAt: typeof changedAt === 'string' ? changedAt : null,
    currentVersion: typeof currentVersion === 'number' ? currentVersion : null,
  };
}
