import { isAdmin, type Role, type TenantLevel } from '@xiangmeng/domain';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage, LoadFailure, PageLoading } from '../app/page-states';
import { NoAccessPage } from './no-access.page';
import { useSignedInViewer, useViewer } from './viewer.provider';

export type SignInRedirectState = { from?: string };

/**
 * Admits only a signed-in user of the app's own tier; others go to sign-in, and a user of the
 * other tier sees a no-access page (the session cookie is shared by both apps on one origin).
 */
export function RequireViewer({ level, noAccessReason }: { level: TenantLevel; noAccessReason: string }) {
  const { viewer, loading, error, retry } = useViewer();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!viewer && error) return <LoadFailure error={error} onRetry={retry} />;
  if (!viewer) {
    const state: SignInRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (viewer.tenant.level !== level) return <NoAccessPage reason={noAccessReason} />;
  return <Outlet />;
}

/** Shows the page only to holders of one of `roles`; the API enforces the same rule. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const viewer = useSignedInViewer();
  return viewer.roles.some((r) => roles.includes(r)) ? children : <ForbiddenPage />;
}

export function useIsAdmin(): boolean {
  return isAdmin(useSignedInViewer().roles);
}
