import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  BUDGET_SOURCE_LABELS,
  BUDGET_SOURCES,
  isStaff,
  PROGRAMME_APPLICATION_ACTION_LABELS,
  PROGRAMME_DOCUMENT_KIND_LABELS,
  PROGRAMME_KINDS,
  type ProgrammeApplicationAction,
  type ProgrammeDocumentKind,
  programmeKindOf,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ProgrammeApplicationFieldsFragment } from '../../gql/graphql';
import { toApiError, type ApiError } from '../../shared/api-error';
import { ApiErrorAlert } from '../../shared/api-error.alert';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaDateTime, fenToYuan, formatFen, isYuanAmount, yuanToFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { ReasonField } from '../../shared/reason-field';
import { AllianceMembersQuery } from '../alliances/alliances.operations';
import { RecognitionFields, type RecognitionValues } from '../platforms/recognition-fields';
import { useSignedInViewer } from '../auth/viewer.provider';
import { ReviewPanelSection } from '../reviews/review-panel.section';
import { SupportNoticeSection } from '../support-notices/support-notice.section';
import { PilotAllianceDocumentsQuery } from '../pilots/pilots.operations';
import { RecordHistorySection } from '../audit/record-history.section';
import { DecisionPdfLink } from '../../shared/decision-pdf';
import { ProgrammesQuery } from './programmes.operations';
import { ProgrammeApplicationFormView } from '../reviews/programme-dossier.section';
import { ParticularFormItems } from './programme-particulars.fields';
import {
  ProgrammeApplicationQuery,
  SaveProgrammeApplicationFormMutation,
  TransitionProgrammeApplicationMutation,
} from './programme-applications.operations';

type Application = ProgrammeApplicationFieldsFragment;

const TEXT: Partial<Record<ProgrammeApplicationAction, { name: 'reason' | 'opinion'; label: string }>> = {
  RECOMMEND: { name: 'opinion', label: '推荐意见' },
  NOT_RECOMMEND: { name: 'reason', label: '不予推荐理由' },
  RETURN: { name: 'reason', label: '退回理由' },
  REFUSE: { name: 'reason', label: '不予受理理由' },
  AWARD: { name: 'reason', label: '立项意见' },
  DECLINE: { name: 'reason', label: '不予立项理由' },
  WITHDRAW: { name: 'reason', label: '撤回理由' },
};

// Said before each step is taken: every one of them is irreversible.
const EXPLANATIONS: Record<ProgrammeApplicationAction, string> = {
  SUBMIT:
    '提交后申请书和申报材料即冻结，交推荐单位推荐；提交时按第十四条、第十八条、第二十条检查支持条件和经核定的先行投入。',
  RECOMMEND: '推荐后申报材料报送计划主管部门形式审查。推荐须由提交人以外的本单位管理员签署。',
  NOT_RECOMMEND: '不予推荐后本次申报结束，不可恢复。',
  RETURN: '退回后申报单位可修改申请书并重新提交。',
  ACCEPT: '形式审查通过后组织专家评审。',
  REFUSE: '不予受理后本次申报结束，不可恢复。',
  START_REVIEW: '开始专家评审后，评审专家可查看申报材料并评分。',
  FINISH_REVIEW: '结束评审后评分结果固定。',
  PUBLICISE:
    '按计划规定的立项公示期公示拟立项项目（北京时间，自今日起算）。公示期间不能作出立项决定；期满并答复全部异议后方可立项，异议经核实成立的只能不予立项。',
  AWARD: '立项后按任务书拨付支持资金；立项时再次检查支持条件、配比和计划剩余预算。决定不可撤销。',
  DECLINE: '不予立项后本次申报结束。决定不可撤销。',
  WITHDRAW: '撤回后本次申报结束，不可恢复。',
};
const DANGER: readonly ProgrammeApplicationAction[] = ['NOT_RECOMMEND', 'REFUSE', 'DECLINE', 'WITHDRAW'];
const RECOGNITION_EXPLANATION =
  '认定后平台以申请书的名称、依托单位、共建单位和主任进入创新平台名录（第十五条），依托单位须按年度报送年度报告，并接受定期评估。决定不可撤销。';

