import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { IP_ASSET_KIND_LABELS } from '@xiangmeng/domain';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { IpAssetFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { type IpProject, RecordIpAssetModal, RecordIpLicenceModal } from './ip-register.modals';
import {
  AllianceIpShareQuery,
  IpAssetsQuery,
  IpProjectsQuery,
  ProjectIpShareQuery,
} from './ip-register.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

const PAGE_SIZE = 20;
const KIND_OPTIONS = Object.entries(IP_ASSET_KIND_LABELS).map(([value, label]) => ({ value, label }));

type Share = {
  licences: number;
  inProvince: number;
  inProvinceBasisPoints?: number | null;
  feesFen: string;
  inProvinceFeesFen: string;
};

const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)} %`;

/** 省内许可比例 (Art. 20(3)): of all licences, those to in-province units, with their fees. */
function ShareSummary({ title, share }: { title: string; share: Share | undefined }) {
  if (!share) return null;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 3 }} title={title} style={{ marginBottom: 16 }} data-testid="ip-share">
      <Descriptions.Item label="省内许可占比">
        {share.inProvinceBasisPoints === null || share.inProvinceBasisPoints === undefined
          ? '尚无许可'
          : `${percent(share.inProvinceBasisPoints)}（${share.inProvince}/${share.licences} 项）`}
      </Descriptions.Item>
      <Descriptions.Item label="许可费合计">{formatFen(share.feesFen)}</Descriptions.Item>
      <Descriptions.Item label="其中省内">{formatFen(share.inProvinceFeesFen)}</Descriptions.Item>
    </Descriptions>
  );
}

function participantsOf(contract: unknown): IpProject['participants'] {
  const list = (contract as { participants?: unknown } | null)?.participants;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => {
    const o = (p ?? {}) as { organizationId?: unknown; name?: unknown };
    return typeof o.organizationId === 'string' && typeof o.name === 'string'
      ? [{ organizationId: o.organizationId, name: o.name }]
      : [];
  });
}

/**
 * 知识产权登记 (Art. 20): the assets the projects produced, their owners and the licences granted,
 * with the share licensed to in-province units per project and per alliance. The alliance's city
 * records them for the responsible unit; the awarding authority reads them and may record too.
 */
export function IpRegisterPage() {
  const [params, setParams] = useSearchParams();
  const allianceId = params.get('allianceId');
  const [kind, setKind] = useState<string | null>(null);
  const [projectId, setProjectId] = useState<string | null>(params.get('projectId'));
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<
    | { kind: 'asset'; opening: number }
    | { kind: 'licence'; asset: IpAssetFieldsFragment; opening: number }
    | null
  >(null);
  const [openings, setOpenings] = useState(0);
  const open = (next: { kind: 'asset' } | { kind: 'licence'; asset: IpAssetFieldsFragment }) => {
    setOpenings(openings + 1);
    setDialog({ ...next, opening: openings + 1 });
  };

  const projectsQuery = useQuery(IpProjectsQuery, { fetchPolicy: 'cache-and-network' });
  const projects: IpProject[] = useMemo(
    () =>
      (projectsQuery.data?.projects.items ?? []).map((p) => ({
        id: p.id,
        title: p.title,
        participants: participantsOf(p.contract),
      })),
    [projectsQuery.data],
  );
  const filter = {
    kind,
    projectId,
    allianceId,
    first: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { data, loading, error, refetch } = useQuery(IpAssetsQuery, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  const projectShare = useQuery(ProjectIpShareQuery, {
    variables: { projectId: projectId ?? '' },
    skip: !projectId,
  });
  const allianceShare = useQuery(AllianceIpShareQuery, {
    variables: { allianceId: allianceId ?? '' },
    skip: !allianceId,
  });
  const projectTitle = (id: string) => projects.find((p) => p.id === id)?.title ?? id;

  const columns: TableColumnsType<IpAssetFieldsFragment> = [
    { title: '类别', dataIndex: 'kindLabel', key: 'kind', width: 120 },
    {
      title: '名称',
      key: 'title',
      width: 260,
      render: (_: unknown, a) => (
        <Flex vertical>
          <span>{a.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.number}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '授权日期', dataIndex: 'grantedOn', key: 'grantedOn', width: 110 },
    {
      title: '项目',
      key: 'project',
      width: 200,
      render: (_: unknown, a) => projectTitle(a.projectId),
    },
    {
      title: '权利人',
      key: 'owners',
      width: 240,
      render: (_: unknown, a) => (
        <Flex vertical>
          {a.owners.map((o) => (
            <span key={o.organizationId}>
              {o.name} {percent(o.basisPoints)}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: '许可',
      key: 'licences',
      width: 110,
      render: (_: unknown, a) =>
        a.licences.length === 0
          ? '—'
          : `${a.licences.length} 项（省内 ${a.licences.filter((l) => l.inProvince).length}）`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, a) => (
        <Button size="small" data-testid="ip-licence-new" onClick={() => open({ kind: 'licence', asset: a })}>
          登记许可
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="知识产权登记"
      extra={
        <Space wrap>
          <ExportButton list="ip-assets" filter={{ kind, projectId, allianceId }} />
          {
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="ip-asset-new"
              onClick={() => open({ kind: 'asset' })}
            >
              登记知识产权
            </Button>
          }
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部类别"
          style={{ width: 180 }}
          options={KIND_OPTIONS}
          value={kind}
          onChange={(v: string | undefined) => {
            setKind(v ?? null);
            setPage(1);
          }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部项目"
          style={{ width: 320 }}
          loading={projectsQuery.loading && !projectsQuery.data}
          options={projects.map((p) => ({ value: p.id, label: p.title }))}
          value={projectId}
          onChange={(v: string | undefined) => {
            setProjectId(v ?? null);
            setPage(1);
          }}
        />
        {allianceId && (
          <Tag
            closable
            onClose={() => {
              params.delete('allianceId');
              setParams(params);
            }}
          >
            仅本联盟
          </Tag>
        )}
      </Flex>
      {projectId && <ShareSummary title="本项目" share={projectShare.data?.projectIpRegister.share} />}
      {allianceId && <ShareSummary title="本联盟" share={allianceShare.data?.allianceIpLicenceShare} />}
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<IpAssetFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.ipAssets.items ?? []}
          loading={loading && !data}
          scroll={{ x: 1140 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.ipAssets.totalCount ?? 0,
            showTotal: (total) => `共 ${total} 项`,
            onChange: setPage,
          }}
          expandable={{
            rowExpandable: (a) => a.licences.length > 0,
            expandedRowRender: (a) => (
              <ListTable
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={a.licences}
                columns={[
                  { title: '被许可单位', dataIndex: 'licenseeName', key: 'name' },
                  {
                    title: '信用代码',
                    dataIndex: 'licenseeCreditCode',
                    key: 'code',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: '所在地',
                    dataIndex: 'inProvince',
                    key: 'inProvince',
                    render: (v: boolean) => (v ? <Tag color="green">省内</Tag> : <Tag>省外</Tag>),
                  },
                  {
                    title: '许可费',
                    key: 'fee',
                    render: (_: unknown, l) => (l.paid ? formatFen(l.feeFen) : '无偿'),
                  },
                  { title: '许可日期', dataIndex: 'licensedOn', key: 'licensedOn' },
                ]}
              />
            ),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无登记的知识产权" />,
          }}
        />
      )}
      {dialog?.kind === 'asset' && (
        <RecordIpAssetModal
          key={dialog.opening}
          projects={projects}
          projectId={projectId}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'licence' && (
        <RecordIpLicenceModal key={dialog.opening} asset={dialog.asset} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
