export { createApolloClient } from './apollo/apollo-client';
export { WebAppProviders } from './app/web-app-providers';
export { ForbiddenPage, LoadFailure, NotFoundPage, PageLoading } from './app/page-states';
export { TierApp } from './app/tier-app';
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
export type { SignInTier } from './auth/sign-in.page';
export type { ShellMenuItem } from './shell/app-shell.layout';
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
export { isStaleEdit, StaleEditAlert } from './errors/stale-edit.alert';
export { useWorkListCounts, type WorkListCounts } from './work-list/use-work-list-counts';
export { PilotStateTag, PilotLevelTag } from './pilots/pilot-tags';
export { ReviewPanelSection } from './reviews/review-panel.section';
export { ObjectionsSection } from './reviews/objections.section';
