import { Typography } from 'antd';

type Change = { field: string; label: string; before?: string | null; after?: string | null };

/** The fields an event changed: 字段：旧值 → 新值 (or the value it set). */
export function AuditChanges({ changes }: { changes: readonly Change[] }) {
  if (changes.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <Typography.Text type="secondary">{c.label}：</Typography.Text>
          {c.before != null && (
            <>
              <Typography.Text delete>{c.before}</Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text>{c.after ?? '（清空）'}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
