import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../shared/api-error';
import type { ExpertFieldsFragment } from '../../gql/graphql';
import { ApiErrorAlert } from '../../shared/api-error.alert';
import { placeViolations } from '../../shared/form-violations';
import { ReopenReviewSheetMutation, SwapPanelMemberMutation } from './reviews.operations';

type PoolExpert = ExpertFieldsFragment;

/** Why the API would refuse this expert on any panel of the application, or '' (conflicts are its to tell). */
function refusal(e: PoolExpert, acceptedDomains: readonly string[]): string {
  if (!e.available) return `暂不可用：${e.unavailableReason}`;
  if (!e.accountUsername) return '未关联登录账号';
  if (e.reviewsThisYear >= e.yearlyCap) return '已达年度上限';
  if (!e.domains.some((d) => acceptedDomains.includes(d.code))) return '评审领域不符';
  return '';
}

/** Pool experts as choices, those who fit first; the unavailable, unlinked, capped or out of domain cannot be chosen. */
export function poolExpertOptions(
  pool: readonly PoolExpert[],
  excludeIds: readonly string[],
  acceptedDomains: readonly string[],
) {
  return pool
    .filter((e) => !excludeIds.includes(e.id))
    .map((e) => {
      const note = refusal(e, acceptedDomains);
      return { value: e.id, label: `${e.name}（${e.title}）`, disabled: note !== '', expert: e, note };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
}

export function PoolExpertOption({ expert, note }: { expert: PoolExpert; note: string }) {
  return (
    <div>
      <div>
        {expert.name}
        <Typography.Text type="secondary">（{expert.title}）</Typography.Text>
        <Typography.Text type={note ? 'danger' : 'secondary'} style={{ float: 'right' }}>
          {note || `本年 ${expert.reviewsThisYear} / ${expert.yearlyCap}`}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {expert.domains.map((d) => d.name).join('、') || '—'}
        {expert.affiliations.length > 0 ? ` · ${expert.affiliations.map((a) => a.label).join('、')}` : ''}
      </Typography.Text>
    </div>
  );
}

/** A select over the pool, showing each expert's domains, affiliations and load. */
export function PoolExpertSelect({
  pool,
  excludeIds,
  acceptedDomains,
  value,
  onChange,
  testId,
  loading,
}: {
  pool: readonly PoolExpert[];
  excludeIds: readonly string[];
  /** the application's industry and its parent class: an expert of either fits */
  acceptedDomains: readonly string[];
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
  loading?: boolean;
}) {
  const options = poolExpertOptions(pool, excludeIds, acceptedDomains);
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      placeholder="从专家库中选择"
      loading={loading}
      style={{ width: '100%', minWidth: 280 }}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      optionRender={(option) => {
        const data = option.data as (typeof options)[number];
        return <PoolExpertOption expert={data.expert} note={data.note} />;
      }}
      data-testid={testId}
      popupMatchSelectWidth={false}
      notFoundContent="专家库中没有其他专家"
    />
  );
}

type SwapValues = { expertId: string; reason: string };

/** 撤换专家: another pool expert takes the seat (same conflict checks); the reason is audited. */
export function SwapMemberModal({
  assignmentId,
  expertName,
  pool,
  seatedIds,
  acceptedDomains,
  onClose,
  onSwapped,
}: {
  assignmentId: string;
  expertName: string;
  pool: readonly PoolExpert[];
  seatedIds: readonly string[];
  acceptedDomains: readonly string[];
  onClose: () => void;
  onSwapped: () => void;
}) {
  const [form] = Form.useForm<SwapValues>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [swap, { loading }] = useMutation(SwapPanelMemberMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = { 'data-testid': 'panel-swap-confirm' };

  async function save(values: SwapValues) {
    setFailure(null);
    try {
      await swap({
        variables: { input: { assignmentId, expertId: values.expertId, reason: values.reason.trim() } },
      });
      onSwapped();
    } catch (error) {
      setFailure(placeViolations(form, toApiError(error), ['expertId', 'reason']));
    }
  }

  return (
    <Modal
      open
      title={`撤换专家 · ${expertName}`}
      okText="确认撤换"
      okButtonProps={okButtonProps}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        被撤换专家的评分表留痕但不再计入汇总；替换的专家同样须领域相符、无利益冲突、未达年度上限。
      </Typography.Paragraph>
      <ApiErrorAlert error={failure} />
      <Form<SwapValues> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="expertId" label="替换为" rules={[{ required: true, message: '请选择替换的专家' }]}>
          <PoolExpertSelect
            pool={pool}
            excludeIds={seatedIds}
            acceptedDomains={acceptedDomains}
            testId="panel-swap-expert"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="撤换理由"
          rules={[{ required: true, whitespace: true, message: '请说明撤换理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReopenValues = { reason: string };

/** 退回重评: unlocks a submitted sheet for its expert; the reason is audited. */
export function ReopenSheetModal({
  sheetId,
  expertName,
  onClose,
  onReopened,
}: {
  sheetId: string;
  expertName: string;
  onClose: () => void;
  onReopened: () => void;
}) {
  const [form] = Form.useForm<ReopenValues>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [reopen, { loading }] = useMutation(ReopenReviewSheetMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: true,
    'data-testid': 'panel-reopen-confirm',
  };

  async function save(values: ReopenValues) {
    setFailure(null);
    try {
      await reopen({ variables: { input: { sheetId, reason: values.reason.trim() } } });
      onReopened();
    } catch (error) {
      setFailure(placeViolations(form, toApiError(error), ['reason']));
    }
  }

  return (
    <Modal
      open
      title={`退回评分表 · ${expertName}`}
      okText="确认退回重评"
      okButtonProps={okButtonProps}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph>
        退回后该评分表解除锁定，由专家修改后重新提交；退回理由记入审计记录。
      </Typography.Paragraph>
      <ApiErrorAlert error={failure} />
      <Form<ReopenValues> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="reason"
          label="退回理由"
          rules={[{ required: true, whitespace: true, message: '请说明退回理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
