import { useQuery } from '@apollo/client/react';
import { COOPERATION_MODE_LABELS, type CooperationMode, COUNTRIES } from '@xiangmeng/domain';
import { Card, Empty, Flex, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InternationalProjectFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { ExportButton } from '../../shared/export-button';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { InternationalProjectsQuery } from './international.operations';
import { ListTable } from '../../shared/list-table';

const PAGE_SIZE = 20;
const COUNTRY_OPTIONS = COUNTRIES.filter((c) => c.code !== 'CN').map((c) => ({
  value: c.code,
  label: `${c.name}（${c.code}）`,
}));

export function modeLabel(mode: string | null | undefined): string {
  return mode && Object.hasOwn(COOPERATION_MODE_LABELS, mode)
    ? COOPERATION_MODE_LABELS[mode as CooperationMode]
    : '—';
}

/**
 * 国际合作项目 (Art. 16): the projects awarded under international cooperation programmes, with
 * the foreign partner, its country or region and the mode their award froze; the budget and the
 * ledger are each project's own page.
 */
export function InternationalProjectsPage() {
  const [country, setCountry] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(InternationalProjectsQuery, {
    variables: { filter: { partnerCountry: country, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<InternationalProjectFieldsFragment> = [
    {
      title: '项目名称',
      key: 'title',
      width: 240,
      ellipsis: true,
      render: (_: unknown, p) => <Link to={`/international/projects/${p.id}`}>{p.title}</Link>,
    },
    { title: '外方合作单位', dataIndex: 'partnerName', key: 'partner', width: 220, ellipsis: true },
    { title: '国家或地区', dataIndex: 'partnerCountryName', key: 'country', width: 110 },
    {
      title: '合作方式',
      key: 'mode',
      width: 100,
      render: (_: unknown, p) => <Tag>{modeLabel(p.mode)}</Tag>,
    },
    { title: '承担单位', dataIndex: 'responsibleUnitName', key: 'unit', width: 200, ellipsis: true },
    { title: '立项日期', dataIndex: 'awardedOn', key: 'awardedOn', width: 110 },
    {
      title: '立项金额',
      key: 'award',
      width: 140,
      align: 'right',
      render: (_: unknown, p) => formatFen(p.awardFen),
    },
  ];

  return (
    <Card
      title="国际合作项目"
      extra={
        <Flex gap={8}>
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部国家和地区"
            style={{ width: 220 }}
            value={country ?? undefined}
            onChange={(v) => {
              setCountry(v ?? null);
              setPage(1);
            }}
            options={COUNTRY_OPTIONS}
            data-testid="international-country-filter"
          />
          <ExportButton list="international-projects" filter={{ partnerCountry: country }} />
        </Flex>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <Flex vertical>
          <ListTable<InternationalProjectFieldsFragment>
            rowKey="id"
            columns={columns}
            dataSource={data?.internationalProjects.items ?? []}
            loading={loading && !data}
            scroll={{ x: 1120 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.internationalProjects.totalCount ?? 0,
              showTotal: (total) => `共 ${total} 项`,
              onChange: setPage,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="暂无国际合作项目：国际科技合作计划的申报经立项后在此显示"
                />
              ),
            }}
          />
        </Flex>
      )}
    </Card>
  );
}
