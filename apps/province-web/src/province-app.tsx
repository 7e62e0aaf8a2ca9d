import { TenantLevel } from '@xiangmeng/domain';
import { RequireRole, TierApp } from '@xiangmeng/web';
import { lazy } from 'react';
import { Route } from 'react-router';
import { ADMINS, STAFF } from './province-roles';

const ProvinceDivisionsPage = lazy(() =>
  import('./features/home/province-home.page').then((m) => ({ default: m.ProvinceDivisionsPage })),
);

const ProvinceShell = lazy(() => import('./province-shell').then((m) => ({ default: m.ProvinceShell })));

const APP_TITLE = '省级管理端';

export function ProvinceApp() {
  return (
    <TierApp
      tier="province"
      appTitle={APP_TITLE}
      level={TenantLevel.PROVINCE}
      noAccessReason="本系统仅供湖南省科学技术厅用户使用"
      routes={
        <Route
          path="divisions"
          element={
            <RequireRole roles={STAFF}>
              <ProvinceDivisionsPage />
            </RequireRole>
          }
        />
      }
      staffRoles={STAFF}
      adminRoles={ADMINS}
      shell={<ProvinceShell appTitle={APP_TITLE} />}
    />
  );
}
