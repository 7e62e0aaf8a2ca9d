import { useQuery } from '@apollo/client/react';
import { findDivision, PILOT_LEVEL_LABELS, type PilotLevel } from '@xiangmeng/domain';
import { Card, Empty, Flex, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { ConfirmedPilotsQuery as ConfirmedPilotsResult } from '../../gql/graphql';
import { PilotLevelTag } from '../calls/call-tags';
import { ConfirmedPilotsQuery } from './pilots.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

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

type PilotListFilter = { year: number | null; level: PilotLevel | null; cityCode: string | null };

/** The filters in the address (from the statistics): the year confirmed, the level, the alliance's city. */
function readFilter(params: URLSearchParams): PilotListFilter {
  const year = Number(params.get('year'));
  const level = params.get('level');
  const city = params.get('city');
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    level: level && Object.hasOwn(PILOT_LEVEL_LABELS, level) ? (level as PilotLevel) : null,
    cityCode: city && findDivision(city) ? city : null,
  };
}

function matches(p: ConfirmedRow, filter: PilotListFilter): boolean {
  if (filter.year !== null && !p.confirmedOn?.startsWith(`${filter.year}-`)) return false;
  if (filter.level !== null && p.level !== filter.level) return false;
  if (filter.cityCode !== null && p.allianceTenant.code !== filter.cityCode) return false;
  return true;
}

/** 试点名单: the public lists of confirmed pilots — this tier's own and the province's. */
export function ConfirmedPilotsPage() {
  const viewer = useSignedInViewer();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const filtered = filter.year !== null || filter.level !== null || filter.cityCode !== null;
  const clear = (key: string) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    setParams(next, { replace: true });
  };
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

  const pilots = (data?.confirmedPilots ?? []).filter((p) => matches(p, filter));
  const byConfirmedDesc = (a: ConfirmedRow, b: ConfirmedRow) => byText(b.confirmedOn, a.confirmedOn);
  const own = pilots.filter((p) => p.authority.id === viewer.tenant.id).sort(byConfirmedDesc);
  const province = pilots.filter((p) => p.authority.level === 'PROVINCE').sort(byConfirmedDesc);
  const table = (rows: ConfirmedRow[], empty: string, testId: string) => (
    <ListTable<ConfirmedRow>
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
      {filtered && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }} data-testid="confirmed-filter">
          <Typography.Text type="secondary">筛选</Typography.Text>
          {filter.year !== null && (
            <Tag closable onClose={() => clear('year')}>
              {filter.year} 年确认
            </Tag>
          )}
          {filter.level !== null && (
            <Tag closable onClose={() => clear('level')}>
              {PILOT_LEVEL_LABELS[filter.level]}
            </Tag>
          )}
          {filter.cityCode !== null && (
            <Tag closable onClose={() => clear('city')}>
              {findDivision(filter.cityCode)?.name}
            </Tag>
          )}
        </Flex>
      )}
      {/* A city's own (市级) pilots are on their own tab: open it when the filter asks for them. */}
      <Tabs items={tabs} defaultActiveKey={filter.level === 'CITY' && tabs.length > 1 ? 'own' : 'province'} />
    </Card>
  );
}
