import { useMutation } from '@apollo/client/react';
import { Form, Input, Select, Tooltip, Typography, type ButtonProps } from 'antd';
import type { PanelCandidatesQuery } from '../../gql/graphql';
import { FormModal } from '../../shared/form-modal';
import { placeViolations } from '../../shared/form-violations';
import { ReopenReviewSheetMutation, SwapPanelMemberMutation } from './reviews.operations';

/** A pool expert as a candidate for one application's panel, with the conflicts that keep them off it. */
export type PanelCandidate = PanelCandidatesQuery['panelCandidates'][number];

/** Why the API would refuse this expert on the application's panel, or '' when they may sit. */
function refusal({ expert, conflicts }: PanelCandidate, acceptedDomains: readonly string[]): string {
  if (conflicts.length) return `利益冲突：${conflicts.map((c) => c.message).join('；')}`;
  if (!expert.available) return `暂不可用：${expert.unavailableReason}`;
  if (!expert.accountUsername) return '未关联登录账号';
  if (expert.reviewsThisYear >= expert.yearlyCap) return '已达年度上限';
  if (!expert.domains.some((d) => acceptedDomains.includes(d.code))) return '评审领域不符';
  return '';
}

/** Candidates as choices, those who may sit first; the conflicted, unavailable, unlinked, capped or out of domain cannot be chosen. */
export function candidateOptions(
  candidates: readonly PanelCandidate[],
  excludeIds: readonly string[],
  acceptedDomains: readonly string[],
) {
  return candidates
    .filter((c) => !excludeIds.includes(c.expert.id))
    .map((c) => {
      const note = refusal(c, acceptedDomains);
      return {
        value: c.expert.id,
        label: `${c.expert.name}（${c.expert.title}）`,
        disabled: note !== '',
        candidate: c,
        note,
      };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
}

export function CandidateOption({ candidate, note }: { candidate: PanelCandidate; note: string }) {
  const { expert, conflicts } = candidate;
  const option = (
    <div
      data-testid="panel-candidate"
      data-expert-name={expert.name}
      data-conflicted={conflicts.length > 0 ? 'true' : 'false'}
    >
      <div>
        {expert.name}
        <Typography.Text type="secondary">（{expert.title}）</Typography.Text>
        <Typography.Text type={note ? 'danger' : 'secondary'} style={{ float: 'right' }}>
          {conflicts.length ? '利益冲突' : note || `本年 ${expert.reviewsThisYear} / ${expert.yearlyCap}`}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {expert.domains.map((d) => d.name).join('、') || '—'}
        {expert.affiliations.length > 0 ? ` · ${expert.affiliations.map((a) => a.label).join('、')}` : ''}
      </Typography.Text>
      {conflicts.length > 0 && (
        <Typography.Text
          type="danger"
          style={{ fontSize: 12, display: 'block' }}
          data-testid="candidate-conflict"
        >
          {note}
        </Typography.Text>
      )}
    </div>
  );
  // Why a greyed-out expert cannot be chosen, before anything is submitted: a conflict in the
  // option itself, every reason on hover.
  return note ? (
    <Tooltip title={note} placement="right">
      {option}
    </Tooltip>
  ) : (
    option
  );
}

/** A select over the application's candidates, showing each expert's domains, affiliations, load and conflicts. */
export function CandidateSelect({
  candidates,
  excludeIds,
  acceptedDomains,
  value,
  onChange,
  testId,
  loading,
}: {
  candidates: readonly PanelCandidate[];
  excludeIds: readonly string[];
  /** the application's industry and its parent class: an expert of either fits */
  acceptedDomains: readonly string[];
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
  loading?: boolean;
}) {
  const options = candidateOptions(candidates, excludeIds, acceptedDomains);
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
        return <CandidateOption candidate={data.candidate} note={data.note} />;
      }}
      data-testid={testId}
      // A popup as wide as its widest option was pushed off the left edge of the screen: a fixed
      // width below the select, each option wrapping its domains and affiliations.
      placement="bottomLeft"
      popupMatchSelectWidth={480}
      styles={{ popup: { listItem: { whiteSpace: 'normal' } } }}
      notFoundContent="专家库中没有其他专家"
    />
  );
}

type SwapValues = { expertId: string; reason: string };

/** 撤换专家: another pool expert takes the seat (same conflict checks); the reason is audited. */
export function SwapMemberModal({
  assignmentId,
  expertName,
  candidates,
  loadingCandidates,
  seatedIds,
  acceptedDomains,
  onClose,
  onSwapped,
}: {
  assignmentId: string;
  expertName: string;
  candidates: readonly PanelCandidate[];
  loadingCandidates: boolean;
  seatedIds: readonly string[];
  acceptedDomains: readonly string[];
  onClose: () => void;
  onSwapped: () => void;
}) {
  const [form] = Form.useForm<SwapValues>();
  const [swap, { loading }] = useMutation(SwapPanelMemberMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = { 'data-testid': 'panel-swap-confirm' };

  async function save(values: SwapValues) {
    await swap({
      variables: { input: { assignmentId, expertId: values.expertId, reason: values.reason.trim() } },
    });
    onSwapped();
  }

  return (
    <FormModal<SwapValues>
      open
      title={`撤换专家 · ${expertName}`}
      okText="确认撤换"
      okButtonProps={okButtonProps}
      loading={loading}
      form={form}
      name="panel-swap"
      width={640}
      onSubmit={save}
      placeError={(f, error) => placeViolations(f, error, ['expertId', 'reason'])}
      onCancel={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          被撤换专家的评分表留痕但不再计入汇总；替换的专家同样须领域相符、无利益冲突、未达年度上限。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="expertId" label="替换为" rules={[{ required: true, message: '请选择替换的专家' }]}>
        <CandidateSelect
          candidates={candidates}
          loading={loadingCandidates}
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
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
      </Form.Item>
    </FormModal>
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
  const [reopen, { loading }] = useMutation(ReopenReviewSheetMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: true,
    'data-testid': 'panel-reopen-confirm',
  };

  async function save(values: ReopenValues) {
    await reopen({ variables: { input: { sheetId, reason: values.reason.trim() } } });
    onReopened();
  }

  return (
    <FormModal<ReopenValues>
      open
      title={`退回评分表 · ${expertName}`}
      okText="确认退回重评"
      okButtonProps={okButtonProps}
      loading={loading}
      form={form}
      name="panel-reopen"
      width={560}
      onSubmit={save}
      placeError={(f, error) => placeViolations(f, error, ['reason'])}
      onCancel={onClose}
      intro={
        <Typography.Paragraph>
          退回后该评分表解除锁定，由专家修改后重新提交；退回理由记入审计记录。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="reason"
        label="退回理由"
        rules={[{ required: true, whitespace: true, message: '请说明退回理由' }]}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
      </Form.Item>
    </FormModal>
  );
}
