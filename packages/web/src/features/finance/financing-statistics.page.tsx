import { useQuery } from '@apollo/client/react';
import { Card, Empty, Flex, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { FinancingStatisticsQuery as StatisticsData } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { FinancingStatisticsQuery } from './finance.operations';
import { ListTable } from '../../shared/list-table';

type Row = StatisticsData['financingStatistics'][number];

const THIS_YEAR = Number(new Date().toISOString().slice(0, 4));
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y} 年` }));

/** 融资统计: financing obtained by alliance enterprises per city, form, institution and year (sums only). */
export function FinancingStatisticsPage() {
  const [year, setYear] = useState<number | null>(null);
  const { data, loading, error, refetch } = useQuery(FinancingStatisticsQuery, {
    variables: { year },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.financingStatistics ?? [];
  const total = rows.reduce((sum, r) => sum + BigInt(r.amountFen), 0n);
  const columns: TableColumnsType<Row> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 90 },
    { title: '市州', dataIndex: 'cityName', key: 'city', width: 160 },
    { title: '方式', dataIndex: 'formLabel', key: 'form', width: 160 },
    { title: '金融机构', dataIndex: 'institutionName', key: 'institution', width: 260, ellipsis: true },
    { title: '笔数', dataIndex: 'records', key: 'records', width: 90, align: 'right' },
    {
      title: '金额',
      key: 'amount',
      width: 180,
      align: 'right',
      render: (_: unknown, r) => formatFen(r.amountFen),
    },
  ];
  return (
    <Card title="融资统计">
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部年度"
          style={{ width: 140 }}
          options={YEARS}
          value={year}
          onChange={(v: number | undefined) => setYear(v ?? null)}
        />
        <Typography.Text type="secondary">合计 {formatFen(total.toString())}</Typography.Text>
      </Flex>
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<Row>
          rowKey={(r) => `${r.year}:${r.tenantId}:${r.form}:${r.institutionId}`}
          columns={columns}
          dataSource={rows}
          loading={loading && !data}
          scroll={{ x: 940 }}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无融资记录" /> }}
        />
      )}
    </Card>
  );
}
