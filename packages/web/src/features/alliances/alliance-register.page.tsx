import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  ALLIANCE_STATUS_LABELS,
  FOUNDING_CONDITIONS,
  PILOT_STATUS_LABELS,
  TenantLevel,
  type AllianceStatus,
  type PilotStatus,
  failingConditionsRootFirst,
  foundingFailureSummary,
} from '@xiangmeng/domain';
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { SignInTenantsQuery } from '../auth/viewer.operations';
import { toApiError } from '../../shared/api-error';
import type { AllianceRegisterQuery as AllianceRegisterResult } from '../../gql/graphql';
import { AllianceFilingTag, AllianceStatusTag, NationalPilotTag, PilotStatusTag } from './alliance-tags';
import { IndustryTreeSelect } from '../industries/industry-tree-select';
import { AllianceRegisterQuery } from './alliances.operations';
import {
  type FilterKey,
  filingFilterOptions,
  orderOfColumn,
  readRegisterFilter,
  readRegisterOrder,
} from './register-filter';
import type { AllianceOrder } from '../../gql/graphql';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type AllianceRow = AllianceRegisterResult['alliances']['nodes'][number];

const PAGE_SIZE = 20;

/**
 * 联盟名录: the alliances this bureau registered, filtered, searched and paged by cursor. The
 * province's holds its own and, while their filing is in force, every alliance a city filed with
 * it (row-level security decides), so it adds the city filter and the 市州 column.
 */
