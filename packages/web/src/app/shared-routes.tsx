import { Role } from '@xiangmeng/domain';
import { lazy } from 'react';
import { Outlet, Route, useHref } from 'react-router';
import { RequireRole } from '../features/auth/require-viewer.guard';
import { LazyNotFoundPage } from '../shared/lazy-page-states';

// Each page loads its own chunk; the first screen needs only the providers, the guard and the shell's frame.
const UserManagementPage = lazy(() =>
  import('../features/users/user-management.page').then((m) => ({ default: m.UserManagementPage })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit/audit-log.page').then((m) => ({ default: m.AuditLogPage })),
);
const MeasuresPage = lazy(() =>
  import('../features/measures/measures.page').then((m) => ({ default: m.MeasuresPage })),
);
const AllianceRegisterPage = lazy(() =>
  import('../features/alliances/alliance-register.page').then((m) => ({ default: m.AllianceRegisterPage })),
);
const RegisterAlliancePage = lazy(() =>
  import('../features/alliances/register-alliance.page').then((m) => ({ default: m.RegisterAlliancePage })),
);
const AllianceDetailPage = lazy(() =>
  import('../features/alliances/alliance-detail.page').then((m) => ({ default: m.AllianceDetailPage })),
);
const WorkListPage = lazy(() =>
  import('../features/work-list/work-list.page').then((m) => ({ default: m.WorkListPage })),
);
const PilotCallsPage = lazy(() =>
  import('../features/calls/pilot-calls.page').then((m) => ({ default: m.PilotCallsPage })),
);
const NewPilotApplicationPage = lazy(() =>
  import('../features/pilots/new-pilot-application.page').then((m) => ({
    default: m.NewPilotApplicationPage,
  })),
);
const PilotApplicationsPage = lazy(() =>
  import('../features/pilots/pilot-applications.page').then((m) => ({ default: m.PilotApplicationsPage })),
);
const PilotApplicationDetailPage = lazy(() =>
  import('./pilot-application.route').then((m) => ({ default: m.PilotApplicationRoute })),
);
const PilotApplicationPrintPage = lazy(() =>
  import('../features/pilots/pilot-print.pages').then((m) => ({ default: m.PilotApplicationPrintPage })),
);
const PilotDecisionPrintPage = lazy(() =>
  import('../features/pilots/pilot-print.pages').then((m) => ({ default: m.PilotDecisionPrintPage })),
);
const ReviewSummaryPrintPage = lazy(() =>
  import('../features/reviews/review-summary.print').then((m) => ({ default: m.ReviewSummaryPrintPage })),
);
const ConfirmedPilotsPage = lazy(() =>
  import('../features/pilots/confirmed-pilots.page').then((m) => ({ default: m.ConfirmedPilotsPage })),
);
const ExpertPoolPage = lazy(() =>
  import('../features/reviews/expert-pool.page').then((m) => ({ default: m.ExpertPoolPage })),
);
const CallRankingPage = lazy(() =>
  import('../features/reviews/call-ranking.page').then((m) => ({ default: m.CallRankingPage })),
);
const MyReviewsPage = lazy(() =>
  import('../features/reviews/my-reviews.page').then((m) => ({ default: m.MyReviewsPage })),
);
const ReviewSheetPage = lazy(() =>
  import('../features/reviews/review-sheet.page').then((m) => ({ default: m.ReviewSheetPage })),
);
const ProgrammesPage = lazy(() =>
  import('../features/programmes/programmes.page').then((m) => ({ default: m.ProgrammesPage })),
);
const DebarmentsPage = lazy(() =>
  import('../features/programmes/debarments.page').then((m) => ({ default: m.DebarmentsPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/projects/projects.page').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('../features/projects/project-detail.page').then((m) => ({ default: m.ProjectDetailPage })),
);
const FinancingNeedsPage = lazy(() =>
  import('../features/finance/financing-needs.page').then((m) => ({ default: m.FinancingNeedsPage })),
);
const FinancingEventsPage = lazy(() =>
  import('../features/finance/financing-events.page').then((m) => ({ default: m.FinancingEventsPage })),
);
const FinancingRecordsPage = lazy(() =>
  import('../features/finance/financing-records.page').then((m) => ({ default: m.FinancingRecordsPage })),
);
const CompensationClaimsPage = lazy(() =>
  import('../features/finance/compensation-claims.page').then((m) => ({ default: m.CompensationClaimsPage })),
);
const FinancingStatisticsPage = lazy(() =>
  import('../features/finance/financing-statistics.page').then((m) => ({
    default: m.FinancingStatisticsPage,
  })),
);
const IpRegisterPage = lazy(() =>
  import('../features/ip-register/ip-register.page').then((m) => ({ default: m.IpRegisterPage })),
);
const InternationalProjectsPage = lazy(() =>
  import('../features/international/international-projects.page').then((m) => ({
    default: m.InternationalProjectsPage,
  })),
);
const InternationalProjectPage = lazy(() =>
  import('../features/international/international-project.page').then((m) => ({
    default: m.InternationalProjectPage,
  })),
);
const CooperationBasesPage = lazy(() =>
  import('../features/international/cooperation-bases.page').then((m) => ({
    default: m.CooperationBasesPage,
  })),
);
const PlatformsPage = lazy(() =>
  import('../features/platforms/platforms.page').then((m) => ({ default: m.PlatformsPage })),
);
const EvaluationRoundsPage = lazy(() =>
  import('../features/platforms/evaluation-rounds.page').then((m) => ({ default: m.EvaluationRoundsPage })),
);
const EvaluationRoundPage = lazy(() =>
  import('../features/platforms/evaluation-round.page').then((m) => ({ default: m.EvaluationRoundPage })),
);
const PlatformEvaluationSheetPage = lazy(() =>
  import('../features/reviews/platform-evaluation-sheet.page').then((m) => ({
    default: m.PlatformEvaluationSheetPage,
  })),
);
const PlatformDetailPage = lazy(() =>
  import('../features/platforms/platform-detail.page').then((m) => ({ default: m.PlatformDetailPage })),
);
const ProgrammeCallsPage = lazy(() =>
  import('../features/programmes/programme-calls.page').then((m) => ({ default: m.ProgrammeCallsPage })),
);
const ProgrammeApplicationsPage = lazy(() =>
  import('../features/programmes/programme-applications.page').then((m) => ({
    default: m.ProgrammeApplicationsPage,
  })),
);
const ProgrammeApplicationPage = lazy(() =>
  import('../features/programmes/programme-application.page').then((m) => ({
    default: m.ProgrammeApplicationPage,
  })),
);
const ProgrammeApplicationPrintPage = lazy(() =>
  import('../features/programmes/programme-application.print').then((m) => ({
    default: m.ProgrammeApplicationPrintPage,
  })),
);
const ProjectTaskContractPrintPage = lazy(() =>
  import('../features/projects/project-task-contract.print').then((m) => ({
    default: m.ProjectTaskContractPrintPage,
  })),
);
const PriorInvestmentsPage = lazy(() =>
  import('../features/programmes/prior-investments.page').then((m) => ({ default: m.PriorInvestmentsPage })),
);
const FilingRoundsPage = lazy(() =>
  import('../features/filings/filing-rounds.page').then((m) => ({ default: m.FilingRoundsPage })),
);
const FilingsPage = lazy(() =>
  import('../features/filings/filings.page').then((m) => ({ default: m.FilingsPage })),
);
const FilingDetailPage = lazy(() => import('./filing.route').then((m) => ({ default: m.FilingRoute })));
const FilingCertificatePage = lazy(() =>
  import('../features/filings/filing-certificate.page').then((m) => ({ default: m.FilingCertificatePage })),
);

const StatisticsPage = lazy(() =>
  import('../features/statistics/statistics.page').then((m) => ({ default: m.StatisticsPage })),
);

const NoticesPage = lazy(() =>
  import('../features/notices/notices.page').then((m) => ({ default: m.NoticesPage })),
);
const NoticeDetailPage = lazy(() =>
  import('../features/notices/notice-detail.page').then((m) => ({ default: m.NoticeDetailPage })),
);
const MessagesPage = lazy(() =>
  import('../features/messages/messages.page').then((m) => ({ default: m.MessagesPage })),
);

// 工作台, every role's home unless the app gives its own.
export const LazyWorkbenchPage = lazy(() =>
  import('../features/workbench/workbench.page').then((m) => ({ default: m.WorkbenchPage })),
);

// The sign-in page and the signed-in frame load on demand too.
export const LazySignInPage = lazy(() =>
  import('../features/auth/sign-in.page').then((m) => ({ default: m.SignInPage })),
);

/**
 * The pages both tiers serve, below the app's own home page (`index`). A function, not a component:
 * React Router reads <Route> elements only, so call it inside the shell's <Route>.
 */
export function sharedRoutes({
  staffRoles,
  adminRoles,
}: {
  /** the tier's administrators and officers: the register, measures, pilots, filings and the expert pool */
  staffRoles: readonly Role[];
  /** who manages the tier's user accounts */
  adminRoles: readonly Role[];
}) {
  return (
    <>
      <Route
        path="users"
        element={
          <RequireRole roles={adminRoles}>
            <UserManagementPage />
          </RequireRole>
        }
      />
      <Route
        path="audit"
        element={
          <RequireRole roles={adminRoles}>
            <AuditLogPage />
          </RequireRole>
        }
      />
      <Route
        element={
          <RequireRole roles={staffRoles}>
            <Outlet />
          </RequireRole>
        }
      >
        <Route path="measures/*" element={<MeasuresPage />} />
        <Route path="alliances">
          <Route index element={<AllianceRegisterPage />} />
          <Route path="new" element={<RegisterAlliancePage />} />
          <Route path=":allianceId" element={<AllianceDetailPage />} />
        </Route>
        <Route path="pilots">
          <Route path="calls" element={<PilotCallsPage />} />
          <Route path="applications" element={<PilotApplicationsPage />} />
          <Route path="applications/new" element={<NewPilotApplicationPage />} />
          <Route path="applications/:applicationId" element={<PilotApplicationDetailPage />} />
          <Route path="applications/:applicationId/print" element={<PilotApplicationPrintPage />} />
          <Route path="applications/:applicationId/print/reviews" element={<ReviewSummaryPrintPage />} />
          <Route path="applications/:applicationId/print/decision" element={<PilotDecisionPrintPage />} />
          <Route path="confirmed" element={<ConfirmedPilotsPage />} />
        </Route>
        <Route path="filings">
          <Route index element={<FilingsPage />} />
          <Route path="rounds" element={<FilingRoundsPage />} />
          <Route path=":filingId" element={<FilingDetailPage />} />
          <Route path=":filingId/certificate" element={<FilingCertificatePage />} />
        </Route>
        <Route path="programmes">
          <Route index element={<ProgrammesPage />} />
          <Route path="debarments" element={<DebarmentsPage />} />
          <Route path="calls" element={<ProgrammeCallsPage />} />
          <Route path="applications" element={<ProgrammeApplicationsPage />} />
          <Route path="applications/:applicationId" element={<ProgrammeApplicationPage />} />
          <Route path="applications/:applicationId/print" element={<ProgrammeApplicationPrintPage />} />
          <Route path="investments" element={<PriorInvestmentsPage />} />
          <Route path="ip-register" element={<IpRegisterPage />} />
        </Route>
        <Route path="finance">
          <Route path="needs" element={<FinancingNeedsPage />} />
          <Route path="events" element={<FinancingEventsPage />} />
          <Route path="records" element={<FinancingRecordsPage />} />
          <Route path="claims" element={<CompensationClaimsPage />} />
          <Route path="statistics" element={<FinancingStatisticsPage />} />
        </Route>
        <Route path="projects">
          <Route index element={<ProjectsPage />} />
          <Route path=":projectId" element={<ProjectDetailPage />} />
          <Route path=":projectId/print" element={<ProjectTaskContractPrintPage />} />
        </Route>
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="international">
          <Route path="projects" element={<InternationalProjectsPage />} />
          <Route path="projects/:projectId" element={<InternationalProjectPage />} />
          <Route path="bases" element={<CooperationBasesPage />} />
        </Route>
        <Route path="platforms">
          <Route index element={<PlatformsPage />} />
          <Route path="evaluation-rounds" element={<EvaluationRoundsPage />} />
          <Route path="evaluation-rounds/:roundId" element={<EvaluationRoundPage />} />
          <Route path=":platformId" element={<PlatformDetailPage />} />
        </Route>
        <Route path="reviews">
          <Route path="experts" element={<ExpertPoolPage />} />
          <Route path="calls/:callId/ranking" element={<CallRankingPage />} />
        </Route>
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
        <Route path="platform-evaluations/:taskId" element={<PlatformEvaluationSheetPage />} />
      </Route>
      {/* Everyone signed in: experts and staff alike have things waiting for them. */}
      <Route path="work" element={<WorkListPage />} />
      <Route path="messages" element={<MessagesPage />} />
      <Route path="notices">
        <Route index element={<NoticesPage />} />
        <Route path=":noticeId" element={<NoticeDetailPage />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </>
  );
}

function NotFound() {
  return <LazyNotFoundPage homeHref={useHref('/')} />;
}
