export { createApolloClient } from './apollo/apollo-client';
export { WebAppProviders } from './app/web-app-providers';
export { ForbiddenPage, LoadFailure, NotFoundPage, PageLoading } from './app/page-states';
export {
  ViewerProvider,
  useSignedInViewer,
  useViewer,
  type Viewer,
  type ViewerState,
} from './auth/viewer.provider';
export {
  RequireRole,
  RequireViewer,
  useIsAdmin,
  type SignInRedirectState,
} from './auth/require-viewer.guard';
export { NoAccessPage } from './auth/no-access.page';
export { SignInPage, type SignInTier } from './auth/sign-in.page';
export { AppShell, type ShellMenuItem } from './shell/app-shell.layout';
export { UserManagementPage } from './users/user-management.page';
export { NewAccountFields } from './users/user-fields';
export {
  confirmPasswordRules,
  displayNameRules,
  passwordRules,
  roleRules,
  usernameRules,
} from './users/account-rules';
export {
  isUnauthenticated,
  showApiErrorOnForm,
  toApiError,
  TransportErrorCode,
  type ApiError,
} from './errors/api-error';
export { MeasuresPage } from './measures/measures.page';
export { AllianceRegisterPage } from './register/alliance-register.page';
export { RegisterAlliancePage } from './register/register-alliance.page';
export { AllianceDetailPage } from './register/alliance-detail.page';
export { WorkListPage } from './work-list/work-list.page';
export { useWorkListCounts, type WorkListCounts } from './work-list/use-work-list-counts';
export { MyReviewsPage } from './expert-review/my-reviews.page';
export { ReviewSheetPage } from './expert-review/review-sheet.page';
export { PilotCallsPage } from './pilots/pilot-calls.page';
export { NewPilotApplicationPage } from './pilots/new-pilot-application.page';
export { PilotApplicationsPage } from './pilots/pilot-applications.page';
export { PilotApplicationDetailPage } from './pilots/pilot-application-detail.page';
export { ConfirmedPilotsPage } from './pilots/confirmed-pilots.page';
export { PilotStateTag, PilotLevelTag } from './pilots/pilot-tags';
export { ExpertPoolPage } from './reviews/expert-pool.page';
export { CallRankingPage } from './reviews/call-ranking.page';
export { ReviewPanelSection } from './reviews/review-panel.section';
export { ObjectionsSection } from './reviews/objections.section';
