import { TenantLevel } from '@xiangmeng/domain';
import { TierApp } from '@xiangmeng/web';
import { lazy } from 'react';
import { ADMINS, STAFF } from './province-roles';

const ProvinceHomePage = lazy(() =>
  import('./features/home/province-home.page').then((m) => ({ default: m.ProvinceHomePage })),
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
      home={<ProvinceHomePage />}
      staffRoles={STAFF}
      adminRoles={ADMINS}
      shell={<ProvinceShell appTitle={APP_TITLE} />}
    />
  );
}
