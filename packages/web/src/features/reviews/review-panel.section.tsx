import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  REVIEW_SHEET_STATUS_LABELS,
  type ReviewRecommendation,
  reviewRecommendationLabels,
} from '@xiangmeng/domain';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../shared/api-error';
import type { ProposePanelQuery as ProposalResult, ReviewPanelFieldsFragment } from '../../gql/graphql';
import { ApiErrorAlert } from '../../shared/api-error.alert';
import { chinaDateTime } from '../../shared/format';
import { CandidateSelect, ReopenSheetModal, SwapMemberModal } from './panel-seat.modals';
import { ReviewAggregateView } from './review-aggregate';
import { formatScore } from './review-format';
import {
  AssignPanelMutation,
  FilingReviewPanelQuery,
  PanelCandidatesQuery,
  ProgrammeReviewPanelQuery,
  ProjectAcceptancePanelQuery,
  ProposePanelQuery,
  ReviewPanelQuery,
} from './reviews.operations';
import { ListTable } from '../../shared/list-table';

type Panel = ReviewPanelFieldsFragment;
type Seat = Panel['seats'][number];
type Sheet = NonNullable<Seat['sheet']>;
type UnfilledSeat = ProposalResult['proposePanel']['unfilledSeats'][number];

// Where each step is possible (the API checks again): a panel is formed before the review
// starts, members are swapped until it ends, a submitted sheet is reopened during it.
// Pilot applications and filings name these states alike.
const SWAP_STATES: readonly string[] = ['ACCEPTED', 'IN_REVIEW'];

/** What is reviewed: a pilot application (the default), a filing whose round asks for experts, a programme application, or a project's acceptance. */
export type ReviewedKind = 'PILOT_APPLICATION' | 'FILING' | 'PROGRAMME_APPLICATION' | 'PROJECT_ACCEPTANCE';

/** A project's acceptance names its review stages its own way; the panel reads them as the others'. */
const ACCEPTANCE_STAGES: Record<string, string> = {
  ACCEPTANCE_REQUESTED: 'ACCEPTED',
  ACCEPTANCE_REVIEW: 'IN_REVIEW',
};

type Props = { applicationId: string; state: string; onChanged: () => void; kind?: ReviewedKind };

/** The panel and the industry it must know, from the query of the reviewed record's kind. */
function useReviewPanel(kind: ReviewedKind, id: string) {
  // Not cached: the detail page holds a narrower view of the same panel, which has no identity
  // of its own, and the two would overwrite each other in the cache.
  const pilot = useQuery(ReviewPanelQuery, {
    variables: { id },
    fetchPolicy: 'no-cache',
    skip: kind !== 'PILOT_APPLICATION',
  });
  const filing = useQuery(FilingReviewPanelQuery, {
    variables: { id },
    fetchPolicy: 'no-cache',
    skip: kind !== 'FILING',
  });
  const programme = useQuery(ProgrammeReviewPanelQuery, {
    variables: { id },
    fetchPolicy: 'no-cache',
    skip: kind !== 'PROGRAMME_APPLICATION',
  });
  const project = useQuery(ProjectAcceptancePanelQuery, {
    variables: { id },
    fetchPolicy: 'no-cache',
    skip: kind !== 'PROJECT_ACCEPTANCE',
  });
  if (kind === 'PROJECT_ACCEPTANCE') {
    const record = project.data?.project;
    return {
      record: record ? { industry: record.industry, panel: record.acceptancePanel } : null,
      ...project,
    };
  }
  if (kind === 'PROGRAMME_APPLICATION') {
    const record = programme.data?.programmeApplication;
    return { record: record ? { industry: record.industry, panel: record.panel } : null, ...programme };
  }
  if (kind === 'FILING') {
    const record = filing.data?.filing;
    return { record: record ? { industry: record.industry, panel: record.panel } : null, ...filing };
  }
  const record = pilot.data?.pilotApplication;
  return { record: record ? { industry: record.industry, panel: record.panel } : null, ...pilot };
}