/** 项目申报详情: the application, its form (editable on the applicant's side), its decision and the steps open to the viewer. */
export function ProgrammeApplicationPage() {
  const { applicationId = '' } = useParams();
  const [acting, setActing] = useState<ProgrammeApplicationAction | null>(null);
  const { data, loading, error, refetch } = useQuery(ProgrammeApplicationQuery, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  const programmes = useQuery(ProgrammesQuery, { fetchPolicy: 'cache-first' });
  const viewer = useSignedInViewer();
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const a = data.programmeApplication;
  const programme = programmes.data?.programmes.find((p) => p.id === a.programmeId) ?? null;
  const kind = programmeKindOf(programme?.kind);
  const recognises = kind !== null && PROGRAMME_KINDS[kind].outcome === 'PLATFORM';
  const editable = a.availableActions.includes('SUBMIT');

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/programmes">支持计划</Link> },
          { title: <Link to="/programmes/applications">项目申报</Link> },
          { title: a.form.title || '项目申报' },
        ]}
      />
      <Card
        title={
          <Space>
            {a.form.title || '（未填写项目名称）'}
            <Tag color="blue">{a.stateLabel}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Link
              to={`/programmes/applications/${a.id}/print`}
              data-testid="programme-application-print-link"
            >
              <Button icon={<PrinterOutlined />}>打印申报书</Button>
            </Link>
            {a.availableActions.map((action) => (
              <Button
                key={action}
                danger={DANGER.includes(action)}
                type={DANGER.includes(action) ? 'default' : 'primary'}
                onClick={() => setActing(action)}
              >
                {action === 'AWARD' && recognises ? '认定' : PROGRAMME_APPLICATION_ACTION_LABELS[action]}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'programme',
              label: '支持计划',
              children: programme ? `${programme.year} ${programme.name}` : '—',
            },
            { key: 'alliance', label: '联盟', children: a.allianceName ?? '（提交后显示）' },
            { key: 'requested', label: '申请支持', children: formatFen(a.requestedSupportFen) },
            a.recognisedPlatformId
              ? {
                  key: 'platform',
                  label: '认定平台',
                  children: <Link to={`/platforms/${a.recognisedPlatformId}`}>查看平台</Link>,
                }
              : { key: 'award', label: '立项支持', children: a.awardFen ? formatFen(a.awardFen) : '—' },
            {
              key: 'submitted',
              label: '提交时间',
              children: a.submittedAt ? chinaDateTime(a.submittedAt) : '未提交',
            },
            {
              key: 'recommended',
              label: '推荐',
              children: a.recommendedAt
                ? `${chinaDateTime(a.recommendedAt)}：${a.recommendationOpinion ?? ''}`
                : '—',
            },
          ]}
        />
        {a.lastReason && <Alert style={{ marginTop: 12 }} type="warning" title={`理由：${a.lastReason}`} />}
        {a.decisionBasis && (
          <Alert
            style={{ marginTop: 12 }}
            type={a.state === 'AWARDED' ? 'success' : 'info'}
            title={`决定：${a.decisionReason ?? ''}`}
            description={
              `经核定的先行投入 ${a.decisionBasis.verifiedInvestmentFen ? formatFen(a.decisionBasis.verifiedInvestmentFen) : '—'}，` +
              `配比 ${a.decisionBasis.matchRatio ?? '—'}，可支持上限 ${a.decisionBasis.supportCeilingFen ? formatFen(a.decisionBasis.supportCeilingFen) : '—'}` +
              (a.decisionBasis.reviewTotal !== null && a.decisionBasis.reviewTotal !== undefined
                ? `，专家评审总分 ${a.decisionBasis.reviewTotal}`
                : '')
            }
          />
        )}
        {a.decisionPdf && (
          <div style={{ marginTop: 12 }}>
            <DecisionPdfLink pdf={a.decisionPdf} />
          </div>
        )}
      </Card>
      {editable && kind ? (
        <ApplicationFormCard application={a} kind={kind} />
      ) : (
        <ProgrammeApplicationFormView application={a} kind={kind} />
      )}
      <SupportNoticeSection
        subjectType="programme_application"
        subjectId={a.id}
        noticeName="立项公示"
        inNotice={a.state === 'PUBLICISED'}
        noticeStartsOn={a.noticeStartsOn ?? null}
        noticeEndsOn={a.noticeEndsOn ?? null}
        authorityStaff={viewer.tenant.id === a.authorityTenantId && isStaff(viewer.roles)}
        objections={a.objections}
        onChanged={() => void refetch().catch(() => undefined)}
      />
      <ReviewPanelSection
        applicationId={a.id}
        state={a.state}
        kind="PROGRAMME_APPLICATION"
        onChanged={() => void refetch().catch(() => undefined)}
      />
      <Card title="办理记录">
        <RecordHistorySection subjectType="programme_application" subjectId={a.id} />
      </Card>
      {acting && (
        <ActionModal
          application={a}
          action={acting}
          recognises={recognises}
          onClose={() => setActing(null)}
        />
      )}
    </Flex>
  );
}

