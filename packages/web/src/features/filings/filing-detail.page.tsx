import { FileProtectOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  ErrorCode,
  FILING_ACTION_LABELS,
  FILING_STATE_LABELS,
  isAdmin,
  isStaff,
  Role,
  SIGNIFICANCE_LEVEL_LABELS,
  type FilingAction,
  type FilingState,
} from '@xiangmeng/domain';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Space,
  Steps,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState, type ComponentType, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer } from '../auth/viewer.provider';
import { FilingActionModal } from './filing-action.modal';
import { FilingDossierSection } from './filing-dossier.section';
import { FilingObjectionsSection } from './filing-objections.section';
import { FilingSnapshotHistory, FilingSnapshotSection } from './filing-snapshot.section';
import { FilingStateTag } from './filing-tags';
import {
  CERTIFIED_FILING_STATES,
  EDITABLE_FILING_STATES,
  filingActionsOf,
  filingProgress,
  IN_FORCE_FILING_STATES,
  isFilingState,
  isSignificanceLevel,
  roundLabel,
} from './filing-values';
import { RecordHistorySection } from '../audit/record-history.section';
import { DecisionPdfLink } from '../../shared/decision-pdf';
import { FilingDetailQuery, type FilingDetail } from './filings.operations';
import { NationalRecommendationModal } from './national-recommendation.modal';

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
const PRIMARY: readonly FilingAction[] = [
  'SUBMIT',
  'ACCEPT',
  'START_REVIEW',
  'FINISH_REVIEW',
  'PUBLICISE',
  'FILE',
  'ACCEPT_CHANGE',
  'REINSTATE',
];
const DANGER: readonly FilingAction[] = ['REFUSE', 'SUSPEND', 'WITHDRAW', 'REVOKE'];

const TABS = ['dossier', 'snapshot', 'history', 'objections', 'timeline'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return (TABS as readonly (string | null)[]).includes(value);
}

/** The states from which a round with experts shows the panel: once accepted, for as long as it is kept. */
const PANEL_STATES: readonly FilingState[] = [
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'FILED',
  'CHANGE_SUBMITTED',
  'SUSPENDED',
  'REFUSED',
  'REVOKED',
];

/**
 * The expert panel of a filing whose round asks for experts. It belongs to reviews, which builds on
 * filings; the app hands it in (app/filing.route.tsx), so filings never imports reviews.
 */
export type FilingReviewPanelSlot = ComponentType<{
  filingId: string;
  state: FilingState;
  onChanged: () => void;
}>;

/**
 * 备案详情, for both tiers: the filing's summary and route, the actions the viewer may take, its
 * dossier (edited by the filing city while a draft or returned), the frozen snapshots and what each
 * changed, the notice's objections (the province) and the timeline.
 */