/** 专家评审 on a detail page (authority staff): panel, proposal, swaps, sheets and the aggregate. */
export function ReviewPanelSection({
  applicationId,
  state: recordState,
  onChanged,
  kind = 'PILOT_APPLICATION',
}: Props) {
  const state = kind === 'PROJECT_ACCEPTANCE' ? (ACCEPTANCE_STAGES[recordState] ?? recordState) : recordState;
  const { record, error, refetch } = useReviewPanel(kind, applicationId);
  const reload = () => void refetch().catch(() => undefined);
  const firstState = useRef(state);
  useEffect(() => {
    // The page's own actions (start/close review) change what this section offers.
    if (state !== firstState.current) {
      firstState.current = state;
      void refetch().catch(() => undefined);
    }
  }, [state, refetch]);

  const panel = record?.panel ?? null;
  if (!record) {
    return error ? (
      <Card title="专家评审" size="small" style={{ marginTop: 16 }}>
        <Alert type="error" showIcon title={`专家评审信息加载失败：${toApiError(error).message}`} />
      </Card>
    ) : null;
  }
  if (!panel) return null;

  const { industry } = record;
  const acceptedDomains = !industry
    ? []
    : industry.parentCode
      ? [industry.code, industry.parentCode]
      : [industry.code];
  const changed = () => {
    reload();
    onChanged();
  };

  return (
    <Card title="专家评审" style={{ marginTop: 16 }} data-testid="review-panel-section">
      {panel.seats.length === 0 ? (
        state === 'ACCEPTED' ? (
          <PanelComposer
            applicationId={applicationId}
            size={panel.size}
            acceptedDomains={acceptedDomains}
            onAssigned={changed}
          />
        ) : (
          <Typography.Text type="secondary">尚未组成专家组。</Typography.Text>
        )
      ) : (
        <SeatedPanel
          applicationId={applicationId}
          conclusions={reviewRecommendationLabels(kind)}
          panel={panel}
          state={state}
          acceptedDomains={acceptedDomains}
          onChanged={changed}
        />
      )}
    </Card>
  );
}

/** Proposal → adjust → confirm: the officer may replace any proposed member with another pool expert. */
function PanelComposer({
  applicationId,
  size,
  acceptedDomains,
  onAssigned,
}: {
  applicationId: string;
  size: number;
  acceptedDomains: readonly string[];
  onAssigned: () => void;
}) {
  const client = useApolloClient();
  const { message, modal } = App.useApp();
  const [slots, setSlots] = useState<(string | undefined)[] | null>(null);
  const [unfilled, setUnfilled] = useState<UnfilledSeat[]>([]);
  const [proposing, setProposing] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const pool = useQuery(PanelCandidatesQuery, {
    variables: { applicationId },
    skip: slots === null,
    fetchPolicy: 'network-only',
  });
  const [assign, { loading: assigning }] = useMutation(AssignPanelMutation);
  const candidates = pool.data?.panelCandidates ?? [];

  async function propose() {
    setProposing(true);
    setFailure(null);
    try {
      const { data } = await client.query({
        query: ProposePanelQuery,
        variables: { applicationId },
        fetchPolicy: 'no-cache',
      });
      const proposed = (data?.proposePanel.experts ?? []).map((e): string | undefined => e.id);
      setUnfilled(data?.proposePanel.unfilledSeats ?? []);
      // The seats the pool cannot fill stay empty for the officer to fill by hand, or to wait for.
      setSlots([
        ...proposed,
        ...Array.from({ length: Math.max(0, size - proposed.length) }, () => undefined),
      ]);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setProposing(false);
    }
  }

  function confirm() {
    if (!slots) return;
    const chosen = slots.filter((id): id is string => Boolean(id));
    if (chosen.length !== size) {
      setFailure({
        code: 'PANEL_INVALID',
        message: `专家组须由 ${size} 名专家组成，请补齐后再确认。`,
        violations: [],
      });
      return;
    }
    setFailure(null);
    const names = chosen.map((id) => candidates.find((c) => c.expert.id === id)?.expert.name ?? id);
    // Forming the panel tells the experts and opens the dossier to them: asked first, then confirmed.
    void modal.confirm({
      title: '确认组成专家组',
      content: `由以下 ${size} 名专家组成专家组：${names.join('、')}。组成后如需调整，须逐一撤换并说明理由。`,
      okText: '确认组成',
      cancelText: '取消',
      onOk: () =>
        assign({ variables: { input: { applicationId, expertIds: chosen } } })
          .then(() => {
            void message.success('专家组已组成');
            onAssigned();
          })
          .catch((error: unknown) => setFailure(toApiError(error))),
    });
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        尚未组成专家组。按现行实施办法，每项申报由 <Typography.Text strong>{size}</Typography.Text>{' '}
        名专家评审；系统按领域相符、负载均衡推荐，并排除存在利益冲突、暂不可用或已达年度上限的专家，同一单位至多一人。
      </Typography.Text>
      <div>
        <Button
          type={slots ? 'default' : 'primary'}
          loading={proposing}
          onClick={() => void propose()}
          data-testid="panel-propose"
        >
          {slots ? '重新推荐' : '推荐专家组'}
        </Button>
      </div>
      {unfilled.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="panel-no-proposal"
          title={`建议专家组不足额：已推荐 ${size - unfilled.length} 名，还缺 ${unfilled.length} 名`}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {unfilled.map((u) => (
                  <li key={u.seat} data-testid="panel-unfilled-seat">
                    第 {u.seat} 席：还缺{u.requirement}。{u.reason}。
                  </li>
                ))}
              </ul>
              <div>可以补充专家库或调整专家的可用状态后重新推荐，也可以从专家库中逐一选择。</div>
            </>
          }
        />
      )}
      <ApiErrorAlert error={failure} testId="panel-error" />
      {slots && (
        <>
          <ListTable<{ index: number; expertId: string | undefined }>
            size="small"
            rowKey="index"
            pagination={false}
            loading={pool.loading && !pool.data}
            dataSource={slots.map((expertId, index) => ({ index, expertId }))}
            onRow={() => ({ 'data-testid': 'panel-proposed' }) as object}
            columns={[
              { title: '席位', key: 'index', width: 64, render: (_v, row) => row.index + 1 },
              {
                title: '专家',
                key: 'expert',
                render: (_v, row) => (
                  <CandidateSelect
                    candidates={candidates}
                    excludeIds={slots.filter((id, i): id is string => Boolean(id) && i !== row.index)}
                    acceptedDomains={acceptedDomains}
                    value={row.expertId}
                    loading={pool.loading}
                    testId={`panel-slot-${row.index}`}
                    onChange={(id) => setSlots(slots.map((old, i) => (i === row.index ? id : old)))}
                  />
                ),
              },
            ]}
          />
          <div>
            <Button type="primary" loading={assigning} onClick={confirm} data-testid="panel-confirm">
              确认组成专家组
            </Button>
          </div>
        </>
      )}
    </Flex>
  );
}

