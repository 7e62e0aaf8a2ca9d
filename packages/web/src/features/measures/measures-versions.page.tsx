import { PlusOutlined } from '@ant-design/icons';
import { chinaDateTime } from '../../shared/format';
import { useQuery } from '@apollo/client/react';
import { TenantLevel } from '@xiangmeng/domain';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useIsAdmin } from '../auth/require-viewer.guard';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type {
  MeasuresFieldsFragment,
  MeasuresInForceQuery as MeasuresInForceResult,
} from '../../gql/graphql';
import { MEASURES_STATUS_LABELS } from '@xiangmeng/domain';
import { MeasuresInForceQuery, MeasuresVersionsQuery } from './measures.operations';
import { usePublishMeasures } from './publish-measures';
import { ListTable } from '../../shared/list-table';

type Measures = MeasuresFieldsFragment;
type InForce = MeasuresInForceResult['measuresInForce'];

/**
 * 实施办法: the tier's own versions (drafts editable, publishable by admins), the parent tier's
 * published versions read-only, and which ones are in force today (Art. 21–22).
 */
export function MeasuresVersionsPage() {
  const viewer = useSignedInViewer();
  const isCity = viewer.tenant.level === TenantLevel.CITY;
  const versions = useQuery(MeasuresVersionsQuery, { fetchPolicy: 'cache-and-network' });
  const inForce = useQuery(MeasuresInForceQuery, { fetchPolicy: 'cache-and-network' });
  const navigate = useNavigate();

  const failure = (versions.error && !versions.data) || (inForce.error && !inForce.data);
  if (failure) {
    return (
      <Card title="实施办法">
        <LoadFailure
          error={toApiError(versions.error ?? inForce.error)}
          onRetry={() => {
            void versions.refetch().catch(() => undefined);
            void inForce.refetch().catch(() => undefined);
          }}
        />
      </Card>
    );
  }

  const all = versions.data?.measuresVersions ?? [];
  const own = all.filter((m) => m.tenantId === viewer.tenant.id);
  const parent = all.filter((m) => m.tenantId !== viewer.tenant.id);
  const current = inForce.data?.measuresInForce;
  const inForceIds = new Set([current?.province.id, current?.local?.id].filter((id) => id !== undefined));
  const loading = (versions.loading && !versions.data) || (inForce.loading && !inForce.data);

  return (
    <Flex vertical gap={16}>
      <Card title="今日生效的实施办法" loading={loading && !current}>
        {current && <InForceSummary inForce={current} isCity={isCity} />}
      </Card>
      <Card
        title={isCity ? `本市实施办法 · ${viewer.tenant.name}` : '省级实施办法'}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/measures/new')}>
            {isCity ? '新建本市实施办法' : '新建版本'}
          </Button>
        }
      >
        {isCity && (
          <Typography.Paragraph type="secondary">
            本市实施办法参照省级实施办法制定（第二十一条），只写明需要覆盖的参数；其余参数执行省级规定。
          </Typography.Paragraph>
        )}
        <VersionsTable versions={own} inForceIds={inForceIds} loading={loading} editable />
      </Card>
      {isCity && (
        <Card title="省级实施办法（只读）">
          <VersionsTable versions={parent} inForceIds={inForceIds} loading={loading} editable={false} />
        </Card>
      )}
    </Flex>
  );
}

function InForceSummary({ inForce, isCity }: { inForce: InForce; isCity: boolean }) {
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'province', label: '省级实施办法', children: <MeasuresCitation measures={inForce.province} /> },
  ];
  if (isCity) {
    items.push({
      key: 'local',
      label: '本市实施办法',
      children: inForce.local ? (
        <MeasuresCitation measures={inForce.local} />
      ) : (
        <Typography.Text type="secondary">尚未发布，执行省级实施办法</Typography.Text>
      ),
    });
  }
  return (
    <Flex vertical gap={12}>
      <div data-testid="measures-in-force">
        <Descriptions column={1} size="small" items={items} />
      </div>
      {!isCity && (
        <Alert
          type="info"
          showIcon
          title="各市州可参照省级实施办法制定本地实施办法，覆盖其中部分参数（第二十一条）。"
        />
      )}
    </Flex>
  );
}

function MeasuresCitation({ measures }: { measures: Measures }) {
  return (
    <Space wrap size={8}>
      <Link to={`/measures/${measures.id}`}>《{measures.title}》</Link>
      <span>{measures.documentNumber}</span>
      <Typography.Text type="secondary">
        第 {measures.versionNo} 版，自 {measures.effectiveOn} 起施行
      </Typography.Text>
    </Space>
  );
}

function VersionsTable({
  versions,
  inForceIds,
  loading,
  editable,
}: {
  versions: readonly Measures[];
  inForceIds: ReadonlySet<string>;
  loading: boolean;
  editable: boolean;
}) {
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const confirmPublish = usePublishMeasures();
  const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo);

  const columns: TableColumnsType<Measures> = [
    { title: '版本号', dataIndex: 'versionNo', width: 90, render: (n: number) => `第 ${n} 版` },
    {
      title: '标题',
      dataIndex: 'title',
      render: (_: unknown, m) => <Link to={`/measures/${m.id}`}>{m.title}</Link>,
    },
    { title: '文号', dataIndex: 'documentNumber', width: 170 },
    { title: '生效日期', dataIndex: 'effectiveOn', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, m) => (
        <Space size={4} wrap>
          <Tag color={m.status === 'PUBLISHED' ? 'blue' : 'default'}>{MEASURES_STATUS_LABELS[m.status]}</Tag>
          {inForceIds.has(m.id) && <Tag color="success">今日生效</Tag>}
        </Space>
      ),
    },
    {
      title: '发布时间',
      dataIndex: 'publishedAt',
      width: 150,
      render: (_: unknown, m) =>
        m.publishedAt ? (
          chinaDateTime(m.publishedAt)
        ) : (
          <Typography.Text type="secondary">未发布</Typography.Text>
        ),
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_: unknown, m) =>
        m.status === 'DRAFT' ? (
          <Space size={0}>
            <Button type="link" onClick={() => void navigate(`/measures/${m.id}/edit`)}>
              编辑
            </Button>
            {isAdmin && (
              <Button type="link" onClick={() => confirmPublish(m)}>
                发布
              </Button>
            )}
          </Space>
        ) : (
          <Button type="link" onClick={() => void navigate(`/measures/${m.id}`)}>
            查看
          </Button>
        ),
    });
  }

  return (
    <ListTable<Measures>
      rowKey="id"
      columns={columns}
      dataSource={sorted}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: editable ? '尚无版本' : '暂无' }}
    />
  );
}
