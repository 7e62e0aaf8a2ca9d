import { useQuery } from '@apollo/client/react';
import { Card, Empty, Table, Tabs, type TableColumnsType } from 'antd';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { ConfirmedPilotsQuery as ConfirmedPilotsResult } from '../../gql/graphql';
import { PilotLevelTag } from '../calls/call-tags';
import { ConfirmedPilotsQuery } from './pilots.operations';

type ConfirmedRow = ConfirmedPilotsResult['confirmedPilots'][number];

const COLUMNS: TableColumnsType<ConfirmedRow> = [
  { title: '联盟', dataIndex: 'allianceName' },
  { title: '所属市州', key: 'city', width: 110, render: (_: unknown, p) => p.allianceTenant.name },
  { title: '产业', key: 'industry', width: 140, render: (_: unknown, p) => p.industry.name },
  { title: '级别', key: 'level', width: 100, render: (_: unknown, p) => <PilotLevelTag level={p.level} /> },
  { title: '申报通知', key: 'call', render: (_: unknown, p) => p.call.title },
  { title: '确认日期', dataIndex: 'confirmedOn', width: 110 },
];

/** 试点名单: the public lists of confirmed pilots — this tier's own and the province's. */
export function ConfirmedPilotsPage() {
  const viewer = useSignedInViewer();
  const { data, loading, error, refetch } = useQuery(ConfirmedPilotsQuery, {
    fetchPolicy: 'cache-and-network',
  });

  if (error && !data) {
    return (
      <Card title="试点名单">
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      </Card>
    );
  }

  const pilots = data?.confirmedPilots ?? [];
  const byConfirmedDesc = (a: ConfirmedRow, b: ConfirmedRow) => b.confirmedOn.localeCompare(a.confirmedOn);
  const own = pilots.filter((p) => p.authority.id === viewer.tenant.id).sort(byConfirmedDesc);
  const province = pilots.filter((p) => p.authority.level === 'PROVINCE').sort(byConfirmedDesc);
  const table = (rows: ConfirmedRow[], empty: string, testId: string) => (
    <Table<ConfirmedRow>
      rowKey="applicationId"
      columns={COLUMNS}
      dataSource={rows}
      loading={loading && !data}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
    />
  );

  const tabs =
    viewer.tenant.level === 'PROVINCE'
      ? [
          {
            key: 'province',
            label: '省级试点',
            children: table(province, '暂无确认的省级试点', 'confirmed-province'),
          },
        ]
      : [
          {
            key: 'province',
            label: '省级试点',
            children: table(province, '暂无确认的省级试点', 'confirmed-province'),
          },
          {
            key: 'own',
            label: `本市试点（${viewer.tenant.name}）`,
            children: table(own, '本单位暂无确认的市级试点', 'confirmed-own'),
          },
        ];

  return (
    <Card title="试点名单">
      <Tabs items={tabs} />
    </Card>
  );
}