export function AllianceRegisterPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const province = viewer.tenant.level === TenantLevel.PROVINCE;
  const filter = readRegisterFilter(params);
  const orderBy = readRegisterOrder(params);
  const tenants = useQuery(SignInTenantsQuery, { skip: !province });
  const filtered = Object.keys(filter).length > 0;
  // The `after` cursor of each page visited so far; the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [searchText, setSearchText] = useState(filter.search ?? '');

  const { data, previousData, loading, error, refetch } = useQuery(AllianceRegisterQuery, {
    variables: { filter, first: PAGE_SIZE, after, orderBy },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.alliances;

  function setFilter(key: FilterKey, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setCursors([null]);
  }

  // Sorting is the server's (the list is paged): a sorter asks for an order and starts at page one.
  function setOrder(next: AllianceOrder) {
    const query = new URLSearchParams(params);
    if (next === 'NEWEST') query.delete('sort');
    else query.set('sort', next);
    setParams(query, { replace: true });
    setCursors([null]);
  }

  const columns: TableColumnsType<AllianceRow> = [
    {
      title: '名称',
      key: 'name',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: orderBy === 'NAME' ? 'ascend' : null,
      render: (_: unknown, a) => <Link to={`/alliances/${a.id}`}>{a.name}</Link>,
    },
    // The province's register is of many cities: it shows each one's city where a city's own
    // register shows the founding date (on the alliance's page for the province).
    ...(province
      ? [{ title: '市州', key: 'tenant', width: 80, render: (_: unknown, a: AllianceRow) => a.tenant.name }]
      : []),
    { title: '产业', key: 'industry', width: 120, render: (_: unknown, a) => a.industry.name },
    ...(province
      ? []
      : [
          {
            title: '发起日期',
            key: 'foundedOn',
            dataIndex: 'foundedOn',
            width: 115,
            sorter: true,
            sortOrder:
              orderBy === 'FOUNDED_OLDEST'
                ? ('ascend' as const)
                : orderBy === 'FOUNDED_NEWEST'
                  ? ('descend' as const)
                  : null,
          },
        ]),
    {
      title: '状态',
      key: 'status',
      width: 90,
      // The lifecycle, and the pilot level (and a national designation) below it when it is a pilot.
      render: (_: unknown, a) => (
        <Flex vertical gap={4} align="start">
          <AllianceStatusTag status={a.status} />
          {a.pilotStatus !== 'NONE' && <PilotStatusTag pilotStatus={a.pilotStatus} />}
          <NationalPilotTag designation={a.nationalPilot} compact />
        </Flex>
      ),
    },
    {
      title: '备案',
      key: 'filing',
      width: 130,
      render: (_: unknown, a) => <AllianceFilingTag filing={a.filing} />,
    },
    {
      title: '理事长单位',
      key: 'chair',
      // A width of its own: beside long alliance names it was squeezed below its header's width.
      width: 160,
      ellipsis: true,
      render: (_: unknown, a) =>
        a.chairMember?.name ?? <Typography.Text type="secondary">未确定</Typography.Text>,
    },
    {
      title: '现有成员数',
      key: 'members',
      align: 'right',
      width: 110,
      render: (_: unknown, a) => a.members.length,
    },
    {
      title: '第八条',
      key: 'foundingCheck',
      width: 140,
      render: (_: unknown, a) => <FoundingSummary check={a.foundingCheck} />,
    },
  ];

  const pageCount = page ? Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE)) : 1;

  return (
    <Card
      title={`联盟名录 · ${viewer.tenant.bureauName}`}
      extra={
        <Space>
          <ExportButton list="alliances" filter={filter} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/alliances/new')}>
            登记联盟
          </Button>
        </Space>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search" aria-label="筛选联盟">
        {province && (
          <Select<string>
            aria-label="市州"
            value={filter.tenantCode ?? undefined}
            onChange={(code) => setFilter('tenantCode', code)}
            placeholder="市州：全部"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            loading={tenants.loading}
            options={(tenants.data?.signInTenants ?? []).map((t) => ({
              value: t.code,
              label: t.level === TenantLevel.PROVINCE ? `${t.name}（本单位）` : t.name,
            }))}
          />
        )}
        <IndustryTreeSelect
          value={filter.industryCode ?? undefined}
          onChange={(code) => setFilter('industryCode', code)}
          placeholder="产业：全部"
          allowClear
          style={{ width: 240 }}
        />
        <Select<AllianceStatus>
          aria-label="状态"
          value={filter.status ?? undefined}
          onChange={(status) => setFilter('status', status)}
          placeholder="状态：全部"
          allowClear
          style={{ width: 140 }}
          options={Object.entries(ALLIANCE_STATUS_LABELS).map(([value, label]) => ({
            value: value as AllianceStatus,
            label,
          }))}
        />
        <Select<PilotStatus>
          aria-label="试点"
          value={filter.pilotStatus ?? undefined}
          onChange={(pilotStatus) => setFilter('pilotStatus', pilotStatus)}
          placeholder="试点：全部"
          allowClear
          style={{ width: 140 }}
          options={Object.entries(PILOT_STATUS_LABELS).map(([value, label]) => ({
            value: value as PilotStatus,
            label,
          }))}
        />
        <Select<string>
          aria-label="备案"
          value={filter.filingState ?? undefined}
          onChange={(filingState) => setFilter('filingState', filingState)}
          placeholder="备案：全部"
          allowClear
          style={{ width: 150 }}
          options={filingFilterOptions(province)}
        />
        <Input.Search
          aria-label="搜索联盟"
          placeholder="联盟或成员名称、信用代码"
          allowClear
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(text) => setFilter('search', text.trim() || undefined)}
          style={{ width: 300 }}
        />
      </Flex>
      {error && !page ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <>
          <ListTable<AllianceRow>
            rowKey="id"
            columns={columns}
            dataSource={page?.nodes ?? []}
            // Cached rows show at once; the spinner is for a page not read yet (a new filter or page).
            loading={loading && !data}
            pagination={false}
            onChange={(_pagination, _filters, sorter) => {
              const sorted = Array.isArray(sorter) ? sorter[0] : sorter;
              setOrder(orderOfColumn(sorted?.columnKey, sorted?.order));
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? '没有符合条件的联盟'
                      : province
                        ? '本单位尚未登记联盟，也没有市州已备案的联盟'
                        : '本单位尚未登记联盟'
                  }
                />
              ),
            }}
          />
          {page && page.totalCount > 0 && (
            <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
              <Typography.Text type="secondary" data-testid="register-total">
                共 {page.totalCount} 个联盟 · 第 {cursors.length} / {pageCount} 页
              </Typography.Text>
              <Space>
                <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                  上一页
                </Button>
                <Button
                  disabled={!page.pageInfo.hasNextPage || !page.pageInfo.endCursor}
                  onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}
                >
                  下一页
                </Button>
              </Space>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}

/** 「6/6 满足」, or how many hold and which articles fail, each article named in the tooltip. */
function FoundingSummary({ check }: { check: AllianceRow['foundingCheck'] }) {
  const failing = check.conditions.filter((c) => !c.holds);
  const held = check.conditions.length - failing.length;
  if (check.allHold) return <Tag color="success">{`${held}/${FOUNDING_CONDITIONS.length} 满足`}</Tag>;
  return (
    <Tooltip title={`不满足：${foundingFailureSummary(check)}`}>
      <Flex vertical gap={2}>
        <span>
          <Tag color="warning">{`${held}/${FOUNDING_CONDITIONS.length} 满足`}</Tag>
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {/* The root cause first; conditions that fail only because of it are not repeated. */}
          不满足：
          {failingConditionsRootFirst(check)
            .filter((c) => !c.dependsOn)
            .map(
              (c) =>
                c.article.replace(/^第八条/, '') +
                (check.rootCauses.includes(c.condition) ? '（根本原因）' : ''),
            )
            .join('、')}
          {check.rootCauses.length > 0 && `，另有 ${failing.filter((c) => c.dependsOn).length} 项因此不满足`}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}
