export { createApolloClient } from './app/apollo-client';
export { WebAppProviders } from './app/web-app-providers';
export { ForbiddenPage, LoadFailure, NotFoundPage } from './shared/page-states';
export { PageLoading } from './shared/page-loading';
export { TierApp } from './app/tier-app';
export { TierShell } from './app/tier-shell.layout';
export {
  ViewerProvider,
  useSignedInViewer,
  useViewer,
  type Viewer,
  type ViewerState,
} from './features/auth/viewer.provider';
export {
  RequireRole,
  RequireViewer,
  useIsAdmin,
  type SignInRedirectState,
} from './features/auth/require-viewer.guard';
export { NoAccessPage } from './features/auth/no-access.page';
export type { SignInTier } from './features/auth/sign-in.page';
export type { ShellMenuEntry, ShellMenuGroup, ShellMenuItem } from './app/app-shell.layout';
export { FormModal, type FormModalError } from './shared/form-modal';
export { NewAccountFields } from './features/users/user-fields';
export {
  confirmPasswordRules,
  displayNameRules,
  passwordRules,
  roleRules,
  usernameRules,
} from './features/users/account-rules';
export {
  isUnauthenticated,
  showApiErrorOnForm,
  toApiError,
  TransportErrorCode,
  type ApiError,
} from './shared/api-error';
export { useWorkListCounts, type WorkListCounts } from './features/work-list/use-work-list-counts';
export { PilotLevelTag } from './features/calls/call-tags';
export { PilotStateTag } from './features/pilots/pilot-tags';
export { ReviewPanelSection } from './features/reviews/review-panel.section';
export { ObjectionsSection } from './features/pilots/objections.section';
