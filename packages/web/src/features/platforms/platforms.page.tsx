import { useQuery } from '@apollo/client/react';
import { PLATFORM_KIND_LABELS, PLATFORM_STATUS_LABELS, type PlatformStatus } from '@xiangmeng/domain';
import { Card, Empty, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PlatformFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { ExportButton } from '../../shared/export-button';
import { LoadFailure } from '../../shared/page-states';
import { PlatformsQuery } from './platforms.operations';
import { ListTable } from '../../shared/list-table';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<PlatformStatus, string> = {
  RECOGNISED: 'green',
  RECTIFYING: 'orange',
  REMOVED: 'default',
};
const STATUS_OPTIONS = Object.entries(PLATFORM_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(PLATFORM_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function PlatformStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status as PlatformStatus] ?? 'default'}>{label}</Tag>;
}

const columns: TableColumnsType<PlatformFieldsFragment> = [
  {
    title: '平台名称',
    dataIndex: 'name',
    ellipsis: true,
    render: (name: string, p) => <Link to={`/platforms/${p.id}`}>{name}</Link>,
  },
  { title: '类别', dataIndex: 'kindLabel', width: 110, ellipsis: true },
  { title: '级别', dataIndex: 'levelLabel', width: 60 },
  { title: '依托单位', dataIndex: 'hostName', width: 130, ellipsis: true },
  { title: '联盟', dataIndex: 'allianceName', width: 140, ellipsis: true },
  { title: '领域', dataIndex: 'fieldName', width: 90, ellipsis: true },
  { title: '认定日期', dataIndex: 'recognisedOn', width: 100 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 120,
    render: (_: string, p) => (
      <Flex vertical gap={2}>
        <span>
          <PlatformStatusTag status={p.status} label={p.statusLabel} />
        </span>
        {p.rectificationDueOn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            整改至 {p.rectificationDueOn}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
];

/**
 * 创新平台 (Art. 15): the platforms recognised by the authority (and, for a city, those of its
 * alliances the province recognised), with their standing. Recognition runs as a programme of
 * the kind 创新平台认定 through 支持计划 and 项目申报.
 */
export function PlatformsPage() {
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(PlatformsQuery, {
    variables: { filter: { status, kind, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  return (
    <Card title="创新平台名录" extra={<ExportButton list="platforms" filter={{ status, kind }} />}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="类别"
          options={KIND_OPTIONS}
          style={{ width: 170 }}
          value={kind}
          onChange={(v: string | undefined) => {
            setKind(v ?? null);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="状态"
          options={STATUS_OPTIONS}
          style={{ width: 120 }}
          value={status}
          onChange={(v: string | undefined) => {
            setStatus(v ?? null);
            setPage(1);
          }}
        />
      </Flex>
      <ListTable<PlatformFieldsFragment>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.platforms.items ?? []}
        tableLayout="fixed"
        locale={{
          emptyText: (
            <Empty description="尚无创新平台：平台经「创新平台认定」类支持计划的申报、评审和认定后进入名录" />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.platforms.totalCount ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </Card>
  );
}
