import { AuditOutlined, CheckSquareOutlined, DashboardOutlined } from '@ant-design/icons';
import { Role } from '@xiangmeng/domain';
import { useSignedInViewer, type Viewer } from '../features/auth/viewer.provider';
import { useWorkListCounts } from '../features/work-list/use-work-list-counts';
import { AppShell, type ShellMenuEntry, type ShellMenuItem } from './app-shell.layout';

/**
 * The signed-in frame of a tier with its menu. Experts get the same reduced menu in both tiers;
 * everyone else the tier's own `staffMenu`, given the 待办 item with its live counts.
 */
export function TierShell({
  appTitle,
  staffMenu,
}: {
  appTitle: string;
  staffMenu: (viewer: Viewer, todo: ShellMenuItem) => ShellMenuEntry[];
}) {
  const viewer = useSignedInViewer();
  const work = useWorkListCounts();
  const todo: ShellMenuItem = {
    path: '/work',
    label: '待办',
    icon: <CheckSquareOutlined />,
    badge: work?.total,
    badgeAlert: (work?.overdue ?? 0) > 0,
  };
  // An expert's reduced view: their workbench, what waits for them and their review tasks, nothing else.
  const menuItems: ShellMenuEntry[] = viewer.roles.includes(Role.EXPERT)
    ? [
        { path: '/', label: '工作台', icon: <DashboardOutlined /> },
        todo,
        { path: '/reviews/mine', label: '评审任务', icon: <AuditOutlined /> },
      ]
    : staffMenu(viewer, todo);
  return <AppShell appTitle={appTitle} menuItems={menuItems} />;
}
