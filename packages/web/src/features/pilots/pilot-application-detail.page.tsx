import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  AGGREGATION_RULE_LABELS,
  ErrorCode,
  parsePilotDecisionBasis,
  PILOT_ACTION_LABELS,
  PILOT_WORKFLOW,
  pilotProgress,
  Role,
  statesWhere,
  type PilotAction,
  type PilotState,
} from '@xiangmeng/domain';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Steps, Typography } from 'antd';
import { useState, type ComponentType } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { DecisionPdfLink } from '../../shared/decision-pdf';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import { ObjectionsSection } from './objections.section';
import { PilotActionModal } from './pilot-action.modal';
import { PilotApplicationFormSection, type PilotApplicationDetail } from './pilot-application-form.section';
import { measuresLabel } from '../measures/measures-label';
import { PilotDossierSection } from './pilot-dossier.section';
import { chinaDateTime } from '../../shared/format';
import { PilotLevelTag } from '../calls/call-tags';
import { PilotStateTag } from './pilot-tags';
import { RecordHistorySection } from '../audit/record-history.section';
import { PilotApplicationDetailQuery } from './pilots.operations';

const EDITABLE_STATES: readonly PilotState[] = statesWhere(PILOT_WORKFLOW, 'editable');
const REVIEW_STATES: readonly PilotState[] = [
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'APPROVED',
  'DECLINED',
];
const STAFF_ROLES: readonly Role[] = [
  Role.PROVINCE_ADMIN,
  Role.PROVINCE_OFFICER,
  Role.CITY_ADMIN,
  Role.CITY_OFFICER,
];
const PRIMARY_ACTIONS: readonly PilotAction[] = [
  'SUBMIT',
  'RECOMMEND',
  'ACCEPT',
  'START_REVIEW',
  'CLOSE_REVIEW',
  'APPROVE',
];
const DANGER_ACTIONS: readonly PilotAction[] = ['NOT_RECOMMEND', 'REFUSE', 'DECLINE', 'WITHDRAW'];

/**
 * The expert panel of an application from acceptance on. It belongs to reviews, which builds on
 * pilots; the app hands it in (app/pilot-application.route.tsx), so pilots never imports reviews.
 */
export type ReviewPanelSlot = ComponentType<{
  applicationId: string;
  state: PilotState;
  onChanged: () => void;
}>;

