import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Modal,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  EvaluationRoundDetailFieldsFragment,
  PlatformEvaluatorCandidatesQuery as CandidatesResult,
} from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { PageTrail } from '../../shared/page-trail';
import {
  CloseEvaluationRoundMutation,
  EvaluationRoundQuery,
  EvaluatorCandidatesQuery,
  SeatEvaluatorsMutation,
} from './evaluation-rounds.operations';
import { ROUND_STATUS_COLORS } from './evaluation-rounds.page';
import { PlatformStatusTag } from './platforms.page';

type Round = EvaluationRoundDetailFieldsFragment;
type RoundPlatform = Round['platforms'][number];
type Seat = Round['seats'][number];
type Candidate = CandidatesResult['platformEvaluatorCandidates'][number];

const GRADE_COLORS: Record<string, string> = { EXCELLENT: 'green', PASS: 'blue', FAIL: 'red' };

const platformColumns: TableColumnsType<RoundPlatform> = [
  {
    title: '平台',
    dataIndex: 'name',
    ellipsis: true,
    render: (name: string, p) => <Link to={`/platforms/${p.platformId}`}>{name}</Link>,
  },
  { title: '类别', dataIndex: 'kindLabel', width: 130, ellipsis: true },
  { title: '依托单位', dataIndex: 'hostName', width: 140, ellipsis: true },
  { title: '评估类型', dataIndex: 'dueLabel', width: 100 },
  {
    title: '评分进度',
    key: 'progress',
    width: 150,
    render: (_: unknown, p) => (
      <Space direction="vertical" size={0}>
        <span data-testid={`round-progress-${p.platformId}`}>
          已提交 {p.sheetsSubmitted} / {p.sheetsExpected}
        </span>
        {p.sheetsSubmitted < p.minSheets && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            至少需要 {p.minSheets} 份
          </Typography.Text>
        )}
      </Space>
    ),
  },
  {
    title: '结果',
    key: 'result',
    width: 170,
    render: (_: unknown, p) => (
      <Space size={4} wrap>
        {p.grade && <Tag color={GRADE_COLORS[p.grade]}>{`${p.gradeLabel} ${p.total}`}</Tag>}
        <PlatformStatusTag status={p.status} label={p.statusLabel} />
        {p.rectificationDueOn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            整改至 {p.rectificationDueOn}
          </Typography.Text>
        )}
      </Space>
    ),
  },
];

const seatColumns: TableColumnsType<Seat> = [
  { title: '专家', dataIndex: 'expertName', width: 140 },
  {
    title: '承诺书',
    key: 'declared',
    width: 170,
    render: (_: unknown, s) => (s.declaredAt ? chinaDateTime(s.declaredAt) : <Tag>未确认</Tag>),
  },
  {
    title: '已提交',
    key: 'sheets',
    width: 100,
    render: (_: unknown, s) => `${s.sheetsSubmitted} / ${s.sheetsTotal}`,
  },
  {
    title: '回避的平台',
    key: 'recused',
    render: (_: unknown, s) => s.recusedPlatformNames.join('、') || '—',
  },
];

