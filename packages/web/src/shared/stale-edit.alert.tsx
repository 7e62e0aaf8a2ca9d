import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { ApiError } from './api-error';

/**
 * An edit refused because someone saved the record first: who and when, and a choice to load
 * their version. Until then the form keeps what the user typed, so it can be copied across.
 */
export function StaleEditAlert({ error, onReload }: { error: ApiError; onReload: () => Promise<unknown> }) {
  const [reloading, setReloading] = useState(false);
  const reload = () => {
    setReloading(true);
    void onReload()
      .catch(() => undefined)
      .finally(() => setReloading(false));
  };
  const stale = error.staleEdit;
  const who = stale?.changedBy ?? '他人';
  const when = stale?.changedAt ? `于 ${stale.changedAt} ` : '';
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="stale-edit"
      style={{ marginBottom: 16 }}
      title={stale ? `${stale.record}已被${who}${when}修改，您的修改未保存` : error.message}
      description="您填写的内容仍保留在下方，可先复制；载入最新内容后再修改并保存。"
      action={
        <Space>
          <Button size="small" type="primary" loading={reloading} onClick={reload}>
            载入最新内容
          </Button>
        </Space>
      }
    />
  );
}

/** Whether an API failure is a refused stale edit (CONFLICT naming who changed the record). */
export function isStaleEdit(error: ApiError | null | undefined): boolean {
  return error?.code === 'CONFLICT' && error.staleEdit !== undefined;
}
