import { Alert } from 'antd';
import type { ApiError } from './api-error';

/** An API refusal in Chinese, one line per violation (failing guard, Art. 8 condition or field). */
export function ApiErrorAlert({ error, testId }: { error: ApiError | null; testId?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={error.message}
      description={
        error.violations.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.violations.map((v, index) => (
              <li key={index}>{v.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