type FormValues = {
  title: string;
  period: { startOn: string; endOn: string };
  requestedYuan: string;
  responsibleUnitId?: string;
  responsiblePerson: string;
  participants: { organizationId: string; task: string; sharePercent?: number }[];
  ipTerms: { ownership: string; licensing: string; onDissolution: string; onMemberExit: string };
  sections: Record<string, string>;
  particulars: Record<string, string>;
  documents: { documentId: string; kind: ProgrammeDocumentKind }[];
};

const DOCUMENT_KINDS = Object.keys(PROGRAMME_DOCUMENT_KIND_LABELS) as ProgrammeDocumentKind[];

function toFormValues(a: Application): FormValues {
  const f = a.form;
  return {
    title: f.title,
    period: { startOn: f.startOn, endOn: f.endOn },
    requestedYuan: f.requestedSupportFen === '0' ? '' : fenToYuan(f.requestedSupportFen),
    responsibleUnitId: f.responsibleUnit?.organizationId,
    responsiblePerson: f.responsiblePerson,
    participants: f.participants.map((p) => ({
      organizationId: p.organizationId,
      task: p.task,
      sharePercent:
        (f.ipTerms.benefitShares.find((s) => s.organizationId === p.organizationId)?.basisPoints ?? 0) / 100,
    })),
    ipTerms: {
      ownership: f.ipTerms.ownership,
      licensing: f.ipTerms.licensing,
      onDissolution: f.ipTerms.onDissolution,
      onMemberExit: f.ipTerms.onMemberExit,
    },
    sections: Object.fromEntries(f.sections.map((s) => [s.key, s.text])),
    particulars: Object.fromEntries(f.particulars.map((p) => [p.key, p.value])),
    documents: a.documents.map((d) => ({ documentId: d.documentId, kind: d.kind })),
  };
}

/** The API's field names on this form's fields. */
function toPath(field: string): (string | number)[] | null {
  const f = field.replace(/^input\./, '');
  if (f === 'startOn' || f === 'endOn') return ['period', f];
  if (f === 'requestedSupportFen') return ['requestedYuan'];
  if (f === 'responsibleUnit') return ['responsibleUnitId'];
  const participant = /^participants\.(\d+)\.(task|organizationId)$/.exec(f);
  if (participant) return ['participants', Number(participant[1]), participant[2]!];
  const ip = /^ipTerms\.(ownership|licensing|onDissolution|onMemberExit)$/.exec(f);
  if (ip) return ['ipTerms', ip[1]!];
  const section = /^sections\.(\w+)$/.exec(f);
  if (section) return ['sections', section[1]!];
  const particular = /^particulars\.(\w+)$/.exec(f);
  if (particular) return ['particulars', particular[1]!];
  if (f === 'title' || f === 'responsiblePerson') return [f];
  return null;
}

