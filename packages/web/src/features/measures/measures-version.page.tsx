import { ArrowLeftOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { resolveParameters } from '@xiangmeng/domain';
import { Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { useIsAdmin } from '../auth/require-viewer.guard';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { MeasuresFieldsFragment } from '../../gql/graphql';
import { MEASURES_STATUS_LABELS } from '@xiangmeng/domain';
import { overriddenPaths, readOverrides, readParameters } from './measures-parameter-paths';
import { MeasuresInForceQuery, MeasuresVersionsQuery } from './measures.operations';
import { ParametersTable } from './parameters-table';
import { usePublishMeasures } from './publish-measures';

type Measures = MeasuresFieldsFragment;

/** One version with every parameter in Chinese; a city's beside the province version it derives from. */
export function MeasuresVersionPage() {
  const { id } = useParams<{ id: string }>();
  const viewer = useSignedInViewer();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const confirmPublish = usePublishMeasures();
  const versions = useQuery(MeasuresVersionsQuery, { fetchPolicy: 'cache-and-network' });
  const inForce = useQuery(MeasuresInForceQuery, { fetchPolicy: 'cache-and-network' });

  if ((versions.error && !versions.data) || (inForce.error && !inForce.data)) {
    return (
      <LoadFailure
        error={toApiError(versions.error ?? inForce.error)}
        onRetry={() => {
          void versions.refetch().catch(() => undefined);
          void inForce.refetch().catch(() => undefined);
        }}
      />
    );
  }
  if (!versions.data || !inForce.data) return <PageLoading />;

  const all = versions.data.measuresVersions;
  const measures = all.find((m) => m.id === id);
  if (!measures) {
    return (
      <Result
        status="404"
        title="没有这个版本"
        subTitle="该实施办法版本不存在或您无权查看"
        extra={<Link to="/measures">返回实施办法</Link>}
      />
    );
  }

  const current = inForce.data.measuresInForce;
  const own = measures.tenantId === viewer.tenant.id;
  const inForceToday = measures.id === current.province.id || measures.id === current.local?.id;
  // A city's version holds only its overrides; it applies on top of the province version it
  // derives from (the one in force on its effective date).
  const isLocal = measures.tenantId !== current.province.tenantId;
  const derivesFrom = isLocal
    ? (all.find((m) => m.id === measures.derivesFromId) ?? current.province)
    : undefined;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space size={8}>
            <span>{measures.title}</span>
            <Tag color={measures.status === 'PUBLISHED' ? 'blue' : 'default'}>
              {MEASURES_STATUS_LABELS[measures.status]}
            </Tag>
            {inForceToday && <Tag color="success">今日生效</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/measures')}>
              返回列表
            </Button>
            {own && measures.status === 'DRAFT' && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/measures/${measures.id}/edit`)}>
                编辑
              </Button>
            )}
            {own && measures.status === 'DRAFT' && isAdmin && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => confirmPublish(measures)}>
                发布
              </Button>
            )}
          </Space>
        }
      >
        <VersionFacts measures={measures} derivesFrom={derivesFrom} />
        {!own && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            上级发布的实施办法，只读。
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={isLocal ? '参数（本市覆盖的参数已标出，省级规定列在旁边）' : '参数'}>
        {derivesFrom ? (
          <ParametersTable
            parameters={resolveParameters(
              readParameters(derivesFrom.parameters),
              readOverrides(measures.parameters),
            )}
            comparison={{
              province: readParameters(derivesFrom.parameters),
              overridden: overriddenPaths(readOverrides(measures.parameters)),
            }}
          />
        ) : (
          <ParametersTable parameters={readParameters(measures.parameters)} />
        )}
      </Card>
    </Flex>
  );
}

function VersionFacts({ measures, derivesFrom }: { measures: Measures; derivesFrom?: Measures }) {
  const items = [
    { key: 'versionNo', label: '版本号', children: `第 ${measures.versionNo} 版` },
    { key: 'documentNumber', label: '文号', children: measures.documentNumber },
    { key: 'effectiveOn', label: '生效日期', children: measures.effectiveOn },
    {
      key: 'publishedAt',
      label: '发布时间',
      children: measures.publishedAt ? dayjs(measures.publishedAt).format('YYYY-MM-DD HH:mm') : '未发布',
    },
  ];
  if (derivesFrom) {
    items.push({
      key: 'derivesFrom',
      label: '依据的省级实施办法',
      children: `《${derivesFrom.title}》${derivesFrom.documentNumber}（第 ${derivesFrom.versionNo} 版）`,
    });
  }
  return <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />;
}
