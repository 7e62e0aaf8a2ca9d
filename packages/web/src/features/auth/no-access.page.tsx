import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { useViewer } from './viewer.provider';

/** Shown to a signed-in user of the other tier: no page of this app, only a way out. */
export function NoAccessPage({ reason }: { reason: string }) {
  const { viewer, signOut } = useViewer();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Result
        status="403"
        title="无权访问"
        subTitle={
          <>
            <div>{reason}</div>
            {viewer && (
              <div>
                当前登录：{viewer.tenant.bureauName} · {viewer.displayName}
              </div>
            )}
          </>
        }
        extra={
          <Button type="primary" icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出登录
          </Button>
        }
      />
    </Flex>
  );
}