/** The applicant's side fills in the form; the save answers what the form is filled from again. */
function ApplicationFormCard({
  application,
  kind,
}: {
  application: Application;
  kind: keyof typeof PROGRAMME_KINDS;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [base, setBase] = useState(application);
  const members = useQuery(AllianceMembersQuery, { variables: { id: application.allianceId } });
  const documents = useQuery(PilotAllianceDocumentsQuery, { variables: { id: application.allianceId } });
  const [save, { loading }] = useMutation(SaveProgrammeApplicationFormMutation);
  const memberOptions = (members.data?.alliance.members ?? [])
    .filter((m) => !m.exitedOn)
    .map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const documentOptions = (documents.data?.alliance.documents ?? []).map((d) => ({
    value: d.id,
    label: `${d.fileName}（${chinaDateTime(d.uploadedAt)} 上传）`,
  }));

  async function submit(values: FormValues) {
    setFailure(null);
    if (values.requestedYuan && !isYuanAmount(values.requestedYuan)) {
      form.setFields([{ name: ['requestedYuan'], errors: ['请填写金额（元，最多两位小数）'] }]);
      return;
    }
    const participants = values.participants ?? [];
    try {
      const result = await save({
        variables: {
          input: {
            id: base.id,
            version: base.version,
            title: values.title ?? '',
            startOn: values.period?.startOn ?? '',
            endOn: values.period?.endOn ?? '',
            requestedSupportFen: values.requestedYuan ? yuanToFen(values.requestedYuan) : '0',
            responsibleUnitId: values.responsibleUnitId ?? null,
            responsiblePerson: values.responsiblePerson ?? '',
            participants: participants.map((p) => ({ organizationId: p.organizationId, task: p.task ?? '' })),
            ipTerms: {
              ...values.ipTerms,
              benefitShares: participants
                .filter((p) => (p.sharePercent ?? 0) > 0)
                .map((p) => ({
                  organizationId: p.organizationId,
                  basisPoints: Math.round((p.sharePercent ?? 0) * 100),
                })),
            },
            sections: Object.entries(values.sections ?? {}).map(([key, text]) => ({ key, text: text ?? '' })),
            particulars: Object.entries(values.particulars ?? {}).map(([key, value]) => ({
              key,
              value: value ?? '',
            })),
            documents: (values.documents ?? []).filter((d) => d.documentId),
          },
        },
      });
      const saved = result.data?.saveProgrammeApplicationForm;
      if (saved) {
        setBase(saved);
        form.setFieldsValue(toFormValues(saved));
      }
      void message.success('申请书已保存');
    } catch (error) {
      const apiError = toApiError(error);
      const unplaced = showViolationsOnForm(form, apiError, toPath);
      setFailure(unplaced ? { ...apiError, message: unplaced, violations: [] } : null);
    }
  }

  return (
    <Card title="填写项目申请书">
      <ApiErrorAlert error={failure} testId="programme-form-error" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="programme-application"
        initialValues={toFormValues(application)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label="项目名称" name="title" rules={[{ max: 100, message: '项目名称不超过 100 字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="开始日期（YYYY-MM-DD）" name={['period', 'startOn']}>
            <Input placeholder="2027-09-01" />
          </Form.Item>
          <Form.Item label="结束日期（YYYY-MM-DD）" name={['period', 'endOn']}>
            <Input placeholder="2029-08-31" />
          </Form.Item>
          <Form.Item label="申请支持金额（元）" name="requestedYuan">
            <Input placeholder="3000000" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="项目承担单位（应为理事长单位，第十八条）" name="responsibleUnitId">
            <Select style={{ width: 320 }} options={memberOptions} allowClear />
          </Form.Item>
          <Form.Item label="项目负责人" name="responsiblePerson">
            <Input maxLength={40} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">参与单位、任务分工与利益分配（合计 100 %）</Divider>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap data-testid="programme-participant-row">
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    rules={[{ required: true, message: '请选择单位' }]}
                  >
                    <Select style={{ width: 260 }} options={memberOptions} placeholder="参与单位" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'task']}>
                    <Input style={{ width: 360 }} placeholder="任务分工" maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'sharePercent']}>
                    <InputNumber min={0} max={100} step={0.01} precision={2} addonAfter="%" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ task: '', sharePercent: 0 })}
              >
                添加参与单位
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">知识产权约定（第二十条第（二）项）</Divider>
        <Form.Item label="成果和知识产权的权利归属" name={['ipTerms', 'ownership']}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label="知识产权的许可实施" name={['ipTerms', 'licensing']}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label="联盟解散时的处理" name={['ipTerms', 'onDissolution']}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label="成员退出时的处理" name={['ipTerms', 'onMemberExit']}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {PROGRAMME_KINDS[kind].particulars.length > 0 && (
          <>
            <Divider titlePlacement="start">{PROGRAMME_KINDS[kind].label}信息</Divider>
            <ParticularFormItems fields={PROGRAMME_KINDS[kind].particulars} />
          </>
        )}
        <Divider titlePlacement="start">{PROGRAMME_KINDS[kind].label}申请书正文</Divider>
        {PROGRAMME_KINDS[kind].sections.map((s) => (
          <Form.Item
            key={s.key}
            label={s.required ? s.label : `${s.label}（选填）`}
            name={['sections', s.key]}
          >
            <Input.TextArea rows={3} maxLength={s.maxChars} showCount />
          </Form.Item>
        ))}
        <Divider titlePlacement="start">申报材料（本联盟已上传的文件）</Divider>
        <Form.List name="documents">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap data-testid="programme-document-row">
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[{ required: true, message: '请选择材料类别' }]}
                  >
                    <Select
                      style={{ width: 180 }}
                      options={DOCUMENT_KINDS.map((k) => ({
                        value: k,
                        label: PROGRAMME_DOCUMENT_KIND_LABELS[k],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'documentId']}
                    rules={[{ required: true, message: '请选择文件' }]}
                  >
                    <Select style={{ width: 380 }} options={documentOptions} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'APPLICATION_FORM' })}>
                添加申报材料
              </Button>
            </>
          )}
        </Form.List>
        <Divider />
        <Button type="primary" htmlType="submit" loading={loading}>
          保存申请书
        </Button>
      </Form>
    </Card>
  );
}

