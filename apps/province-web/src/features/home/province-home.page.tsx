import { Flex } from 'antd';
import { DivisionsPage } from '../divisions/divisions.page';
import { FilingCountsCard } from './filing-counts.card';

/** 全省市州: the divisions table and the filings each city sent (the staff's home before 工作台). */
export function ProvinceDivisionsPage() {
  return (
    <Flex vertical gap={16}>
      <DivisionsPage />
      <FilingCountsCard />
    </Flex>
  );
}