type Dialog = { kind: 'swap'; seat: Seat } | { kind: 'reopen'; seat: Seat; sheet: Sheet };

function SeatedPanel({
  applicationId,
  conclusions,
  panel,
  state,
  acceptedDomains,
  onChanged,
}: {
  applicationId: string;
  /** How a sheet's conclusion reads for what is reviewed. */
  conclusions: Record<ReviewRecommendation, string>;
  panel: Panel;
  state: string;
  acceptedDomains: readonly string[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canSwap = SWAP_STATES.includes(state);
  const canReopen = state === 'IN_REVIEW';
  const pool = useQuery(PanelCandidatesQuery, {
    variables: { applicationId },
    skip: dialog?.kind !== 'swap',
    fetchPolicy: 'network-only',
  });
  const seated = panel.seats.length;
  const seatedIds = panel.seats.map((s) => s.expert.id);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <Typography.Text data-testid="panel-progress" strong>
          已提交 {panel.sheetsSubmitted} / {seated}
        </Typography.Text>
        <Progress
          percent={seated > 0 ? Math.round((panel.sheetsSubmitted / seated) * 100) : 0}
          style={{ maxWidth: 240, margin: 0 }}
          size="small"
          showInfo={false}
        />
        {seated < panel.size && (
          <Tag color="warning">
            专家组应为 {panel.size} 人，现有 {seated} 人
          </Tag>
        )}
      </Flex>
      <ListTable<Seat>
        size="small"
        rowKey="assignmentId"
        pagination={false}
        dataSource={panel.seats}
        onRow={(seat) => ({ 'data-testid': 'panel-seat', 'data-expert-name': seat.expert.name }) as object}
        expandable={{
          rowExpandable: (seat) => seat.sheet?.status === 'SUBMITTED',
          expandedRowRender: (seat) =>
            seat.sheet ? <SheetView sheet={seat.sheet} conclusions={conclusions} /> : null,
        }}
        columns={[
          {
            title: '专家',
            key: 'expert',
            render: (_v, seat) => (
              <span>
                {seat.expert.name}
                <Typography.Text type="secondary">（{seat.expert.title}）</Typography.Text>
              </span>
            ),
          },
          { title: '指派时间', key: 'assignedAt', render: (_v, seat) => chinaDateTime(seat.assignedAt) },
          {
            title: '评分表',
            key: 'status',
            render: (_v, seat) => {
              const status = seat.sheet?.status ?? 'DRAFT';
              return (
                <Space size={4}>
                  <Tag color={status === 'SUBMITTED' ? 'success' : 'default'} data-testid="panel-seat-status">
                    {REVIEW_SHEET_STATUS_LABELS[status]}
                  </Tag>
                  {seat.sheet?.reopenedAt && status !== 'SUBMITTED' && (
                    <Typography.Text type="warning">已退回重评</Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: '提交时间',
            key: 'submittedAt',
            render: (_v, seat) => chinaDateTime(seat.sheet?.submittedAt),
          },
          {
            title: '总分',
            key: 'total',
            align: 'right',
            render: (_v, seat) => (seat.sheet?.status === 'SUBMITTED' ? formatScore(seat.sheet.total) : '—'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_v, seat) => (
              <Space size={0}>
                {canSwap && (
                  <Button
                    type="link"
                    data-testid="panel-swap"
                    onClick={() => setDialog({ kind: 'swap', seat })}
                  >
                    撤换
                  </Button>
                )}
                {canReopen && seat.sheet?.status === 'SUBMITTED' && (
                  <Button
                    type="link"
                    danger
                    data-testid="panel-reopen"
                    onClick={() => seat.sheet && setDialog({ kind: 'reopen', seat, sheet: seat.sheet })}
                  >
                    退回重评
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {panel.aggregate ? (
        <ReviewAggregateView aggregate={panel.aggregate} />
      ) : (
        <Typography.Text type="secondary">尚无提交的评分表，提交后在此显示汇总结果。</Typography.Text>
      )}
      {dialog?.kind === 'swap' && (
        <SwapMemberModal
          assignmentId={dialog.seat.assignmentId}
          expertName={dialog.seat.expert.name}
          candidates={pool.data?.panelCandidates ?? []}
          loadingCandidates={pool.loading}
          seatedIds={seatedIds}
          acceptedDomains={acceptedDomains}
          onClose={() => setDialog(null)}
          onSwapped={() => {
            setDialog(null);
            void message.success('已撤换专家');
            onChanged();
          }}
        />
      )}
      {dialog?.kind === 'reopen' && (
        <ReopenSheetModal
          sheetId={dialog.sheet.id}
          expertName={dialog.seat.expert.name}
          onClose={() => setDialog(null)}
          onReopened={() => {
            setDialog(null);
            void message.success('评分表已退回专家重评');
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}

/** One expert's submitted sheet, as authority staff see it. */
function SheetView({
  sheet,
  conclusions,
}: {
  sheet: Sheet;
  conclusions: Record<ReviewRecommendation, string>;
}) {
  return (
    <Flex vertical gap={8} data-testid="panel-sheet">
      <ListTable
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={sheet.scores}
        columns={[
          { title: '评审指标', dataIndex: 'label', key: 'label', width: 220 },
          {
            title: '权重',
            key: 'weight',
            width: 72,
            align: 'right',
            render: (_v, s) => `${formatScore(s.weight)}%`,
          },
          { title: '得分', key: 'score', width: 72, align: 'right', render: (_v, s) => formatScore(s.score) },
          { title: '评语', dataIndex: 'comment', key: 'comment', render: (text: string) => text || '—' },
        ]}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="加权总分">{formatScore(sheet.total)}</Descriptions.Item>
        <Descriptions.Item label="评审结论">
          {sheet.recommendation ? conclusions[sheet.recommendation] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="总体意见">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {sheet.overallOpinion || '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
        {sheet.reopenedAt && (
          <Descriptions.Item label="曾退回重评">
            {chinaDateTime(sheet.reopenedAt)}：{sheet.reopenReason ?? '—'}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Flex>
  );
}
