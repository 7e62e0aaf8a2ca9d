import { Role } from '@xiangmeng/domain';
import { useSignedInViewer } from '@xiangmeng/web';
import { Result } from 'antd';
import { DivisionsPage } from '../divisions/divisions.page';

/** Staff land on the divisions table; an expert has no province-wide view, only their tasks. */
export function ProvinceHomePage() {
  const viewer = useSignedInViewer();
  const isStaff = viewer.roles.includes(Role.PROVINCE_ADMIN) || viewer.roles.includes(Role.PROVINCE_OFFICER);
  if (isStaff) return <DivisionsPage />;
  return (
    <Result status="info" title={`欢迎，${viewer.displayName}`} subTitle="分配给您的评审任务将在此显示。" />
  );
}