export function FilingDetailPage({ reviewPanel: ReviewPanel }: { reviewPanel: FilingReviewPanelSlot }) {
  const { filingId = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useSignedInViewer();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<
    { kind: 'action'; action: FilingAction; opening: number } | { kind: 'national'; opening: number } | null
  >(null);
  const [openings, setOpenings] = useState(0);
  const [dossierDirty, setDossierDirty] = useState(false);
  const { data, loading, error, refetch } = useQuery(FilingDetailQuery, {
    variables: { id: filingId },
    fetchPolicy: 'cache-and-network',
  });
  const province = viewer.tenant.level === 'PROVINCE';
  const listCrumb = <Link to="/filings">{province ? '收到的备案' : '联盟备案'}</Link>;

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND) {
      return (
        <Result
          status="404"
          title="备案不存在"
          subTitle="该备案不存在，或本单位无权查看。"
          extra={
            <Button type="primary" onClick={() => void navigate('/filings')}>
              返回{province ? '收到的备案' : '联盟备案'}
            </Button>
          }
        />
      );
    }
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }

  const filing = data.filing;
  const state: FilingState | null = isFilingState(filing.state) ? filing.state : null;
  const cityStaff =
    viewer.roles.some((r) => CITY_STAFF.includes(r)) && viewer.tenant.id === filing.cityTenantId;
  const provinceStaff = province && isStaff(viewer.roles);
  const provinceAdmin = provinceStaff && isAdmin(viewer.roles);
  const editable = cityStaff && state !== null && EDITABLE_FILING_STATES.includes(state);
  const actions = state ? filingActionsOf(filing.availableActions) : [];
  const inForce = state !== null && IN_FORCE_FILING_STATES.includes(state);
  const certified = state !== null && CERTIFIED_FILING_STATES.includes(state) && Boolean(filing.filingNumber);
  const showObjections = provinceStaff && (state === 'PUBLICISED' || Boolean(filing.noticeStartsOn));

  function open(next: { kind: 'action'; action: FilingAction } | { kind: 'national' }) {
    setOpenings(openings + 1);
    setDialog({ ...next, opening: openings + 1 });
  }

  const requested = params.get('tab');
  const defaultTab: TabKey = editable || !filing.snapshot ? 'dossier' : 'snapshot';
  const tab: TabKey =
    isTab(requested) && (requested !== 'objections' || showObjections) ? requested : defaultTab;
  const sections: { key: TabKey; label: string; children: ReactNode }[] = [
    {
      key: 'dossier',
      label: editable ? '备案材料（编辑）' : '备案材料',
      children: (
        <FilingDossierSection
          // A saved or refetched filing (new version) starts a fresh form.
          key={filing.version}
          filing={filing}
          editable={editable}
          onDirtyChange={setDossierDirty}
        />
      ),
    },
    { key: 'snapshot', label: '备案快照', children: <FilingSnapshotSection snapshot={filing.snapshot} /> },
    {
      key: 'history',
      label: `快照历史（${filing.snapshots.length}）`,
      children: <FilingSnapshotHistory snapshots={filing.snapshots} />,
    },
    ...(showObjections
      ? [
          {
            key: 'objections' as const,
            label: `公示与异议（${filing.objections.length}）`,
            children: <FilingObjectionsSection filing={filing} />,
          },
        ]
      : []),
    {
      key: 'timeline',
      label: '办理记录',
      children: <RecordHistorySection subjectType="filing" subjectId={filing.id} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: listCrumb }, { title: filing.allianceName }]} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="filing-alliance-name">
                {filing.allianceName}
              </Typography.Title>
              <FilingStateTag state={filing.state} />
              {filing.nationallyRecommended && <Tag color="magenta">已推荐参加国家层面试点</Tag>}
            </Space>
            <SummaryDescriptions filing={filing} />
            <Space size={16} wrap>
              {inForce && (
                <Link to={`/alliances/${filing.allianceId}`} data-testid="filing-live-record">
                  <LinkOutlined /> 联盟名录中的现行记录
                </Link>
              )}
              {certified && (
                <Link to={`/filings/${filing.id}/certificate`} data-testid="filing-certificate-link">
                  <FileProtectOutlined /> 备案证明
                </Link>
              )}
            </Space>
            <DecisionPdfLink pdf={filing.certificatePdf} document="备案证明" />
          </Flex>
          <Space wrap data-testid="filing-actions">
            {actions.map((action) => (
              <Button
                key={action}
                type={PRIMARY.includes(action) ? 'primary' : 'default'}
                danger={DANGER.includes(action)}
                data-testid={`filing-action-${action}`}
                onClick={() => open({ kind: 'action', action })}
              >
                {FILING_ACTION_LABELS[action]}
              </Button>
            ))}
          </Space>
        </Flex>
        {filing.lastReason && state !== 'FILED' && (
          <Alert
            type={state === 'RETURNED' ? 'warning' : 'info'}
            showIcon
            style={{ marginTop: 12 }}
            title={
              state === 'RETURNED'
                ? `退回理由（补正期限 ${filing.correctionDeadline ?? '—'}）`
                : '最近一次理由'
            }
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{filing.lastReason}</span>}
          />
        )}
      </Card>
      {state && <ProgressCard filing={filing} state={state} />}
      {provinceStaff && filing.round.reviewRequired && state && PANEL_STATES.includes(state) && (
        <ReviewPanel
          filingId={filing.id}
          state={state}
          onChanged={() => void refetch().catch(() => undefined)}
        />
      )}
      {(filing.nationallyRecommended || (provinceAdmin && state === 'FILED')) && (
        <Card title="推荐参加国家层面试点" size="small" data-testid="filing-national">
          <Flex gap={16} align="start" wrap>
            <Space>
              <Switch
                checked={filing.nationallyRecommended}
                disabled={!provinceAdmin}
                onChange={() => open({ kind: 'national' })}
                data-testid="filing-national-switch"
              />
              <span>{filing.nationallyRecommended ? '已推荐' : '未推荐'}</span>
            </Space>
            {filing.nationallyRecommended && (
              <Flex vertical style={{ flex: 1, minWidth: 240 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {filing.nationalOpinion ?? '—'}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {chinaDateTime(filing.nationalRecommendedAt)} 推荐
                </Typography.Text>
              </Flex>
            )}
          </Flex>
        </Card>
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={sections}
        />
      </Card>
      {dialog?.kind === 'action' && state && (
        <FilingActionModal
          key={dialog.opening}
          filing={filing}
          state={state}
          action={dialog.action}
          dossierDirty={dossierDirty}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'national' && (
        <NationalRecommendationModal key={dialog.opening} filing={filing} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}

function SummaryDescriptions({ filing }: { filing: FilingDetail }) {
  const when = (label: string, key: string, value: string | null | undefined) =>
    value ? [{ key, label, children: value }] : [];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'round',
          label: '备案批次',
          children: roundLabel(filing.round),
        },
        { key: 'city', label: '市州', children: filing.cityName },
        {
          key: 'level',
          label: '申明层级',
          children: isSignificanceLevel(filing.level) ? SIGNIFICANCE_LEVEL_LABELS[filing.level] : '未选择',
        },
        ...when('提交时间', 'submittedAt', filing.submittedAt ? chinaDateTime(filing.submittedAt) : null),
        ...when('受理时间', 'acceptedAt', filing.acceptedAt ? chinaDateTime(filing.acceptedAt) : null),
        ...when(
          '补正期限',
          'correctionDeadline',
          filing.state === 'RETURNED' ? filing.correctionDeadline : null,
        ),
        ...when(
          '公示期',
          'notice',
          filing.noticeStartsOn ? `${filing.noticeStartsOn} 至 ${filing.noticeEndsOn ?? '—'}` : null,
        ),
        ...when('决定时间', 'decidedAt', filing.decidedAt ? chinaDateTime(filing.decidedAt) : null),
        ...when('备案号', 'filingNumber', filing.filingNumber),
        ...when('备案日期', 'filedOn', filing.filedOn),
        ...when('有效期至', 'validThrough', filing.validThrough),
      ]}
    />
  );
}

/** The round's route with the filing's place on it (filingRoute in the domain decides the steps). */
function ProgressCard({ filing, state }: { filing: FilingDetail; state: FilingState }) {
  const progress = filingProgress(filing.round, state, filing.timeline);
  return (
    <Card size="small" data-testid="filing-steps">
      <Steps
        size="small"
        current={progress.current}
        status={progress.status}
        items={progress.route.map((s, i) => ({
          title: FILING_STATE_LABELS[s],
          content: i === progress.current && progress.note ? progress.note : undefined,
        }))}
      />
    </Card>
  );
}
