import { useMutation } from '@apollo/client/react';
import {
  AGGREGATION_RULE_LABELS,
  dossierGaps,
  PILOT_ACTION_LABELS,
  type PilotAction,
} from '@xiangmeng/domain';
import { Alert, App, Descriptions, Form, Typography, type ButtonProps } from 'antd';
import { measuresLabel } from '../measures/measures-label';
import type { PilotApplicationDetail } from './pilot-application-form.section';
import { FormModal } from '../../shared/form-modal';
import { placeViolationsByField } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import { TransitionPilotApplicationMutation } from './pilots.operations';

type TextField = { name: 'reason' | 'opinion'; label: string; placeholder: string };

// Which actions need written text, and what the text is called (the API refuses it missing).
const TEXT_FIELDS: Partial<Record<PilotAction, TextField>> = {
  RECOMMEND: { name: 'opinion', label: '推荐意见', placeholder: '推荐单位的推荐意见，签署后随申报材料报送' },
  RETURN: { name: 'reason', label: '退回理由', placeholder: '需修改完善的内容' },
  NOT_RECOMMEND: { name: 'reason', label: '不予推荐理由', placeholder: '不予推荐的理由' },
  REFUSE: { name: 'reason', label: '不予受理理由', placeholder: '形式审查不予受理的理由' },
  WITHDRAW: { name: 'reason', label: '撤回理由', placeholder: '撤回申报的理由' },
  APPROVE: { name: 'reason', label: '决定意见', placeholder: '确认为试点的书面决定意见' },
  DECLINE: { name: 'reason', label: '决定意见', placeholder: '不予确认的书面决定意见' },
};

// What each step means, said before it is taken; all of them are irreversible.
const EXPLANATIONS: Record<PilotAction, string> = {
  SUBMIT:
    '提交后申报书和申报材料即固定，交推荐单位推荐；提交前系统按申报通知适用的实施办法检查第八条基本条件。',
  RECOMMEND: '推荐后申报材料报送主管部门，由主管部门进行形式审查。推荐须由提交人以外的本单位管理员签署。',
  NOT_RECOMMEND: '不予推荐后本次申报结束，不可恢复。',
  RETURN: '退回后申报单位可修改申报书并重新提交。',
  ACCEPT: '形式审查通过后进入专家评审准备。',
  START_REVIEW: '开始专家评审后，评审专家可查看申报材料并评分。',
  CLOSE_REVIEW: '结束评审后评分结果汇总固定，专家不能再修改评分表。',
  PUBLICISE: '按实施办法规定的公示期公示拟确认名单，公示期满且异议均已答复后方可决定。',
  APPROVE: '确认后联盟获得相应试点称号，并列入试点名单。决定不可撤销。',
  DECLINE: '不予确认后本次申报结束。决定不可撤销。',
  WITHDRAW: '撤回后本次申报结束，不可恢复。',
  REFUSE: '不予受理后本次申报结束，不可恢复；如只需补正材料，请选择「退回修改」。',
};

/** What the saved 申报书 still lacks, by the same rule the API applies on submission. */
export function missingForSubmission(application: PilotApplicationDetail): string[] {
  const documents = [
    ...(application.feasibilityReport ? [application.feasibilityReport] : []),
    ...application.attachments,
  ];
  return dossierGaps(
    application.form,
    documents.map((d) => d.kind),
    application.call.requiredDocuments,
  ).map((gap) => gap.message);
}

const DANGER: readonly PilotAction[] = ['NOT_RECOMMEND', 'REFUSE', 'DECLINE', 'WITHDRAW'];

type Values = { text?: string };

// The violations that concern the written text (the field itself, or its guard).
const TEXT_VIOLATIONS: Record<TextField['name'], readonly string[]> = {
  reason: ['reason', 'input.reason', 'guard.REASON_GIVEN'],
  opinion: ['opinion', 'input.opinion', 'guard.OPINION_GIVEN'],
};

/** The confirmation every workflow step goes through, with the opinion or reason it requires. */
export function PilotActionModal({
  application,
  action,
  open,
  onClose,
  formDirty,
}: {
  application: PilotApplicationDetail;
  action: PilotAction;
  open: boolean;
  onClose: () => void;
  /** the 申报书 has unsaved edits (submission takes the saved one) */
  formDirty: boolean;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [transition, { loading }] = useMutation(TransitionPilotApplicationMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const field = TEXT_FIELDS[action];
  const label = PILOT_ACTION_LABELS[action];
  const aggregate = application.panel?.aggregate ?? null;
  const deciding = action === 'APPROVE' || action === 'DECLINE';
  const missing = action === 'SUBMIT' ? missingForSubmission(application) : [];
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: DANGER.includes(action),
    // Gaps are listed once, here; the API would only refuse the submission listing them again.
    disabled: missing.length > 0,
    'data-testid': 'pilot-action-confirm',
  };

  async function confirm(values: Values) {
    const written = values.text?.trim();
    await transition({
      variables: {
        input: {
          id: application.id,
          version: application.version,
          action,
          ...(field && written ? { [field.name]: written } : {}),
        },
      },
    });
    void message.success(`已${label}`);
    onClose();
  }

  return (
    <FormModal<Values>
      open={open}
      title={`${label} · ${application.allianceName}`}
      // An action already named 确认… is not confirmed twice (确认确认试点).
      okText={label.startsWith('确认') ? label : `确认${label}`}
      okButtonProps={okButtonProps}
      loading={loading}
      onCancel={onClose}
      width={600}
      form={form}
      name={`pilot-action-${action}`}
      onSubmit={confirm}
      // A violation of the text goes beside it; guard and Art. 8 failures are listed above.
      placeError={(form, apiError) =>
        placeViolationsByField(form, apiError, { text: field ? TEXT_VIOLATIONS[field.name] : [] })
      }
      errorTestId="pilot-action-error"
      intro={
        <>
          <Typography.Paragraph>{EXPLANATIONS[action]}</Typography.Paragraph>
          {action === 'SUBMIT' && formDirty && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="申报书有未保存的修改"
              description="提交的是已保存的申报书；请先关闭此窗口并保存申报书。"
            />
          )}
          {action === 'SUBMIT' && missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="pilot-submit-missing"
              title="申报材料尚不完整，补齐后方可提交"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {missing.map((gap) => (
                    <li key={gap}>{gap}</li>
                  ))}
                </ul>
              }
            />
          )}
          {deciding && (
            <Descriptions
              size="small"
              bordered
              column={1}
              style={{ marginBottom: 16 }}
              title="决定依据"
              data-testid="pilot-decision-basis-preview"
              items={[
                ...(aggregate
                  ? [
                      {
                        key: 'total',
                        label: '评审总分',
                        children: `${aggregate.total.toFixed(2)} 分（${aggregate.sheets} 份评分表，${
                          AGGREGATION_RULE_LABELS[aggregate.rule]
                        }${aggregate.rank ? `，本批排名第 ${aggregate.rank}` : ''}）`,
                      },
                      {
                        key: 'passMark',
                        label: '合格线',
                        children: `${aggregate.passMark} 分 · ${aggregate.passes ? '达到' : '未达到'}合格线`,
                      },
                    ]
                  : []),
                { key: 'measures', label: '实施办法', children: measuresLabel(application.call.measures) },
              ]}
            />
          )}
        </>
      }
    >
      {field && (
        <ReasonField
          name="text"
          label={field.label}
          placeholder={field.placeholder}
          testId="pilot-action-text"
        />
      )}
    </FormModal>
  );
}
