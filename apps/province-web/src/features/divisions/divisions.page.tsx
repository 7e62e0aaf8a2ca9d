import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@xiangmeng/domain';
import { LoadFailure, toApiError, useSignedInViewer } from '@xiangmeng/web';
import { App, Button, Card, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DivisionsQuery as DivisionsResult } from '../../gql/graphql';
import { CreateCityAdminModal, type DivisionTenant } from './create-city-admin.modal';
import { DivisionsQuery } from './divisions.operations';

type DivisionSummary = DivisionsResult['divisions'][number];
type CountKey =
  'userCount' | 'allianceCount' | 'establishedCount' | 'cityPilotCount' | 'provincialPilotCount';

const COUNT_COLUMNS: ReadonlyArray<{ key: CountKey; title: string }> = [
  { key: 'userCount', title: '用户数' },
  { key: 'allianceCount', title: '联盟数' },
  { key: 'establishedCount', title: '已成立' },
  { key: 'cityPilotCount', title: '市级试点' },
  { key: 'provincialPilotCount', title: '省级试点' },
];

/**
 * 全省市州: the 14 divisions with the aggregates the province may see of each; a division opens
 * into the province's register filtered by it (the alliances it filed).
 */
export function DivisionsPage() {
  const viewer = useSignedInViewer();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(DivisionsQuery, { fetchPolicy: 'cache-and-network' });
  const [adminFor, setAdminFor] = useState<DivisionTenant | null>(null);
  const canCreateCityAdmin = viewer.roles.includes(Role.PROVINCE_ADMIN);

  // Aggregates only: the province sees counts of a city's register, never its records.
  const columns: TableColumnsType<DivisionSummary> = [
    { title: '代码', key: 'code', width: 100, render: (_: unknown, d) => d.tenant.code },
    {
      title: '名称',
      key: 'name',
      // The province reads a city's alliances only once filed: the register filtered by the city.
      render: (_: unknown, d) => (
        <Tooltip title="查看该市州已备案的联盟">
          <Link to={`/alliances?tenantCode=${d.tenant.code}`} data-testid="division-register">
            {d.tenant.name}
          </Link>
        </Tooltip>
      ),
    },
    { title: '科技局', key: 'bureauName', render: (_: unknown, d) => d.tenant.bureauName },
    ...COUNT_COLUMNS.map(({ key, title }) => ({ title, dataIndex: key, align: 'right' as const, width: 90 })),
  ];
  if (canCreateCityAdmin) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_: unknown, d) => (
        <Button type="link" icon={<UserAddOutlined />} onClick={() => setAdminFor(d.tenant)}>
          创建市州管理员
        </Button>
      ),
    });
  }

  return (
    <Card title="全省市州" data-testid="divisions">
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <Table<DivisionSummary>
          rowKey={(d) => d.tenant.id}
          columns={columns}
          dataSource={data?.divisions ?? []}
          loading={loading && !data}
          pagination={false}
          summary={(divisions) => <TotalRow divisions={divisions} withActions={canCreateCityAdmin} />}
        />
      )}
      <CreateCityAdminModal
        division={adminFor}
        onClose={() => setAdminFor(null)}
        onCreated={(displayName, division) => {
          setAdminFor(null);
          void message.success(`已为${division.name}创建管理员「${displayName}」`);
          void refetch().catch(() => undefined);
        }}
      />
    </Card>
  );
}

/** 全省合计: the sum of each count over the divisions. */
function TotalRow({
  divisions,
  withActions,
}: {
  divisions: readonly DivisionSummary[];
  withActions: boolean;
}) {
  if (divisions.length === 0) return null;
  return (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0} colSpan={3}>
        全省合计
      </Table.Summary.Cell>
      {COUNT_COLUMNS.map(({ key }, i) => (
        <Table.Summary.Cell key={key} index={3 + i} align="right">
          {divisions.reduce((sum, d) => sum + d[key], 0)}
        </Table.Summary.Cell>
      ))}
      {withActions && <Table.Summary.Cell index={3 + COUNT_COLUMNS.length} />}
    </Table.Summary.Row>
  );
}
