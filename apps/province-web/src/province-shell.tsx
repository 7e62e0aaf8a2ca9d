import {
  AccountBookOutlined,
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  CarryOutOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FundOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { TierShell, type ShellMenuItem, type Viewer } from '@xiangmeng/web';
import { ADMINS, STAFF } from './province-roles';

/** The signed-in frame with the province's menu, loaded after sign-in with its icons. */
export function ProvinceShell({ appTitle }: { appTitle: string }) {
  return <TierShell appTitle={appTitle} staffMenu={provinceMenu} />;
}

function provinceMenu(viewer: Viewer, todo: ShellMenuItem): ShellMenuItem[] {
  const isStaff = viewer.roles.some((r) => STAFF.includes(r));
  const menuItems: ShellMenuItem[] = [
    isStaff
      ? { path: '/', label: '全省市州', icon: <ApartmentOutlined /> }
      : { path: '/', label: '首页', icon: <HomeOutlined /> },
  ];
  if (isStaff) {
    menuItems.push(
      todo,
      { path: '/pilots/calls', label: '申报通知', icon: <NotificationOutlined /> },
      { path: '/pilots/applications', label: '收到的申报', icon: <InboxOutlined /> },
      { path: '/reviews/experts', label: '专家库', icon: <IdcardOutlined /> },
      { path: '/pilots/confirmed', label: '试点名单', icon: <TrophyOutlined /> },
      // Filing (Art. 21): the rounds the province opens, and the cities' filings it receives.
      { path: '/filings/rounds', label: '备案批次', icon: <CarryOutOutlined /> },
      { path: '/filings', label: '收到的备案', icon: <FileDoneOutlined /> },
      { path: '/alliances', label: '联盟名录', icon: <BookOutlined /> },
      // Support (Art. 14, 20): the province's programmes and the debarment register.
      { path: '/programmes', label: '支持计划', icon: <FundOutlined /> },
      { path: '/programmes/calls', label: '项目申报通知', icon: <NotificationOutlined /> },
      { path: '/programmes/applications', label: '项目申报', icon: <AuditOutlined /> },
      { path: '/programmes/investments', label: '先行投入', icon: <AccountBookOutlined /> },
      { path: '/projects', label: '项目', icon: <ProjectOutlined /> },
      { path: '/programmes/ip-register', label: '知识产权登记', icon: <SafetyCertificateOutlined /> },
      // Platform building (Art. 15): recognised platforms, their reports and evaluations.
      { path: '/platforms', label: '创新平台', icon: <ExperimentOutlined /> },
      { path: '/programmes/debarments', label: '禁入名单', icon: <StopOutlined /> },
      { path: '/measures', label: '实施办法', icon: <FileTextOutlined /> },
    );
  }
  if (viewer.roles.some((r) => ADMINS.includes(r)))
    menuItems.push({ path: '/users', label: '用户管理', icon: <TeamOutlined /> });
  return menuItems;
}
