import { TenantLevel } from '@xiangmeng/domain';
import { TierApp } from '@xiangmeng/web';
import { lazy } from 'react';
import { ADMINS, STAFF } from './city-roles';

const CityShell = lazy(() => import('./city-shell').then((m) => ({ default: m.CityShell })));

const APP_TITLE = '市州工作端';

export function CityApp() {
  return (
    <TierApp
      tier="city"
      appTitle={APP_TITLE}
      level={TenantLevel.CITY}
      noAccessReason="本系统仅供市州科技局用户使用"
      staffRoles={STAFF}
      adminRoles={ADMINS}
      shell={<CityShell appTitle={APP_TITLE} />}
    />
  );
}
