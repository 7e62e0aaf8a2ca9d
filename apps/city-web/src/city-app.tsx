import {
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Role, TenantLevel } from '@xiangmeng/domain';
import {
  NotFoundPage,
  PageLoading,
  RequireRole,
  RequireViewer,
  useSignedInViewer,
  useWorkListCounts,
  type ShellMenuItem,
} from '@xiangmeng/web-common';
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes, useHref } from 'react-router';

const APP_TITLE = '市州工作端';

// Each route loads its own chunk; the first screen needs only the providers and the guard.
const SignInPage = lazy(() => import('./routes/sign-in.route'));
const CityShell = lazy(() => import('./routes/city-shell.route'));
const BureauHomePage = lazy(() => import('./routes/bureau-home.route'));
const UserManagementPage = lazy(() => import('./routes/user-management.route'));
const MeasuresPage = lazy(() => import('./routes/measures.route'));
const AllianceRegisterPage = lazy(() => import('./routes/alliance-register.route'));
const RegisterAlliancePage = lazy(() => import('./routes/alliance-new.route'));
const AllianceDetailPage = lazy(() => import('./routes/alliance-detail.route'));
const WorkListPage = lazy(() => import('./routes/work-list.route'));
const PilotCallsPage = lazy(() => import('./routes/pilot-calls.route'));
const NewPilotApplicationPage = lazy(() => import('./routes/pilot-application-new.route'));
const PilotApplicationsPage = lazy(() => import('./routes/pilot-applications.route'));
const PilotApplicationDetailPage = lazy(() => import('./routes/pilot-application-detail.route'));
const ConfirmedPilotsPage = lazy(() => import('./routes/confirmed-pilots.route'));
const ExpertPoolPage = lazy(() => import('./routes/expert-pool.route'));
const CallRankingPage = lazy(() => import('./routes/call-ranking.route'));
const MyReviewsPage = lazy(() => import('./routes/my-reviews.route'));
const ReviewSheetPage = lazy(() => import('./routes/review-sheet.route'));

const REGISTER_KEEPERS: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
const STAFF = REGISTER_KEEPERS;

export function CityApp() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<SignInPage tier="city" appTitle={APP_TITLE} />} />
        <Route
          element={<RequireViewer level={TenantLevel.CITY} noAccessReason="本系统仅供市州科技局用户使用" />}
        >
          <Route element={<CityShellWithMenu />}>
            <Route index element={<BureauHomePage />} />
            <Route
              path="users"
              element={
                <RequireRole roles={[Role.CITY_ADMIN]}>
                  <UserManagementPage />
                </RequireRole>
              }
            />
            <Route
              path="measures/*"
              element={
                <RequireRole roles={[Role.CITY_ADMIN, Role.CITY_OFFICER]}>
                  <MeasuresPage />
                </RequireRole>
              }
            />
            <Route
              path="alliances"
              element={
                <RequireRole roles={REGISTER_KEEPERS}>
                  <Outlet />
                </RequireRole>
              }
            >
              <Route index element={<AllianceRegisterPage />} />
              <Route path="new" element={<RegisterAlliancePage />} />
              <Route path=":allianceId" element={<AllianceDetailPage />} />
            </Route>
            <Route path="work" element={<WorkListPage />} />
            <Route
              path="pilots"
              element={
                <RequireRole roles={STAFF}>
                  <Outlet />
                </RequireRole>
              }
            >
              <Route path="calls" element={<PilotCallsPage />} />
              <Route path="applications" element={<PilotApplicationsPage />} />
              <Route path="applications/new" element={<NewPilotApplicationPage />} />
              <Route path="applications/:applicationId" element={<PilotApplicationDetailPage />} />
              <Route path="confirmed" element={<ConfirmedPilotsPage />} />
            </Route>
            <Route
              path="reviews"
              element={
                <RequireRole roles={STAFF}>
                  <Outlet />
                </RequireRole>
              }
            >
              <Route path="experts" element={<ExpertPoolPage />} />
              <Route path="calls/:callId/ranking" element={<CallRankingPage />} />
            </Route>
            <Route
              path="reviews/mine"
              element={
                <RequireRole roles={[Role.EXPERT]}>
                  <Outlet />
                </RequireRole>
              }
            >
              <Route index element={<MyReviewsPage />} />
              <Route path=":assignmentId" element={<ReviewSheetPage />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

function CityShellWithMenu() {
  const viewer = useSignedInViewer();
  const work = useWorkListCounts();
  const todo: ShellMenuItem = {
    path: '/work',
    label: '待办',
    icon: <CheckSquareOutlined />,
    badge: work?.total,
    badgeAlert: (work?.overdue ?? 0) > 0,
  };
  // An expert's reduced view: what waits for them and their review tasks, nothing else.
  if (viewer.roles.includes(Role.EXPERT)) {
    const expertMenu: ShellMenuItem[] = [
      todo,
      { path: '/reviews/mine', label: '评审任务', icon: <AuditOutlined /> },
    ];
    return <CityShell appTitle={APP_TITLE} menuItems={expertMenu} />;
  }
  const menuItems: ShellMenuItem[] = [{ path: '/', label: '首页', icon: <HomeOutlined /> }];
  if (viewer.roles.some((r) => STAFF.includes(r))) {
    menuItems.push(
      todo,
      { path: '/alliances', label: '联盟名录', icon: <BookOutlined /> },
      { path: '/pilots/calls', label: '申报通知', icon: <NotificationOutlined /> },
      { path: '/pilots/applications', label: '试点申报', icon: <SolutionOutlined /> },
      { path: '/pilots/confirmed', label: '试点名单', icon: <TrophyOutlined /> },
      // For the city's own (local) pilots.
      { path: '/reviews/experts', label: '专家库', icon: <IdcardOutlined /> },
      { path: '/measures', label: '实施办法', icon: <FileTextOutlined /> },
    );
  }
  if (viewer.roles.includes(Role.CITY_ADMIN))
    menuItems.push({ path: '/users', label: '用户管理', icon: <TeamOutlined /> });
  return <CityShell appTitle={APP_TITLE} menuItems={menuItems} />;
}

function NotFound() {
  return <NotFoundPage homeHref={useHref('/')} />;
}
