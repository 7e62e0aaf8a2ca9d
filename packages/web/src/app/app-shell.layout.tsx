import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@xiangmeng/domain';
import {
  App,
  Badge,
  Breadcrumb,
  Button,
  Flex,
  Grid,
  Layout,
  Menu,
  Space,
  Tag,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ChunkLoadBoundary } from '../shared/chunk-load.boundary';
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

/** Items under a heading (业务 areas such as 试点, 支持计划); always open, so every item stays one click away. */
export type ShellMenuGroup = { group: string; items: readonly ShellMenuItem[] };

export type ShellMenuEntry = ShellMenuItem | ShellMenuGroup;

const isGroup = (entry: ShellMenuEntry): entry is ShellMenuGroup => 'group' in entry;

/** Every item of the menu with the heading it sits under, in menu order. */
function flatten(entries: readonly ShellMenuEntry[]): { item: ShellMenuItem; group?: string }[] {
  return entries.flatMap((entry) =>
    isGroup(entry) ? entry.items.map((item) => ({ item, group: entry.group })) : [{ item: entry }],
  );
}

const toMenuItem = (item: ShellMenuItem) => ({
  key: item.path,
  label: <MenuLabel item={item} />,
  icon: item.icon,
});

/** The frame of every signed-in page: who is signed in, for which bureau, and the menu of the tier. */
export function AppShell({
  appTitle,
  menuItems,
}: {
  appTitle: string;
  menuItems: readonly ShellMenuEntry[];
}) {
  const viewer = useSignedInViewer();
  const { signOut } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  // On a phone (under 768 px) the header keeps what identifies the session and drops the rest.
  const wide = Grid.useBreakpoint().md !== false;
  const flatItems = flatten(menuItems);
  const selected = selectedMenuPath(
    location.pathname,
    flatItems.map((entry) => entry.item),
  );
  const selectedEntry = flatItems.find((entry) => entry.item.path === selected);

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
            gap: wide ? 24 : 12,
            paddingInline: wide ? 24 : 12,
            background: token.colorPrimary,
          }}
        >
          <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
            {wide ? `湘盟 · ${appTitle}` : '湘盟'}
          </Typography.Text>
          {wide && (
            <Typography.Text
              style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}
              data-testid="current-tenant"
            >
              {viewer.tenant.bureauName}
            </Typography.Text>
          )}
          <Flex flex={1} justify="end" align="center" gap={wide ? 16 : 8} style={{ minWidth: 0 }}>
            <MessageBell />
            <Space size={8} data-testid="current-user" style={{ color: '#fff' }}>
              <UserOutlined />
              <span style={{ whiteSpace: 'nowrap' }}>{viewer.displayName}</span>
              {wide &&
                viewer.roles.map((role) => (
                  <Tag key={role} color="gold" style={{ marginInlineEnd: 0 }}>
                    {ROLE_LABELS[role]}
                  </Tag>
                ))}
            </Space>
            <Button ghost icon={<LogoutOutlined />} aria-label="退出登录" onClick={() => void signOut()}>
              {wide && '退出登录'}
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
              items={menuItems.map((entry) =>
                isGroup(entry)
                  ? {
                      type: 'group' as const,
                      key: entry.group,
                      label: entry.group,
                      children: entry.items.map(toMenuItem),
                    }
                  : toMenuItem(entry),
              )}
              onClick={({ key }) => void navigate(key)}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </Layout.Sider>
          <Layout.Content className="app-shell-content" style={{ padding: wide ? 24 : 12 }}>
            {selected && selected !== '/' && location.pathname === selected && (
              // A list page's trail; a record's page draws its own, from its list.
              <Breadcrumb
                style={{ marginBottom: 12 }}
                data-testid="page-breadcrumb"
                items={[
                  { title: <Link to="/">首页</Link> },
                  ...(selectedEntry?.group ? [{ title: selectedEntry.group }] : []),
                  { title: selectedEntry?.item.label },
                ]}
              />
            )}
            <ChunkLoadBoundary resetKey={location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </ChunkLoadBoundary>
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