/** 申报详情: the application's header and actions, the 申报书, the frozen dossier, opinions and the timeline. */
export function PilotApplicationDetailPage({ reviewPanel: ReviewPanel }: { reviewPanel: ReviewPanelSlot }) {
  const { applicationId = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useSignedInViewer();
  const [action, setAction] = useState<{ action: PilotAction; opening: number } | null>(null);
  const [openings, setOpenings] = useState(0);
  const [formDirty, setFormDirty] = useState(false);
  const { data, loading, error, refetch } = useQuery(PilotApplicationDetailQuery, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  const reload = () => void refetch().catch(() => undefined);

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND) {
      return (
        <Result
          status="404"
          title="申报不存在"
          subTitle="该申报不存在，或本单位无权查看。"
          extra={
            <Button type="primary" onClick={() => void navigate('/pilots/applications')}>
              返回试点申报
            </Button>
          }
        />
      );
    }
    return <LoadFailure error={apiError} onRetry={reload} />;
  }

  const application = data.pilotApplication;
  const isStaff = viewer.roles.some((r) => STAFF_ROLES.includes(r));
  const homeStaff = isStaff && viewer.tenant.id === application.homeTenant.id;
  const authorityStaff = isStaff && viewer.tenant.id === application.authority.id;
  const editable = homeStaff && EDITABLE_STATES.includes(application.state);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          {
            title: (
              <Link to="/pilots/applications">
                {viewer.tenant.level === 'PROVINCE' ? '收到的申报' : '试点申报'}
              </Link>
            ),
          },
          { title: application.allianceName },
        ]}
      />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="pilot-alliance-name">
                {application.allianceName}
              </Typography.Title>
              <PilotStateTag state={application.state} />
              <PilotLevelTag level={application.level} />
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'call', label: '申报通知', children: application.call.title },
                { key: 'industry', label: '产业', children: application.industry.name },
                { key: 'home', label: '所属市州', children: application.homeTenant.name },
                { key: 'recommender', label: '推荐单位', children: application.recommendingUnit.bureauName },
                { key: 'authority', label: '主管部门', children: application.authority.bureauName },
                { key: 'measures', label: '实施办法', children: measuresLabel(application.call.measures) },
                {
                  key: 'deadlines',
                  label: '期限',
                  children: `推荐 ${chinaDateTime(application.call.recommendBy)} · 决定 ${chinaDateTime(
                    application.call.decideBy,
                  )}`,
                },
                ...(application.submittedAt
                  ? [
                      {
                        key: 'submitted',
                        label: '提交',
                        children: `${chinaDateTime(application.submittedAt)}${
                          application.submittedByName ? ` · ${application.submittedByName}` : ''
                        }`,
                      },
                    ]
                  : []),
                ...(application.noticeStartsOn
                  ? [
                      {
                        key: 'notice',
                        label: '公示期',
                        children: `${application.noticeStartsOn} 至 ${application.noticeEndsOn ?? '—'}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Flex>
          <Space wrap data-testid="pilot-actions">
            {application.availableActions.map((available) => (
              <Button
                key={available}
                type={PRIMARY_ACTIONS.includes(available) ? 'primary' : 'default'}
                danger={DANGER_ACTIONS.includes(available)}
                data-testid={`pilot-action-${available}`}
                onClick={() => {
                  setOpenings(openings + 1);
                  setAction({ action: available, opening: openings + 1 });
                }}
              >
                {PILOT_ACTION_LABELS[available]}
              </Button>
            ))}
          </Space>
        </Flex>
        <Space wrap style={{ marginTop: 12 }} data-testid="pilot-print-links">
          <Link to={`/pilots/applications/${application.id}/print`}>
            <Button icon={<PrinterOutlined />}>打印申报书</Button>
          </Link>
          {application.panel?.aggregate && (
            <Link to={`/pilots/applications/${application.id}/print/reviews`}>
              <Button icon={<PrinterOutlined />}>打印评审意见汇总表</Button>
            </Link>
          )}
          {(application.state === 'APPROVED' || application.state === 'DECLINED') && (
            <Link to={`/pilots/applications/${application.id}/print/decision`}>
              <Button icon={<PrinterOutlined />}>打印决定</Button>
            </Link>
          )}
          <DecisionPdfLink pdf={application.decisionPdf} />
        </Space>
      </Card>
      <OpinionsCard application={application} />
      {authorityStaff && REVIEW_STATES.includes(application.state) && (
        <ReviewPanel applicationId={application.id} state={application.state} onChanged={reload} />
      )}
      {authorityStaff && (application.state === 'PUBLICISED' || application.noticeStartsOn) && (
        <ObjectionsSection applicationId={application.id} state={application.state} onChanged={reload} />
      )}
      <Card title="申报书" data-testid="pilot-form">
        <PilotApplicationFormSection
          // A saved or refetched application (new version) starts a fresh form.
          key={application.version}
          application={application}
          editable={editable}
          onDirtyChange={setFormDirty}
        />
      </Card>
      {application.dossier !== null && application.dossier !== undefined && (
        <Card title="申报材料（提交时固定）">
          <PilotDossierSection dossier={application.dossier} callMeasures={application.call.measures} />
        </Card>
      )}
      <Card title="办理记录">
        <Flex gap={32} wrap>
          <PilotProgressSteps
            state={application.state}
            // A notice period on record means it went through 公示, whatever the timeline kept.
            reached={[
              ...application.timeline.flatMap((e) => (e.toState ? [e.toState] : [])),
              ...(application.noticeStartsOn ? (['PUBLICISED'] as const) : []),
            ]}
          />
          <div style={{ flex: 1, minWidth: 320 }}>
            <RecordHistorySection subjectType="pilot_application" subjectId={application.id} />
          </div>
        </Flex>
      </Card>
      {action && (
        <PilotActionModal
          key={action.opening}
          application={application}
          action={action.action}
          open
          formDirty={formDirty}
          onClose={() => setAction(null)}
        />
      )}
    </Flex>
  );
}

/** The workflow's route as steps, where the application stands on it (from the domain's table). */
function PilotProgressSteps({ state, reached }: { state: PilotState; reached: PilotState[] }) {
  const progress = pilotProgress(state, reached);
  return (
    <Steps
      orientation="vertical"
      size="small"
      style={{ width: 200 }}
      data-testid="pilot-progress"
      current={progress.current}
      status={progress.status}
      items={progress.steps.map((step) => ({ title: step.label }))}
    />
  );
}

/** 推荐意见, the last reason given, and the decision with its basis (total, pass mark, measures version). */
function OpinionsCard({ application }: { application: PilotApplicationDetail }) {
  const basis =
    application.decisionBasis === null || application.decisionBasis === undefined
      ? null
      : parsePilotDecisionBasis(application.decisionBasis);
  const decided = application.state === 'APPROVED' || application.state === 'DECLINED';
  const items = [
    ...(application.recommendationOpinion
      ? [
          {
            key: 'recommendation',
            label: '推荐意见',
            children: (
              <Flex vertical>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                  data-testid="pilot-recommendation"
                >
                  {application.recommendationOpinion}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {application.recommendingUnit.bureauName}
                  {application.recommendedByName ? ` · ${application.recommendedByName}` : ''} ·{' '}
                  {chinaDateTime(application.recommendedAt)}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    ...(application.lastReason && !decided
      ? [{ key: 'reason', label: '理由', children: application.lastReason }]
      : []),
    ...(decided && application.decisionReason
      ? [
          {
            key: 'decision',
            label: '决定意见',
            children: (
              <Flex vertical>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                  data-testid="pilot-decision"
                >
                  {application.decisionReason}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {application.authority.bureauName} · {chinaDateTime(application.decidedAt)}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  if (basis) {
    const { total, passMark, sheets, rule, passes, measuresVersionNo: versionNo } = basis;
    const measures = application.call.measures;
    items.push({
      key: 'basis',
      label: '决定依据',
      children: (
        <Flex vertical data-testid="pilot-decision-basis">
          <span>
            评审总分 {total?.toFixed(2) ?? '—'} 分（{sheets} 份评分表
            {rule ? `，${AGGREGATION_RULE_LABELS[rule]}` : ''}）
          </span>
          <span>
            合格线 {passMark ?? '—'} 分{passes !== null ? ` · ${passes ? '达到' : '未达到'}合格线` : ''}
          </span>
          <span>
            实施办法《{measures.title}》（{measures.documentNumber}）第 {versionNo ?? measures.versionNo} 版
          </span>
        </Flex>
      ),
    });
  }
  if (items.length === 0) return null;
  return (
    <Card title="意见与决定">
      {application.state === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="已退回修改，请按理由修改申报书后重新提交"
        />
      )}
      <Descriptions size="small" bordered column={1} items={items} />
    </Card>
  );
}
