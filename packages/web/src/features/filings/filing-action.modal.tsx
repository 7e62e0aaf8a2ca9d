import { useMutation, useQuery } from '@apollo/client/react';
import {
  correctionDeadlineViolations,
  FILING_ACTION_LABELS,
  FILING_GUARD_LABELS,
  filingValidThrough,
  type FilingAction,
  type FilingState,
} from '@xiangmeng/domain';
import { Alert, App, DatePicker, Form, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayInChina, toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { placeViolationsByField } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import { actionAsks, filingGaps, guardsKnownToFail } from './filing-values';
import { FilingRoundDefaultsQuery, TransitionFilingMutation, type FilingDetail } from './filings.operations';

// What each step means, said before it is taken.
const EXPLANATIONS: Partial<Record<FilingAction, string>> = {
  SUBMIT:
    '提交后系统固定备案快照（联盟成员、协议、组织机构、材料及其 SHA-256、第八条审查结果和试点依据），报省科技厅受理；快照此后不可修改。',
  ACCEPT: '形式审查通过，受理该备案。',
  RETURN: '退回后市州可在补正期限内修改备案材料并重新提交；逾期未补正的，按不予备案处理。',
  REFUSE: '不予备案后本次备案结束，不可恢复。',
  START_REVIEW: '开始专家评审后，评审专家可查看备案材料并评分。',
  FINISH_REVIEW: '结束评审后评分结果汇总固定。',
  PUBLICISE: '按备案批次规定的公示天数公示拟备案名单；公示期满且异议均已答复后方可予以备案。',
  SUBMIT_CHANGE:
    '系统按联盟名录的现状重新固定备案快照，与已备案的快照比较后报省科技厅审核；内容没有变化的不能提交。审核期间原备案继续有效。',
  ACCEPT_CHANGE: '同意后，变更后的快照成为已备案的内容。',
  RETURN_CHANGE: '退回后，已备案的内容保持不变。',
  SUSPEND: '暂停期间备案不再有效，不能出具备案证明。',
  REINSTATE: '恢复后备案重新有效。',
  WITHDRAW: '撤回后本次备案结束，不可恢复；如需再次备案，须在新的批次中重新提交。',
  REVOKE: '撤销后备案失效，不可恢复。',
};

// What the written reason is called for each action; 理由 elsewhere.
const REASON_LABELS: Partial<Record<FilingAction, string>> = {
  RETURN: '退回理由',
  REFUSE: '不予备案理由',
  SUBMIT_CHANGE: '变更说明',
  RETURN_CHANGE: '退回理由',
  SUSPEND: '暂停理由',
  REINSTATE: '恢复理由',
  WITHDRAW: '撤回理由',
  REVOKE: '撤销理由',
};

const DANGER: readonly FilingAction[] = ['REFUSE', 'SUSPEND', 'WITHDRAW', 'REVOKE'];

type Values = { reason?: string; correctionDeadline?: Dayjs };

// The violations that concern each field (the field itself, or its guard).
const FIELD_VIOLATIONS: Record<keyof Values, readonly string[]> = {
  reason: ['reason', 'input.reason', 'guard.REASON_GIVEN'],
  correctionDeadline: ['correctionDeadline', 'input.correctionDeadline', 'guard.CORRECTION_DEADLINE_SET'],
};

/**
 * The confirmation every step of a filing goes through. It asks for a reason where the step's
 * transition is guarded by REASON_GIVEN, and for the correction deadline of a return.
 */
export function FilingActionModal({
  filing,
  state,
  action,
  dossierDirty,
  onClose,
}: {
  filing: FilingDetail;
  state: FilingState;
  action: FilingAction;
  /** the dossier form has unsaved edits (submission takes the saved one) */
  dossierDirty: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [transition, { loading }] = useMutation(TransitionFilingMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const asks = actionAsks(state, action);
  const label = FILING_ACTION_LABELS[action];
  const reasonLabel = REASON_LABELS[action] ?? '理由';
  const gaps = action === 'SUBMIT' ? filingGaps(filing) : [];
  const today = todayInChina();
  // The validity is the measures' in force when filed: what they say today.
  const defaults = useQuery(FilingRoundDefaultsQuery, { skip: action !== 'FILE' });
  const validityYears = defaults.data?.filingRoundDefaults.validityYears;
  const failing = guardsKnownToFail(state, action, {
    today,
    roundOpen: filing.round.isOpen,
    noticeEndsOn: filing.noticeEndsOn ?? null,
    correctionDeadline: filing.correctionDeadline ?? null,
    unansweredObjections: filing.objections.filter((o) => !o.answer).length,
  });
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: DANGER.includes(action),
    'data-testid': 'filing-action-confirm',
  };

  async function confirm(values: Values) {
    const reason = values.reason?.trim();
    await transition({
      variables: {
        input: {
          id: filing.id,
          version: filing.version,
          action,
          ...(asks.reason && reason ? { reason } : {}),
          ...(asks.correctionDeadline && values.correctionDeadline
            ? { correctionDeadline: toCalendarDate(values.correctionDeadline) }
            : {}),
        },
      },
    });
    void message.success(`已${label}`);
    onClose();
  }

  return (
    <FormModal<Values>
      open
      title={`${label} · ${filing.allianceName}`}
      // An action already named 确认… is not confirmed twice (确认确认试点).
      okText={label.startsWith('确认') ? label : `确认${label}`}
      okButtonProps={okButtonProps}
      loading={loading}
      onCancel={onClose}
      width={600}
      form={form}
      name={`filing-action-${action}`}
      onSubmit={confirm}
      // A violation of a field the step asks for goes beside it; guard failures and the rest above.
      placeError={(form, apiError) =>
        placeViolationsByField(form, apiError, {
          reason: asks.reason ? FIELD_VIOLATIONS.reason : [],
          correctionDeadline: asks.correctionDeadline ? FIELD_VIOLATIONS.correctionDeadline : [],
        })
      }
      errorTestId="filing-action-error"
      intro={
        <>
          <Typography.Paragraph>
            {EXPLANATIONS[action] ?? `确认对该备案执行「${label}」？`}
          </Typography.Paragraph>
          {action === 'FILE' && (
            <Typography.Paragraph data-testid="filing-file-preview">
              予以备案后系统按年度顺序编定备案号（湘盟备〔年度〕序号号）
              {validityYears
                ? `；按现行实施办法，今天予以备案的有效期 ${validityYears} 年，至 ${filingValidThrough(today, validityYears)}`
                : ''}
              。
            </Typography.Paragraph>
          )}
          {failing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="filing-action-blocked"
              title={`目前还不能${label}`}
              description={failing
                .map((g) =>
                  g === 'NOTICE_PERIOD_OVER'
                    ? `公示期至 ${filing.noticeEndsOn ?? '—'} 结束，尚未期满`
                    : FILING_GUARD_LABELS[g],
                )
                .join('；')}
            />
          )}
          {action === 'SUBMIT' && dossierDirty && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="备案材料有未保存的修改"
              description="提交的是已保存的备案材料；请先关闭此窗口并保存。"
            />
          )}
          {action === 'SUBMIT' && gaps.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="filing-submit-missing"
              title="备案材料尚不完整，补齐后方可提交"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {gaps.map((gap) => (
                    <li key={gap}>{gap}</li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      }
    >
      {asks.correctionDeadline && (
        <Form.Item
          label="补正期限"
          name="correctionDeadline"
          required
          extra="市州须在此日期（含）前补正并重新提交"
          rules={[
            {
              validator: (_rule, value: Dayjs | null | undefined) => {
                const [violation] = correctionDeadlineViolations(value ? toCalendarDate(value) : null, today);
                return violation ? Promise.reject(new Error(violation.message)) : Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker
            data-testid="filing-action-deadline"
            disabledDate={(d) => correctionDeadlineViolations(toCalendarDate(d), today).length > 0}
          />
        </Form.Item>
      )}
      {asks.reason && <ReasonField name="reason" label={reasonLabel} testId="filing-action-reason" />}
    </FormModal>
  );
}
