import { Role } from '@xiangmeng/domain';
import { useSignedInViewer } from '@xiangmeng/web';
import { Flex, Result } from 'antd';
import { DivisionsPage } from '../divisions/divisions.page';
import { FilingCountsCard } from './filing-counts.card';

/**
 * Staff land on the divisions table and the filings each city sent; an expert has no
 * province-wide view, only their tasks.
 */
export function ProvinceHomePage() {
  const viewer = useSignedInViewer();
  const isStaff = viewer.roles.includes(Role.PROVINCE_ADMIN) || viewer.roles.includes(Role.PROVINCE_OFFICER);
  if (isStaff)
    return (
      <Flex vertical gap={16}>
        <DivisionsPage />
        <FilingCountsCard />
      </Flex>
    );
  return (
    <Result status="info" title={`欢迎，${viewer.displayName}`} subTitle="分配给您的评审任务将在此显示。" />
  );
}
