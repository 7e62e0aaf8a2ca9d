import {
  ScheduleOutlined,
  SoundOutlined,
  ExperimentOutlined,
  PieChartOutlined,
  InsuranceOutlined,
  MoneyCollectOutlined,
  ShakeOutlined,
  DollarOutlined,
  BankOutlined,
  GlobalOutlined,
  AccountBookOutlined,
  DashboardOutlined,
  BarChartOutlined,
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  FundOutlined,
  FileTextOutlined,
  IdcardOutlined,
  InboxOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  TeamOutlined,
  FileSearchOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { TierShell, type ShellMenuEntry, type ShellMenuItem, type Viewer } from '@xiangmeng/web';
import { ADMINS, STAFF } from './province-roles';

/** The signed-in frame with the province's menu, loaded after sign-in with its icons. */
export function ProvinceShell({ appTitle }: { appTitle: string }) {
  return <TierShell appTitle={appTitle} staffMenu={provinceMenu} />;
}

function provinceMenu(viewer: Viewer, todo: ShellMenuItem): ShellMenuEntry[] {
  const isStaff = viewer.roles.some((r) => STAFF.includes(r));
  const isAdmin = viewer.roles.some((r) => ADMINS.includes(r));
  const home: ShellMenuItem = { path: '/', label: '工作台', icon: <DashboardOutlined /> };
  if (!isStaff) return isAdmin ? [home, { group: '系统', items: [USERS] }] : [home];
  return [
    home,
    todo,
    // Notices (通知公告) the tier publishes and receives.
    { path: '/notices', label: '通知公告', icon: <SoundOutlined /> },
    { path: '/statistics', label: '统计分析', icon: <BarChartOutlined /> },
    { path: '/divisions', label: '全省市州', icon: <ApartmentOutlined /> },
    { group: '联盟', items: [{ path: '/alliances', label: '联盟名录', icon: <BookOutlined /> }] },
    {
      group: '试点',
      items: [
        { path: '/pilots/calls', label: '申报通知', icon: <NotificationOutlined /> },
        { path: '/pilots/applications', label: '收到的申报', icon: <InboxOutlined /> },
        { path: '/pilots/confirmed', label: '试点名单', icon: <TrophyOutlined /> },
      ],
    },
    // Filing (Art. 21): the rounds the province opens, and the cities' filings it receives.
    {
      group: '备案',
      items: [
        { path: '/filings/rounds', label: '备案批次', icon: <CarryOutOutlined /> },
        { path: '/filings', label: '收到的备案', icon: <FileDoneOutlined /> },
      ],
    },
    // Support (Art. 14, 18–20): the province's programmes, their projects and the registers.
    {
      group: '支持计划',
      items: [
        { path: '/programmes', label: '支持计划', icon: <FundOutlined /> },
        { path: '/programmes/calls', label: '项目申报通知', icon: <NotificationOutlined /> },
        { path: '/programmes/applications', label: '项目申报', icon: <AuditOutlined /> },
        { path: '/programmes/investments', label: '先行投入', icon: <AccountBookOutlined /> },
        { path: '/projects', label: '项目', icon: <ProjectOutlined /> },
        { path: '/programmes/ip-register', label: '知识产权登记', icon: <SafetyCertificateOutlined /> },
        { path: '/programmes/debarments', label: '禁入名单', icon: <StopOutlined /> },
      ],
    },
    {
      group: '平台与国际合作',
      items: [
        // Platform building (Art. 15): recognised platforms, their reports and evaluations.
        { path: '/platforms', label: '创新平台', icon: <ExperimentOutlined /> },
        { path: '/platforms/evaluation-rounds', label: '平台评估', icon: <ScheduleOutlined /> },
        { path: '/international/projects', label: '国际合作项目', icon: <GlobalOutlined /> },
        { path: '/international/bases', label: '国际合作基地', icon: <BankOutlined /> },
      ],
    },
    {
      group: '金融对接',
      items: [
        { path: '/finance/needs', label: '融资需求', icon: <DollarOutlined /> },
        { path: '/finance/events', label: '对接活动', icon: <ShakeOutlined /> },
        { path: '/finance/records', label: '融资记录', icon: <MoneyCollectOutlined /> },
        { path: '/finance/claims', label: '风险补偿', icon: <InsuranceOutlined /> },
        { path: '/finance/statistics', label: '融资统计', icon: <PieChartOutlined /> },
      ],
    },
    {
      group: '基础数据',
      items: [
        { path: '/reviews/experts', label: '专家库', icon: <IdcardOutlined /> },
        { path: '/measures', label: '实施办法', icon: <FileTextOutlined /> },
        ...(isAdmin ? [USERS, AUDIT] : []),
      ],
    },
  ];
}

const USERS: ShellMenuItem = { path: '/users', label: '用户管理', icon: <TeamOutlined /> };
const AUDIT: ShellMenuItem = { path: '/audit', label: '审计日志', icon: <FileSearchOutlined /> };
