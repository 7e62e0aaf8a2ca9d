import { useQuery } from '@apollo/client/react';
import {
  EVALUATION_GRADE_LABELS,
  PLATFORM_KINDS,
  PLATFORM_STATUS_LABELS,
  platformKindOf,
  type PlatformStatus,
} from '@xiangmeng/domain';
import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlatformDetailFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { PageTrail } from '../../shared/page-trail';
import { EvaluateModal, FileReportModal } from './platform.modals';
import { PlatformDetailQuery } from './platforms.operations';
import { PlatformStatusTag } from './platforms.page';
import { ListTable } from '../../shared/list-table';

type Platform = PlatformDetailFieldsFragment;
type Report = Platform['reports'][number];
type Evaluation = Platform['evaluations'][number];
type Event = Platform['events'][number];

const GRADE_COLORS: Record<string, string> = { EXCELLENT: 'green', PASS: 'blue', FAIL: 'red' };
const statusLabel = (s: string | null | undefined) =>
  s ? (PLATFORM_STATUS_LABELS[s as PlatformStatus] ?? s) : '—';

/**
 * 平台详情: the record, its host and co-builders, the annual reports, the evaluations with each
 * expert's scores, and every change of standing with its reason. The host's side files reports;
 * the recognising authority records evaluations.
 */
export function PlatformDetailPage() {
  const { platformId = '' } = useParams();
  const [modal, setModal] = useState<'report' | 'evaluate' | null>(null);
  const { data, loading, error, refetch } = useQuery(PlatformDetailQuery, {
    variables: { id: platformId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const p = data.platform;
  const kind = platformKindOf(p.kind);
  const criteria = kind ? PLATFORM_KINDS[kind].evaluation.criteria : [];
  const active = p.status !== 'REMOVED';

  return (
    <Flex vertical gap={16}>
      <PageTrail items={[{ label: '创新平台', to: '/platforms' }, { label: p.name }]} />
      <Card
        title={
          <Space>
            {p.name}
            <PlatformStatusTag status={p.status} label={p.statusLabel} />
          </Space>
        }
        extra={
          <Space>
            {active && (
              <Button onClick={() => setModal('report')} data-testid="platform-file-report">
                报送年度报告
              </Button>
            )}
            {p.evaluable && (
              <Button type="primary" onClick={() => setModal('evaluate')} data-testid="platform-evaluate">
                {p.status === 'RECTIFYING' ? '整改后复评' : '录入评估'}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: '类别', children: `${p.levelLabel}${p.kindLabel}` },
            { key: 'field', label: '所属领域', children: p.fieldName },
            { key: 'alliance', label: '联盟', children: p.allianceName },
            { key: 'host', label: '依托单位', children: p.hostName },
            { key: 'director', label: '平台主任', children: p.director },
            {
              key: 'document',
              label: '认定文件',
              children: p.applicationId ? (
                <Link to={`/programmes/applications/${p.applicationId}`}>{p.recognitionDocument}</Link>
              ) : (
                p.recognitionDocument
              ),
            },
            { key: 'recognisedOn', label: '认定日期', children: p.recognisedOn },
            { key: 'due', label: '本年度报告截止', children: p.currentReportDueOn },
            {
              key: 'members',
              label: '共建单位',
              children:
                p.members
                  .filter((m) => m.role !== 'HOST')
                  .map((m) => m.name)
                  .join('、') || '—',
            },
          ]}
        />
        {p.status === 'RECTIFYING' && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            title={`评估不合格，整改期限至 ${p.rectificationDueOn}；整改后复评仍不合格的撤销认定。`}
          />
        )}
        {p.removedReason && (
          <Alert style={{ marginTop: 12 }} type="error" title={`已撤销认定：${p.removedReason}`} />
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'reports',
              label: `年度报告（${p.reports.length}）`,
              children: <Reports reports={p.reports} />,
            },
            {
              key: 'evaluations',
              label: `评估（${p.evaluations.length}）`,
              children: <Evaluations evaluations={p.evaluations} criteria={criteria} />,
            },
            { key: 'history', label: '状态变化', children: <History events={p.events} /> },
          ]}
        />
      </Card>
      {modal === 'report' && <FileReportModal platform={p} onClose={() => setModal(null)} />}
      {modal === 'evaluate' && <EvaluateModal platform={p} onClose={() => setModal(null)} />}
    </Flex>
  );
}

function Reports({ reports }: { reports: Report[] }) {
  return (
    <ListTable<Report>
      rowKey="id"
      size="small"
      pagination={false}
      tableLayout="fixed"
      dataSource={reports}
      locale={{ emptyText: <Empty description="尚未报送年度报告" /> }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '固定人员', dataIndex: 'staff', width: 90 },
        {
          title: '研发经费',
          dataIndex: 'rdSpendingFen',
          width: 150,
          render: (fen: string) => formatFen(fen),
        },
        { title: '项目', dataIndex: 'projects', width: 70 },
        { title: '论文', dataIndex: 'papers', width: 70 },
        { title: '专利', dataIndex: 'patents', width: 70 },
        { title: '标准', dataIndex: 'standards', width: 70 },
        { title: '服务企业', dataIndex: 'industryServices', width: 90 },
        { title: '报送时间', dataIndex: 'filedAt', width: 150, render: (at: string) => chinaDateTime(at) },
      ]}
    />
  );
}