type ActionValues = {
  recognition?: RecognitionValues;
  reason?: string;
  opinion?: string;
  awardYuan?: string;
  targets?: string;
  indicators?: { name: string; target: string }[];
  milestones?: { title: string; dueOn: string }[];
  budgetTotalYuan?: string;
  budgetLines?: { source: string; amountYuan: string; purpose: string }[];
};

/** One step, confirmed with its text; the award dialog adds the amount and the task contract. */
function ActionModal({
  application,
  action,
  recognises,
  onClose,
}: {
  application: Application;
  action: ProgrammeApplicationAction;
  /** The programme's decision recognises a platform (Art. 15) instead of awarding money. */
  recognises: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [transition, { loading }] = useMutation(TransitionProgrammeApplicationMutation);
  const text = TEXT[action];
  const recognition = action === 'AWARD' && recognises;
  const award = action === 'AWARD' && !recognises;
  const label = recognition ? '认定' : PROGRAMME_APPLICATION_ACTION_LABELS[action];
  const yuan = (value: string | undefined, field: string) => {
    if (!value || !isYuanAmount(value)) throw new Error(`${field}`);
    return yuanToFen(value);
  };

  async function submit(values: ActionValues) {
    let awardFen: string | null = null;
    let taskContract = null;
    if (award) {
      try {
        awardFen = yuan(values.awardYuan, 'awardYuan');
        taskContract = {
          targets: values.targets ?? '',
          indicators: values.indicators ?? [],
          milestones: values.milestones ?? [],
          budgetTotalFen: yuan(values.budgetTotalYuan, 'budgetTotalYuan'),
          budgetLines: (values.budgetLines ?? []).map((l) => ({
            source: l.source,
            amountFen: yuan(l.amountYuan, 'budgetLines'),
            purpose: l.purpose ?? '',
          })),
        };
      } catch (bad) {
        const field = (bad instanceof Error ? bad.message : 'awardYuan') as keyof ActionValues;
        form.setFields([{ name: field, errors: ['请填写金额（元，最多两位小数）'] }]);
        throw new Error('请检查金额');
      }
    }
    await transition({
      variables: {
        input: {
          id: application.id,
          version: application.version,
          action,
          reason: values.reason ?? null,
          opinion: values.opinion ?? null,
          awardFen,
          taskContract,
          recognition: recognition
            ? {
                platformKind: values.recognition?.platformKind ?? '',
                field: values.recognition?.field ?? '',
                recognitionDocument: values.recognition?.recognitionDocument ?? '',
              }
            : null,
        },
      },
    });
    void message.success(`已${label}`);
    onClose();
  }

  return (
    <FormModal<ActionValues>
      open
      title={label}
      okText={`确认${label}`}
      okButtonProps={{ danger: DANGER.includes(action) }}
      loading={loading}
      onCancel={onClose}
      width={award ? 820 : 560}
      form={form}
      name="programme-action"
      initialValues={
        award
          ? {
              awardYuan: fenToYuan(application.requestedSupportFen),
              indicators: [{ name: '', target: '' }],
              milestones: [{ title: '', dueOn: '' }],
              budgetLines: [
                {
                  source: 'PROVINCIAL_SUPPORT',
                  amountYuan: fenToYuan(application.requestedSupportFen),
                  purpose: '',
                },
                { source: 'SELF_RAISED', amountYuan: '', purpose: '' },
              ],
            }
          : {}
      }
      onSubmit={submit}
      intro={
        <Alert
          type={DANGER.includes(action) ? 'warning' : 'info'}
          title={recognition ? RECOGNITION_EXPLANATION : EXPLANATIONS[action]}
          style={{ marginBottom: 12 }}
        />
      }
    >
      {recognition && <RecognitionFields />}
      {text && (
        <ReasonField
          name={text.name}
          label={recognition ? '认定意见' : text.label}
          testId={`programme-action-${text.name}`}
        />
      )}
      {award && (
        <>
          <Form.Item
            label="立项支持金额（元）"
            name="awardYuan"
            rules={[{ required: true, message: '请填写支持金额' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="目标任务"
            name="targets"
            rules={[{ required: true, whitespace: true, message: '请填写目标任务' }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Typography.Text strong>考核指标</Typography.Text>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '指标名称' }]}>
                      <Input placeholder="指标名称" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'target']} rules={[{ required: true, message: '指标值' }]}>
                      <Input placeholder="指标值" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', target: '' })}
                >
                  添加指标
                </Button>
              </>
            )}
          </Form.List>
          <Divider />
          <Typography.Text strong>进度节点</Typography.Text>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: '节点内容' }]}>
                      <Input placeholder="节点内容" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'dueOn']}
                      rules={[{ required: true, message: 'YYYY-MM-DD' }]}
                    >
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', dueOn: '' })}
                >
                  添加节点
                </Button>
              </>
            )}
          </Form.List>
          <Divider />
          <Form.Item
            label="总经费（元）"
            name="budgetTotalYuan"
            rules={[{ required: true, message: '请填写总经费' }]}
          >
            <Input />
          </Form.Item>
          <Typography.Text strong>经费来源（各行之和等于总经费）</Typography.Text>
          <Form.List name="budgetLines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'source']}>
                      <Select
                        style={{ width: 150 }}
                        options={BUDGET_SOURCES.map((s) => ({ value: s, label: BUDGET_SOURCE_LABELS[s] }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'amountYuan']}
                      rules={[{ required: true, message: '金额（元）' }]}
                    >
                      <Input placeholder="金额（元）" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'purpose']}>
                      <Input placeholder="用途" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ source: 'SELF_RAISED', amountYuan: '', purpose: '' })}
                >
                  添加经费来源
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}