/** 选定评估专家: the pool with each expert's conflicts; one tied to a platform sits it out. */
function SeatModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, loading } = useQuery(EvaluatorCandidatesQuery, {
    variables: { roundId: round.id },
    fetchPolicy: 'network-only',
  });
  const [seat, seating] = useMutation(SeatEvaluatorsMutation);
  const candidates = data?.platformEvaluatorCandidates ?? [];
  const columns: TableColumnsType<Candidate> = [
    { title: '专家', key: 'name', width: 120, render: (_: unknown, c) => c.expert.name },
    { title: '职称', key: 'title', width: 110, render: (_: unknown, c) => c.expert.title },
    {
      title: '任职单位',
      key: 'affiliations',
      ellipsis: true,
      render: (_: unknown, c) => c.expert.affiliations.map((a) => a.label).join('、') || '—',
    },
    {
      title: '利益冲突（回避）',
      key: 'conflicts',
      render: (_: unknown, c) =>
        c.seated ? (
          <Tag color="green">已选定</Tag>
        ) : !c.expert.accountUsername ? (
          <Typography.Text type="secondary">尚未关联登录账号</Typography.Text>
        ) : !c.expert.available ? (
          <Typography.Text type="secondary">暂不可用：{c.expert.unavailableReason}</Typography.Text>
        ) : c.conflicts.length ? (
          <Typography.Text type="warning">
            {c.conflicts.map((x) => `「${x.platformName}」${x.message}`).join('；')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  async function submit() {
    setFailure(null);
    try {
      await seat({ variables: { input: { roundId: round.id, expertIds: selected } } });
      void message.success('评估专家已选定');
      onClose();
    } catch (error) {
      setFailure(toApiError(error).message);
    }
  }
  return (
    <Modal
      open
      title="选定评估专家"
      width={960}
      okText={`选定 ${selected.length} 位专家`}
      okButtonProps={{ disabled: selected.length === 0, 'data-testid': 'evaluation-seat-confirm' }}
      confirmLoading={seating.loading}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="任职于平台依托单位或共建单位、或已声明存在利益冲突的专家回避该平台；与本批次每个平台都存在冲突的专家不能选定。"
      />
      {failure && (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          title={failure}
          data-testid="evaluation-seat-error"
        />
      )}
      <ListTable<Candidate>
        rowKey={(c) => c.expert.id}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={candidates}
        pagination={false}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (c) => ({
            disabled:
              c.seated ||
              !c.expert.accountUsername ||
              !c.expert.available ||
              c.conflicts.length >= round.platforms.length,
          }),
        }}
        locale={{ emptyText: <Empty description="专家库中还没有专家" /> }}
      />
    </Modal>
  );
}

/**
 * 评估批次: its platforms with the scoring progress and, once closed, their grades; the seated
 * experts; seating, and closing with a confirmation (grades and their consequences are final).
 */
export function EvaluationRoundPage() {
  const { roundId = '' } = useParams();
  const { message, modal } = App.useApp();
  const [seating, setSeating] = useState(false);
  const { data, loading, error, refetch } = useQuery(EvaluationRoundQuery, {
    variables: { id: roundId },
    fetchPolicy: 'cache-and-network',
  });
  const [close] = useMutation(CloseEvaluationRoundMutation);
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const r = data.platformEvaluationRound;
  const open = r.status === 'OPEN';
  const title = `${r.year} 年度「${r.fieldName}」领域平台评估`;

  function confirmClose() {
    void modal.confirm({
      title: `结束${title}？`,
      content: (
        <>
          <Typography.Paragraph>
            按各平台已提交的专家评分计算总分和等级：不合格的限期整改；整改后复评仍不合格的撤销认定。未提交的评分表不计入。
          </Typography.Paragraph>
          <Typography.Paragraph strong>结束后不能再评分，评估结果不可更改。</Typography.Paragraph>
        </>
      ),
      okText: '确认结束评估',
      okButtonProps: { danger: true, 'data-testid': 'evaluation-round-close-confirm' },
      cancelText: '取消',
      onOk: async () => {
        try {
          await close({ variables: { input: { roundId: r.id, version: r.version } } });
          void message.success('评估已结束，结果已记入各平台');
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageTrail items={[{ label: '平台评估批次', to: '/platforms/evaluation-rounds' }, { label: title }]} />
      <Card
        title={
          <Space>
            {title}
            <Tag color={ROUND_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
          </Space>
        }
        extra={
          open && (
            <Space>
              <Button onClick={() => setSeating(true)} data-testid="evaluation-round-seat">
                选定评估专家
              </Button>
              <Button
                type="primary"
                danger
                disabled={!r.closable}
                onClick={confirmClose}
                data-testid="evaluation-round-close"
              >
                结束评估
              </Button>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'year', label: '评估年度', children: r.year },
            { key: 'field', label: '评估领域', children: r.fieldName },
            { key: 'openedAt', label: '开启时间', children: chinaDateTime(r.openedAt) },
            { key: 'evaluatedOn', label: '评估日期', children: r.evaluatedOn ?? '—' },
          ]}
        />
        {open && !r.closable && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            title="每个平台的已提交评分表达到评估方案的最少份数后，可结束评估。"
          />
        )}
      </Card>
      <Card title={`平台（${r.platforms.length}）`}>
        <ListTable<RoundPlatform>
          rowKey="platformId"
          size="middle"
          columns={platformColumns}
          dataSource={r.platforms}
          pagination={false}
          tableLayout="fixed"
        />
      </Card>
      <Card title={`评估专家（${r.seats.length}）`}>
        <ListTable<Seat>
          rowKey="id"
          size="middle"
          columns={seatColumns}
          dataSource={r.seats}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未选定评估专家" /> }}
        />
      </Card>
      {seating && <SeatModal round={r} onClose={() => setSeating(false)} />}
    </Flex>
  );
}
