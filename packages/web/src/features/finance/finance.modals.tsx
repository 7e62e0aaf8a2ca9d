import { useMutation, useQuery } from '@apollo/client/react';
import {
  FINANCING_FORM_LABELS,
  formatYuan,
  INTRODUCTION_OUTCOME_LABELS,
  LINKAGE_WITHDRAWAL_REASON_MAX,
} from '@xiangmeng/domain';
import { App, DatePicker, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type {
  CompensationClaimFieldsFragment,
  FinancingNeedFieldsFragment,
  FinancingRecordFieldsFragment,
} from '../../gql/graphql';
import { fromCalendarDate, toCalendarDate, todayInChina } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { isYuanAmount, yuanToFen } from '../../shared/format';
import { ReasonField } from '../../shared/reason-field';
import { YuanInput } from '../../shared/yuan-input';
import {
  AnswerIntroductionMutation,
  CompensationClaimsQuery,
  EnrolLinkageInstitutionMutation,
  FileCompensationClaimMutation,
  FinanceAllianceMembersQuery,
  FinanceAlliancesQuery,
  FinanceOrganizationsQuery,
  FinancingEventsQuery,
  FinancingNeedsQuery,
  FinancingRecordsQuery,
  IntroduceInstitutionMutation,
  LinkageInstitutionsQuery,
  PostFinancingNeedMutation,
  RecordFinancingEventMutation,
  RecordFinancingMutation,
  TransitionCompensationClaimMutation,
  WithdrawLinkageInstitutionMutation,
} from './finance.operations';

const FORM_OPTIONS = Object.entries(FINANCING_FORM_LABELS).map(([value, label]) => ({ value, label }));
const INSTITUTION_TYPES = ['BANK', 'VENTURE_CAPITAL', 'GUARANTEE', 'INSURANCE'];
const yuanRule = {
  validator: (_: unknown, v?: string) =>
    v && isYuanAmount(v) ? Promise.resolve() : Promise.reject(new Error('请填写金额（元，最多两位小数）')),
};

/** The bureau's alliances and, for the chosen one, its current members of the wanted types. */
function useAlliances(allianceId: string | undefined) {
  const { data, loading } = useQuery(FinanceAlliancesQuery, { fetchPolicy: 'cache-and-network' });
  // From the server each time: a member that joined a moment ago in the register is a choice here.
  const members = useQuery(FinanceAllianceMembersQuery, {
    variables: { id: allianceId ?? '' },
    skip: !allianceId,
    fetchPolicy: 'cache-and-network',
  });
  const membersOf = (institutions: boolean) =>
    (members.data?.alliance.members ?? [])
      .filter((m) =>
        institutions ? INSTITUTION_TYPES.includes(m.organization.type) : m.organization.type === 'ENTERPRISE',
      )
      .map((m) => ({ value: m.organization.id, label: m.organization.name }));
  return {
    alliances: (data?.alliances.nodes ?? []).map((a) => ({ value: a.id, label: a.name })),
    membersOf,
    loading,
  };
}

/** A directory search limited to financial institutions (or enterprises). */
function OrganizationSelect({
  institutions,
  value,
  onChange,
  mode,
  testId,
}: {
  institutions: boolean;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  mode?: 'multiple';
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(FinanceOrganizationsQuery, { variables: { search } });
  const options = (data?.organizations ?? [])
    .filter((o) => (institutions ? INSTITUTION_TYPES.includes(o.type) : o.type === 'ENTERPRISE'))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      showSearch
      mode={mode}
      filterOption={false}
      onSearch={setSearch}
      loading={loading}
      options={options}
      value={value}
      onChange={onChange}
      placeholder={institutions ? '输入名称查找金融机构' : '输入名称查找企业'}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}

type NeedValues = {
  allianceId: string;
  organizationId: string;
  amountYuan: string;
  purpose: string;
  termMonths: number;
  preferredForm: string;
  postedOn: Dayjs;
  inLinkageProgramme: boolean;
};

/** 登记融资需求: an enterprise that is a current member of one of the bureau's alliances. */
export function PostNeedModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NeedValues>();
  const allianceId = Form.useWatch('allianceId', form);
  const { alliances, membersOf, loading: alliancesLoading } = useAlliances(allianceId);
  const [post, { loading }] = useMutation(PostFinancingNeedMutation, {
    refetchQueries: [FinancingNeedsQuery],
  });
  return (
    <FormModal<NeedValues>
      open
      title="登记融资需求"
      okText="登记"
      form={form}
      name="financing-need"
      loading={loading}
      width={640}
      initialValues={{ preferredForm: 'LOAN', termMonths: 12, inLinkageProgramme: false }}
      onCancel={onClose}
      errorTestId="financing-need-error"
      onSubmit={async (v) => {
        await post({
          variables: {
            input: {
              allianceId: v.allianceId,
              organizationId: v.organizationId,
              amountFen: yuanToFen(v.amountYuan),
              purpose: v.purpose.trim(),
              termMonths: v.termMonths,
              preferredForm: v.preferredForm,
              postedOn: toCalendarDate(v.postedOn),
              inLinkageProgramme: v.inLinkageProgramme,
            },
          },
        });
        void message.success('融资需求已登记');
        onClose();
      }}
    >
      <Form.Item label="联盟" name="allianceId" rules={[{ required: true, message: '请选择联盟' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={alliances}
          loading={alliancesLoading}
          data-testid="need-alliance"
        />
      </Form.Item>
      <Form.Item
        label="企业"
        name="organizationId"
        rules={[{ required: true, message: '请选择联盟成员企业' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={membersOf(false)}
          placeholder="联盟的成员企业"
          data-testid="need-enterprise"
        />
      </Form.Item>
      <Form.Item label="融资金额" name="amountYuan" rules={[yuanRule]}>
        <YuanInput style={{ width: 240 }} data-testid="need-amount" />
      </Form.Item>
      <Form.Item
        label="资金用途"
        name="purpose"
        rules={[{ required: true, whitespace: true, message: '请填写资金用途' }]}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="need-purpose" />
      </Form.Item>
      <Form.Item label="期限（月）" name="termMonths" rules={[{ required: true, message: '请填写期限' }]}>
        <InputNumber min={1} max={360} precision={0} />
      </Form.Item>
      <Form.Item label="意向方式" name="preferredForm">
        <Select options={FORM_OPTIONS} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="发布日期" name="postedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="need-posted-on" />
      </Form.Item>
      <Form.Item
        label="向省融资对接计划公开"
        name="inLinkageProgramme"
        valuePropName="checked"
        extra="公开后，参加省融资对接计划的金融机构和省厅可以看到该需求；否则仅联盟内的金融机构可见"
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

type IntroduceValues = { institutionId: string; eventId?: string; introducedOn: Dayjs };

/** 推介机构: the database refuses an institution that may not see the need. */
export function IntroduceModal({
  need,
  onClose,
}: {
  need: FinancingNeedFieldsFragment;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<IntroduceValues>();
  const events = useQuery(FinancingEventsQuery);
  const [introduce, { loading }] = useMutation(IntroduceInstitutionMutation, {
    refetchQueries: [FinancingNeedsQuery],
  });
  return (
    <FormModal<IntroduceValues>
      open
      title={`推介金融机构：${need.organizationName}`}
      okText="推介"
      form={form}
      name="introduce"
      loading={loading}
      onCancel={onClose}
      errorTestId="introduce-error"
      intro={
        <Typography.Paragraph type="secondary">
          只能推介联盟成员中的金融机构；需求向省融资对接计划公开后，也可推介参加该计划的机构。
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await introduce({
          variables: {
            input: {
              needId: need.id,
              institutionId: v.institutionId,
              eventId: v.eventId ?? null,
              introducedOn: toCalendarDate(v.introducedOn),
            },
          },
        });
        void message.success('已推介');
        onClose();
      }}
    >
      <Form.Item
        label="金融机构"
        name="institutionId"
        rules={[{ required: true, message: '请选择金融机构' }]}
      >
        <OrganizationSelect institutions testId="introduce-institution" />
      </Form.Item>
      <Form.Item label="对接活动" name="eventId">
        <Select
          allowClear
          options={(events.data?.financingEvents ?? []).map((e) => ({
            value: e.id,
            label: `${e.heldOn} ${e.title}`,
          }))}
        />
      </Form.Item>
      <Form.Item label="对接日期" name="introducedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="introduce-on" />
      </Form.Item>
    </FormModal>
  );
}

type AnswerValues = { outcome: string; outcomeOn: Dayjs; note: string };

export function AnswerModal({
  introduction,
  onClose,
}: {
  introduction: FinancingNeedFieldsFragment['introductions'][number];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const [answer, { loading }] = useMutation(AnswerIntroductionMutation, {
    refetchQueries: [FinancingNeedsQuery],
  });
  const options = Object.entries(INTRODUCTION_OUTCOME_LABELS)
    .filter(([value]) => value !== 'PENDING')
    .map(([value, label]) => ({ value, label }));
  return (
    <FormModal<AnswerValues>
      open
      title={`登记答复：${introduction.institutionName}`}
      okText="登记"
      form={form}
      name="answer"
      loading={loading}
      initialValues={{ outcome: 'INTERESTED', note: '' }}
      onCancel={onClose}
      errorTestId="answer-error"
      onSubmit={async (v) => {
        await answer({
          variables: {
            input: {
              id: introduction.id,
              version: introduction.version,
              outcome: v.outcome,
              outcomeOn: toCalendarDate(v.outcomeOn),
              note: (v.note ?? '').trim(),
            },
          },
        });
        void message.success('答复已登记');
        onClose();
      }}
    >
      <Form.Item label="答复" name="outcome">
        <Select options={options} style={{ width: 220 }} data-testid="answer-outcome" />
      </Form.Item>
      <Form.Item label="答复日期" name="outcomeOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="answer-on" />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

type RecordValues = {
  form: string;
  allianceId: string;
  organizationId: string;
  institutionId: string;
  amountYuan: string;
  grantedOn: Dayjs;
  termMonths?: number;
  ratePercent?: number;
  registeredOn?: Dayjs;
};

/** 登记融资记录, from a need (its enterprise and alliance fixed) or on its own. */
export function RecordFinancingModal({
  need,
  onClose,
}: {
  need?: FinancingNeedFieldsFragment;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const allianceId = Form.useWatch('allianceId', form);
  const financingForm = Form.useWatch('form', form);
  const loan = financingForm === 'LOAN' || financingForm === 'IP_PLEDGE_LOAN';
  const { alliances, membersOf } = useAlliances(allianceId);
  const [record, { loading }] = useMutation(RecordFinancingMutation, {
    refetchQueries: [FinancingRecordsQuery, FinancingNeedsQuery],
  });
  return (
    <FormModal<RecordValues>
      open
      title="登记融资记录"
      okText="登记"
      form={form}
      name="financing-record"
      loading={loading}
      width={640}
      initialValues={{
        form: need?.preferredForm ?? 'LOAN',
        allianceId: need?.allianceId,
        organizationId: need?.organizationId,
        amountYuan: need ? String(Number(need.amountFen) / 100) : undefined,
        termMonths: need?.termMonths,
      }}
      onCancel={onClose}
      errorTestId="financing-record-error"
      onSubmit={async (v) => {
        await record({
          variables: {
            input: {
              form: v.form,
              allianceId: v.allianceId,
              organizationId: v.organizationId,
              institutionId: v.institutionId,
              needId: need?.id ?? null,
              amountFen: yuanToFen(v.amountYuan),
              grantedOn: toCalendarDate(v.grantedOn),
              termMonths: v.termMonths ?? null,
              rateBasisPoints:
                loan && v.ratePercent !== undefined && v.ratePercent !== null
                  ? Math.round(v.ratePercent * 100)
                  : null,
              registeredOn: loan && v.registeredOn ? toCalendarDate(v.registeredOn) : null,
            },
          },
        });
        void message.success('融资记录已登记');
        onClose();
      }}
    >
      <Form.Item label="方式" name="form">
        <Select options={FORM_OPTIONS} style={{ width: 220 }} data-testid="record-form" />
      </Form.Item>
      <Form.Item label="联盟" name="allianceId" rules={[{ required: true, message: '请选择联盟' }]}>
        <Select showSearch optionFilterProp="label" options={alliances} disabled={Boolean(need)} />
      </Form.Item>
      <Form.Item label="企业" name="organizationId" rules={[{ required: true, message: '请选择企业' }]}>
        <Select options={membersOf(false)} disabled={Boolean(need)} />
      </Form.Item>
      <Form.Item
        label="金融机构"
        name="institutionId"
        rules={[{ required: true, message: '请选择金融机构' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={membersOf(true)}
          placeholder="联盟成员中的金融机构"
          data-testid="record-institution"
        />
      </Form.Item>
      <Form.Item label="金额" name="amountYuan" rules={[yuanRule]}>
        <YuanInput style={{ width: 240 }} data-testid="record-amount" />
      </Form.Item>
      <Form.Item
        label="放款（投资、承保）日期"
        name="grantedOn"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker data-testid="record-granted-on" />
      </Form.Item>
      <Form.Item
        label="期限（月）"
        name="termMonths"
        rules={loan ? [{ required: true, message: '贷款请填写期限' }] : []}
      >
        <InputNumber min={1} max={360} precision={0} />
      </Form.Item>
      {loan && (
        <>
          <Form.Item label="年利率（%）" name="ratePercent">
            <InputNumber min={0} max={36} precision={2} />
          </Form.Item>
          <Form.Item
            label="风险补偿备案日期"
            name="registeredOn"
            extra="在备案期限内备案的贷款，违约时可以申请风险补偿"
          >
            <DatePicker data-testid="record-registered-on" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

type EventValues = {
  title: string;
  heldOn: Dayjs;
  organizer: string;
  institutionIds: string[];
  enterpriseIds: string[];
  note: string;
};

export function RecordEventModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const [record, { loading }] = useMutation(RecordFinancingEventMutation, {
    refetchQueries: [FinancingEventsQuery],
  });
  return (
    <FormModal<EventValues>
      open
      title="登记对接活动"
      okText="登记"
      form={form}
      name="financing-event"
      loading={loading}
      width={640}
      initialValues={{ note: '' }}
      onCancel={onClose}
      errorTestId="financing-event-error"
      onSubmit={async (v) => {
        await record({
          variables: {
            input: {
              title: v.title.trim(),
              heldOn: toCalendarDate(v.heldOn),
              organizer: v.organizer.trim(),
              institutionIds: v.institutionIds,
              enterpriseIds: v.enterpriseIds,
              note: (v.note ?? '').trim(),
            },
          },
        });
        void message.success('对接活动已登记');
        onClose();
      }}
    >
      <Form.Item
        label="活动名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="举办日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="主办单位"
        name="organizer"
        rules={[{ required: true, whitespace: true, message: '请填写主办单位' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="金融机构"
        name="institutionIds"
        rules={[{ required: true, message: '请至少选择一家金融机构' }]}
      >
        <OrganizationSelect institutions mode="multiple" />
      </Form.Item>
      <Form.Item
        label="企业"
        name="enterpriseIds"
        rules={[{ required: true, message: '请至少选择一家企业' }]}
      >
        <OrganizationSelect institutions={false} mode="multiple" />
      </Form.Item>
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

type ClaimValues = { financingRecordId: string; defaultedOn: Dayjs; principalLostYuan: string };

/** 申请风险补偿 on a registered loan in default. */
export function FileClaimModal({
  loans,
  onClose,
}: {
  loans: FinancingRecordFieldsFragment[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ClaimValues>();
  const [file, { loading }] = useMutation(FileCompensationClaimMutation, {
    refetchQueries: [CompensationClaimsQuery],
  });
  return (
    <FormModal<ClaimValues>
      open
      title="申请风险补偿"
      okText="提交申请"
      form={form}
      name="compensation-claim"
      loading={loading}
      width={640}
      onCancel={onClose}
      errorTestId="claim-error"
      intro={
        <Typography.Paragraph type="secondary">
          在放款后备案期限内登记风险补偿备案的贷款，违约后可按本金损失的补偿比例申请补偿，以该银行本年度补偿上限为限。
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await file({
          variables: {
            input: {
              financingRecordId: v.financingRecordId,
              defaultedOn: toCalendarDate(v.defaultedOn),
              principalLostFen: yuanToFen(v.principalLostYuan),
            },
          },
        });
        void message.success('补偿申请已提交');
        onClose();
      }}
    >
      <Form.Item label="贷款" name="financingRecordId" rules={[{ required: true, message: '请选择贷款' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          data-testid="claim-loan"
          options={loans.map((l) => ({
            value: l.id,
            label: `${l.organizationName} · ${l.institutionName} · ${formatYuan(l.amountFen)} · ${l.grantedOn}`,
          }))}
        />
      </Form.Item>
      <Form.Item label="违约日期" name="defaultedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="claim-defaulted-on" />
      </Form.Item>
      <Form.Item label="本金损失" name="principalLostYuan" rules={[yuanRule]}>
        <YuanInput style={{ width: 240 }} data-testid="claim-lost" />
      </Form.Item>
    </FormModal>
  );
}

const ACTION_TITLES: Record<string, string> = {
  APPROVE: '核准补偿',
  DECLINE: '不予补偿',
  WITHDRAW: '撤回申请',
};

/** A decision on a claim: the reason, and a warning that it is final. */
export function ClaimActionModal({
  claim,
  action,
  onClose,
}: {
  claim: CompensationClaimFieldsFragment;
  action: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [move, { loading }] = useMutation(TransitionCompensationClaimMutation, {
    refetchQueries: [CompensationClaimsQuery],
  });
  const preview = claim.preview;
  return (
    <FormModal<{ text: string }>
      open
      title={`${ACTION_TITLES[action] ?? action}：${claim.organizationName}`}
      okText={ACTION_TITLES[action] ?? '确定'}
      okButtonProps={{ danger: action !== 'APPROVE' }}
      form={form}
      name="claim-action"
      loading={loading}
      onCancel={onClose}
      errorTestId="claim-action-error"
      intro={
        <Typography.Paragraph type="warning">
          {action === 'APPROVE' && preview
            ? `将按今日参数补偿 ${formatYuan(preview.amountFen)}（本金损失的 ${preview.shareNumerator}/${preview.shareDenominator} 为 ${formatYuan(preview.shareOfLossFen)}，该银行 ${preview.ceilingYear} 年度上限余额 ${formatYuan(preview.remainingCeilingFen)}），并记入补偿台账。`
            : ''}
          决定作出后不能撤销。
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await move({
          variables: { input: { id: claim.id, action, version: claim.version, text: v.text.trim() } },
        });
        void message.success(`已${ACTION_TITLES[action] ?? '处理'}`);
        onClose();
      }}
    >
      <ReasonField name="text" label="理由" testId="claim-reason" />
    </FormModal>
  );
}

/** 加入对接计划 (the province's). */
export function EnrolModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ organizationId: string; enrolledOn: Dayjs }>();
  const [enrol, { loading }] = useMutation(EnrolLinkageInstitutionMutation, {
    refetchQueries: [LinkageInstitutionsQuery],
  });
  return (
    <FormModal<{ organizationId: string; enrolledOn: Dayjs }>
      open
      title="金融机构加入省融资对接计划"
      okText="加入"
      form={form}
      name="enrol"
      loading={loading}
      onCancel={onClose}
      errorTestId="enrol-error"
      onSubmit={async (v) => {
        await enrol({
          variables: {
            input: { organizationId: v.organizationId, enrolledOn: toCalendarDate(v.enrolledOn) },
          },
        });
        void message.success('已加入对接计划');
        onClose();
      }}
    >
      <Form.Item
        label="金融机构"
        name="organizationId"
        rules={[{ required: true, message: '请选择金融机构' }]}
      >
        <OrganizationSelect institutions />
      </Form.Item>
      <Form.Item label="加入日期" name="enrolledOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** 退出对接计划: the institution asked, or the province acts for it; the enrolment stays on record. */
export function WithdrawLinkageModal({
  institution,
  onClose,
}: {
  institution: { id: string; name: string; enrolledOn: string };
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ withdrawnOn: Dayjs; reason: string }>();
  const [withdraw, { loading }] = useMutation(WithdrawLinkageInstitutionMutation, {
    refetchQueries: [LinkageInstitutionsQuery],
  });
  return (
    <FormModal<{ withdrawnOn: Dayjs; reason: string }>
      open
      title={`退出省融资对接计划：${institution.name}`}
      okText="确认退出"
      okButtonProps={{ danger: true }}
      form={form}
      name="withdraw-linkage"
      initialValues={{ withdrawnOn: fromCalendarDate(todayInChina()) }}
      loading={loading}
      onCancel={onClose}
      errorTestId="withdraw-linkage-error"
      intro={
        <Typography.Paragraph type="warning">
          自退出日期起，该机构不再看到向对接计划公开的融资需求，也不能再被推介对接这些需求（作为联盟成员的除外）。
          退出记录保留，不能撤销；再次参加须重新加入。
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await withdraw({
          variables: {
            input: {
              id: institution.id,
              withdrawnOn: toCalendarDate(v.withdrawnOn),
              reason: v.reason.trim(),
            },
          },
        });
        void message.success(`${institution.name}已退出对接计划`);
        onClose();
      }}
    >
      <Form.Item label="退出日期" name="withdrawnOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <ReasonField
        name="reason"
        label="退出原因"
        placeholder="如：机构申请退出、业务调整等"
        testId="withdraw-linkage-reason"
        max={LINKAGE_WITHDRAWAL_REASON_MAX}
      />
    </FormModal>
  );
}