function Evaluations({
  evaluations,
  criteria,
}: {
  evaluations: Evaluation[];
  criteria: readonly { key: string; label: string }[];
}) {
  return (
    <ListTable<Evaluation>
      rowKey="id"
      size="small"
      pagination={false}
      tableLayout="fixed"
      dataSource={evaluations}
      locale={{ emptyText: <Empty description="尚无评估" /> }}
      expandable={{
        expandedRowRender: (e) => (
          <ListTable
            rowKey={(s) => s.expertId ?? s.expertName}
            size="small"
            pagination={false}
            dataSource={e.sheets}
            columns={[
              { title: '专家', dataIndex: 'expertName', width: 120 },
              ...criteria.map((c) => ({
                title: c.label,
                key: c.key,
                width: 130,
                ellipsis: true,
                render: (_: unknown, s: Evaluation['sheets'][number]) =>
                  s.scores.find((x) => x.key === c.key)?.score ?? '—',
              })),
            ]}
          />
        ),
      }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '评估日期', dataIndex: 'evaluatedOn', width: 110 },
        {
          title: '评分',
          key: 'round',
          width: 110,
          render: (_: unknown, e) =>
            e.roundId ? (
              <Link to={`/platforms/evaluation-rounds/${e.roundId}`}>评估批次</Link>
            ) : (
              '主管部门录入'
            ),
        },
        { title: '总分', dataIndex: 'total', width: 80 },
        {
          title: '等级',
          dataIndex: 'grade',
          width: 90,
          render: (g: string) => (
            <Tag color={GRADE_COLORS[g]}>
              {EVALUATION_GRADE_LABELS[g as keyof typeof EVALUATION_GRADE_LABELS] ?? g}
            </Tag>
          ),
        },
        {
          title: '结果',
          key: 'result',
          width: 200,
          render: (_: unknown, e) => `${statusLabel(e.statusBefore)} → ${statusLabel(e.statusAfter)}`,
        },
      ]}
    />
  );
}

function History({ events }: { events: Event[] }) {
  return (
    <ListTable<Event>
      rowKey="id"
      size="small"
      pagination={false}
      tableLayout="fixed"
      dataSource={events}
      locale={{ emptyText: <Empty description="无状态变化" /> }}
      columns={[
        { title: '生效日期', dataIndex: 'effectiveOn', width: 110 },
        {
          title: '状态',
          key: 'status',
          width: 180,
          render: (_: unknown, e) => `${statusLabel(e.fromStatus)} → ${e.toStatusLabel}`,
        },
        { title: '原因', dataIndex: 'reason', ellipsis: true },
        { title: '记录时间', dataIndex: 'recordedAt', width: 150, render: (at: string) => chinaDateTime(at) },
      ]}
    />
  );
}
