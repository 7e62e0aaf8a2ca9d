import type { Role, TenantLevel } from '@xiangmeng/domain';
import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { SignInTier } from '../features/auth/sign-in.page';
import { RequireViewer } from '../features/auth/require-viewer.guard';
import { ChunkLoadBoundary } from '../shared/chunk-load.boundary';
import { PageLoading } from '../shared/page-loading';
import { LazySignInPage, LazyWorkbenchPage, sharedRoutes } from './shared-routes';

/**
 * A tier's whole app: sign-in, the guard for the tier's level, its shell and home page (工作台 by
 * default), the tier's own pages, then the shared pages.
 */
export function TierApp({
  tier,
  appTitle,
  level,
  noAccessReason,
  home = <LazyWorkbenchPage />,
  routes,
  staffRoles,
  adminRoles,
  shell,
}: {
  tier: SignInTier;
  appTitle: string;
  level: TenantLevel;
  /** shown to a signed-in user of another tier */
  noAccessReason: string;
  home?: ReactNode;
  /** Pages only this tier serves, as <Route> elements (below the shell, beside the shared ones). */
  routes?: ReactNode;
  staffRoles: readonly Role[];
  adminRoles: readonly Role[];
  /**
   * The signed-in frame with the tier's menu (a TierShell), which the app loads lazily: the menu's
   * icons and the frame are not needed before sign-in.
   */
  shell: ReactNode;
}) {
  return (
    <ChunkLoadBoundary>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LazySignInPage tier={tier} appTitle={appTitle} />} />
          <Route element={<RequireViewer level={level} noAccessReason={noAccessReason} />}>
            <Route element={shell}>
              <Route index element={home} />
              {routes}
              {sharedRoutes({ staffRoles, adminRoles })}
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </ChunkLoadBoundary>
  );
}
