import { useQuery } from '@apollo/client/react';
import { Card, Empty, Table, type TableColumnsType, Tabs } from 'antd';
import { Link } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { ConfirmedPilotsQuery as ConfirmedPilotsResult } from '../../gql/graphql';
import { PilotLevelTag } from '../calls/call-tags';
import { ConfirmedPilotsQuery } from './pilots.operations';
import { ExportButton } from '../../shared/export-button';

type ConfirmedRow = ConfirmedPilotsResult['confirmedPilots'][number];

const byText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').localeCompare(b ?? '', 'zh-CN');

/** The columns, with the alliance's name a link to what this tier may open of it. */
function columnsFor(tenantId: string): TableColumnsType<ConfirmedRow> {
  return [
    {
      title: '联盟',
      key: 'alliance',
      width: 240,
      sorter: (a, b) => byText(a.allianceName, b.allianceName),
      render: (_: unknown, p) => {
        // Its own alliance a tier opens in the register; another's pilot through the application it decided.
        if (p.allianceTenant.id === tenantId)
          return <Link to={`/alliances/${p.allianceId}`}>{p.allianceName}</Link>;
        if (p.applicationId && p.authority.id === tenantId)
          return <Link to={`/pilots/applications/${p.applicationId}`}>{p.allianceName}</Link>;
        return p.allianceName;
      },
    },
    {
      title: '所属市州',
      key: 'city',
      width: 130,
      sorter: (a, b) => byText(a.allianceTenant.name, b.allianceTenant.name),
      render: (_: unknown, p) => p.allianceTenant.name,
    },
    {
      title: '产业',
      key: 'industry',
      width: 140,
      sorter: (a, b) => byText(a.industry.name, b.industry.name),
      render: (_: unknown, p) => p.industry.name,
    },
    { title: '级别', key: 'level', width: 100, render: (_: unknown, p) => <PilotLevelTag level={p.level} /> },
    {
      title: '申报通知',
      key: 'call',
      width: 220,
      render: (_: unknown, p) => p.call?.title ?? '登记在册（未经本系统申报）',
    },
    {
      title: '确认日期',
      key: 'confirmedOn',
      width: 120,
      sorter: (a, b) => byText(a.confirmedOn, b.confirmedOn),
      render: (_: unknown, p) => p.confirmedOn ?? '—',
    },
  ];
}

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
  const byConfirmedDesc = (a: ConfirmedRow, b: ConfirmedRow) => byText(b.confirmedOn, a.confirmedOn);
  const own = pilots.filter((p) => p.authority.id === viewer.tenant.id).sort(byConfirmedDesc);
  const province = pilots.filter((p) => p.authority.level === 'PROVINCE').sort(byConfirmedDesc);
  const table = (rows: ConfirmedRow[], empty: string, testId: string) => (
    <Table<ConfirmedRow>
      rowKey={(p) => `${p.authority.id}:${p.allianceId}`}
      columns={columnsFor(viewer.tenant.id)}
      scroll={{ x: 'max-content' }}
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
    <Card title="试点名单" extra={<ExportButton list="confirmed-pilots" />}>
      <Tabs items={tabs} />
    </Card>
  );
}
