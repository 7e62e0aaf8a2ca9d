import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, type TableColumnsType } from 'antd';
import { ExportButton } from '../../shared/export-button';
import { useState } from 'react';
import type { FinancingRecordFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { RecordFinancingModal } from './finance.modals';
import { FinancingRecordsQuery } from './finance.operations';
import { ListTable } from '../../shared/list-table';

/** 融资记录: loans, equity investments, IP-pledge loans and insurance obtained by alliance enterprises. */
export function FinancingRecordsPage() {
  const viewer = useSignedInViewer();
  const [open, setOpen] = useState(false);
  const { data, loading, error, refetch } = useQuery(FinancingRecordsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const columns: TableColumnsType<FinancingRecordFieldsFragment> = [
    { title: '日期', dataIndex: 'grantedOn', key: 'grantedOn', width: 100 },
    { title: '方式', dataIndex: 'formLabel', key: 'form', width: 100 },
    { title: '企业', dataIndex: 'organizationName', key: 'organization', width: 180, ellipsis: true },
    { title: '金融机构', dataIndex: 'institutionName', key: 'institution', width: 170, ellipsis: true },
    {
      title: '金额',
      key: 'amount',
      width: 140,
      align: 'right',
      render: (_: unknown, r) => formatFen(r.amountFen),
    },
    {
      title: '期限',
      key: 'term',
      width: 80,
      render: (_: unknown, r) => (r.termMonths ? `${r.termMonths} 个月` : '—'),
    },
    {
      title: '年利率',
      key: 'rate',
      width: 90,
      render: (_: unknown, r) =>
        r.rateBasisPoints === null || r.rateBasisPoints === undefined
          ? '—'
          : `${(r.rateBasisPoints / 100).toFixed(2)} %`,
    },
    {
      title: '联盟',
      key: 'alliance',
      width: 170,
      ellipsis: true,
      render: (_: unknown, r) => r.allianceName || '—',
    },
    { title: '补偿备案', key: 'registeredOn', width: 110, render: (_: unknown, r) => r.registeredOn ?? '—' },
  ];
  return (
    <Card
      title="融资记录"
      extra={
        <Space wrap>
          <ExportButton list="financing-records" />
          {viewer.tenant.level === 'CITY' && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="record-new"
              onClick={() => setOpen(true)}
            >
              登记融资记录
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<FinancingRecordFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.financingRecords ?? []}
          loading={loading && !data}
          scroll={{ x: 1130 }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 笔` }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无融资记录" /> }}
        />
      )}
      {open && <RecordFinancingModal onClose={() => setOpen(false)} />}
    </Card>
  );
}
