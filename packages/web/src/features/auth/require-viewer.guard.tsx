import { isAdmin, Role, type TenantLevel } from '@xiangmeng/domain';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LazyForbiddenPage, LazyLoadFailure, LazyNoAccessPage } from '../../shared/lazy-page-states';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer, useViewer } from './viewer.provider';

export type SignInRedirectState = { from?: string };

/**
 * Admits only a signed-in user of the app's own tier; others go to sign-in, and a user of the
 * other tier sees a no-access page (the session cookie is shared by both apps on one origin).
 * An expert lands on their workbench and sees only it, their review tasks, the work list and messages.
 */
export function RequireViewer({ level, noAccessReason }: { level: TenantLevel; noAccessReason: string }) {
  const { viewer, loading, error, retry } = useViewer();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!viewer && error) return <LazyLoadFailure error={error} onRetry={retry} />;
  if (!viewer) {
    const state: SignInRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (viewer.tenant.level !== level) return <LazyNoAccessPage reason={noAccessReason} />;
  // An expert's reduced view: the workbench, the work list, the assigned reviews and messages,
  // nothing of the staff's pages.
  if (viewer.roles.includes(Role.EXPERT) && !isExpertPath(location.pathname)) {
    return <Navigate to={EXPERT_HOME} replace />;
  }
  return <Outlet />;
}

const EXPERT_HOME = '/';
const EXPERT_PATHS = ['/work', '/reviews/mine', '/messages'];

function isExpertPath(pathname: string): boolean {
  return (
    pathname === EXPERT_HOME ||
    EXPERT_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))
  );
}

/** Shows the page only to holders of one of `roles`; the API enforces the same rule. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const viewer = useSignedInViewer();
  return viewer.roles.some((r) => roles.includes(r)) ? children : <LazyForbiddenPage />;
}

export function useIsAdmin(): boolean {
  return isAdmin(useSignedInViewer().roles);
}
