import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@xiangmeng/domain';
import { App, Badge, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../shared/page-loading';
import { useSignedInViewer, useViewer } from '../features/auth/viewer.provider';
import { MessageBell } from '../features/messages/message-bell';

// Dates are shown and picked only on signed-in pages, all of which render inside this shell.
dayjs.locale('zh-cn');

export type ShellMenuItem = {
  path: string;
  label: string;
  icon?: ReactNode;
  /** A count beside the label (hidden at 0); red when `badgeAlert` (e.g. something overdue). */
  badge?: number;
  badgeAlert?: boolean;
};

/** The frame of every signed-in page: who is signed in, for which bureau, and the menu of the tier. */
export function AppShell({ appTitle, menuItems }: { appTitle: string; menuItems: readonly ShellMenuItem[] }) {
  const viewer = useSignedInViewer();
  const { signOut } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const selected = selectedMenuPath(location.pathname, menuItems);

  // antd's App context (message, modal) for every signed-in page, loaded with the shell.
  return (
    <App>
      <Layout style={{ minHeight: '100vh' }}>
        {/* The chrome a printed page leaves out (the filing certificate's print rules name it). */}
        <Layout.Header
          className="app-shell-chrome"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 24,
            paddingInline: 24,
            background: token.colorPrimary,
          }}
        >
          <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
            湘盟 · {appTitle}
          </Typography.Text>
          <Typography.Text
            style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}
            data-testid="current-tenant"
          >
            {viewer.tenant.bureauName}
          </Typography.Text>
          <Flex flex={1} justify="end" align="center" gap={16}>
            <MessageBell />
            <Space size={8} data-testid="current-user" style={{ color: '#fff' }}>
              <UserOutlined />
              <span>{viewer.displayName}</span>
              {viewer.roles.map((role) => (
                <Tag key={role} color="gold" style={{ marginInlineEnd: 0 }}>
                  {ROLE_LABELS[role]}
                </Tag>
              ))}
            </Space>
            <Button ghost icon={<LogoutOutlined />} onClick={() => void signOut()}>
              退出登录
            </Button>
          </Flex>
        </Layout.Header>
        <Layout>
          <Layout.Sider
            className="app-shell-chrome"
            width={200}
            theme="light"
            breakpoint="lg"
            collapsedWidth={0}
          >
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={menuItems.map((item) => ({
                key: item.path,
                label: <MenuLabel item={item} />,
                icon: item.icon,
              }))}
              onClick={({ key }) => void navigate(key)}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </Layout.Sider>
          <Layout.Content className="app-shell-content" style={{ padding: 24 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </App>
  );
}

function MenuLabel({ item }: { item: ShellMenuItem }) {
  if (!item.badge) return item.label;
  return (
    <Flex justify="space-between" align="center" gap={8}>
      <span>{item.label}</span>
      <Badge
        count={item.badge}
        color={item.badgeAlert ? 'red' : 'blue'}
        data-testid={`menu-badge-${menuTestId(item.path)}`}
      />
    </Flex>
  );
}

// '/pilots/applications' → 'pilots-applications'; '/' → 'home'.
function menuTestId(path: string): string {
  return path.replace(/^\/+|\/+$/g, '').replace(/\//g, '-') || 'home';
}

// The longest menu path that prefixes the location, so nested pages keep their menu entry lit;
// home is lit on home only (a page outside the menu, such as 消息中心, lights none).
function selectedMenuPath(pathname: string, items: readonly ShellMenuItem[]): string | undefined {
  return items
    .map((item) => item.path)
    .filter((path) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
