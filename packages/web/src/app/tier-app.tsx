import type { Role, TenantLevel } from '@xiangmeng/domain';
import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { SignInTier } from '../features/auth/sign-in.page';
import { RequireViewer } from '../features/auth/require-viewer.guard';
import type { Viewer } from '../features/auth/viewer.provider';
import type { ShellMenuItem } from './app-shell.layout';
import { TierShell } from './tier-shell.layout';
import { PageLoading } from '../shared/page-states';
import { LazySignInPage, sharedRoutes } from './shared-routes';

/** A tier's whole app: sign-in, the guard for the tier's level, its shell and home page, then the shared pages. */
export function TierApp({
  tier,
  appTitle,
  level,
  noAccessReason,
  home,
  staffRoles,
  adminRoles,
  staffMenu,
}: {
  tier: SignInTier;
  appTitle: string;
  level: TenantLevel;
  /** shown to a signed-in user of another tier */
  noAccessReason: string;
  home: ReactNode;
  staffRoles: readonly Role[];
  adminRoles: readonly Role[];
  staffMenu: (viewer: Viewer, todo: ShellMenuItem) => ShellMenuItem[];
}) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LazySignInPage tier={tier} appTitle={appTitle} />} />
        <Route element={<RequireViewer level={level} noAccessReason={noAccessReason} />}>
          <Route element={<TierShell appTitle={appTitle} staffMenu={staffMenu} />}>
            <Route index element={home} />
            {sharedRoutes({ staffRoles, adminRoles })}
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
