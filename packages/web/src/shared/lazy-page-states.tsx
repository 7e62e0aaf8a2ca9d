import { lazy } from 'react';

// The rare states the first screen can end in (load failure, another tier, a page not there), loaded
// only when shown: they bring antd's Result and its illustrations, a tenth of the first download.
export const LazyLoadFailure = lazy(() => import('./page-states').then((m) => ({ default: m.LoadFailure })));
export const LazyForbiddenPage = lazy(() =>
  import('./page-states').then((m) => ({ default: m.ForbiddenPage })),
);
export const LazyNotFoundPage = lazy(() =>
  import('./page-states').then((m) => ({ default: m.NotFoundPage })),
);
export const LazyNoAccessPage = lazy(() =>
  import('../features/auth/no-access.page').then((m) => ({ default: m.NoAccessPage })),
);
