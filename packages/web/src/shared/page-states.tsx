import { Button, Result } from 'antd';
import type { ApiError } from './api-error';

/** A page whose data could not be loaded: what went wrong, in Chinese, and a way to try again. */
export function LoadFailure({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={error.message}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

export function NotFoundPage({ homeHref }: { homeHref: string }) {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除"
      extra={
        <Button type="primary" href={homeHref}>
          返回首页
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  return <Result status="403" title="无权访问" subTitle="您没有访问此页面的权限" />;
}
