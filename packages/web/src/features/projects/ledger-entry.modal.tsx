import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  todayInChina,
  toCalendarDate,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { formatFen, isYuanAmount, yuanToFen } from '../../shared/format';
import { showViolationsOnForm } from '../../shared/form-violations';
import { DisburseProjectMutation, RecoverProjectFundsMutation } from './projects.operations';

type Values = { amountYuan: string; entryOn: Dayjs; documentNumber: string; note?: string };

/**
 * 拨付 or 追回: one append-only ledger entry. The confirmation says what is left and that an entry
 * is never changed or removed once recorded.
 */
export function LedgerEntryModal({
  project,
  kind,
  onClose,
}: {
  project: { id: string; title: string; awardedOn: string; totals: { remainingFen: string; netFen: string } };
  kind: 'DISBURSEMENT' | 'RECOVERY';
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [disburse, disbursing] = useMutation(DisburseProjectMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const [recover, recovering] = useMutation(RecoverProjectFundsMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const label = kind === 'DISBURSEMENT' ? '拨付' : '追回';
  const room = kind === 'DISBURSEMENT' ? project.totals.remainingFen : project.totals.netFen;

  async function confirm(values: Values) {
    const input = {
      projectId: project.id,
      amountFen: yuanToFen(values.amountYuan.trim()),
      entryOn: toCalendarDate(values.entryOn),
      documentNumber: values.documentNumber.trim(),
      note: values.note?.trim() ?? '',
    };
    if (kind === 'DISBURSEMENT') await disburse({ variables: { input } });
    else await recover({ variables: { input } });
    void message.success(`已登记${label} ${formatFen(input.amountFen)}`);
    onClose();
  }

  return (
    <FormModal<Values>
      open
      title={`登记${label}：${project.title}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: kind === 'RECOVERY', 'data-testid': 'ledger-entry-confirm' }}
      loading={disbursing.loading || recovering.loading}
      form={form}
      name="ledger-entry"
      initialValues={{ entryOn: fromCalendarDate(todayInChina()) }}
      onSubmit={confirm}
      placeError={showViolationsOnForm}
      onCancel={onClose}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${kind === 'DISBURSEMENT' ? '尚可拨付' : '可追回（已拨付净额）'} ${formatFen(room)}。资金台账只增不改：登记后不能修改或删除。`}
        />
      }
    >
      <Form.Item
        label={`${label}金额（元）`}
        name="amountYuan"
        rules={[
          { required: true, whitespace: true, message: `请填写${label}金额` },
          {
            validator: async (_, v: string) =>
              isYuanAmount(v ?? '') && yuanToFen(v) !== '0'
                ? undefined
                : Promise.reject(new Error('请填写大于零的金额（元，最多两位小数）')),
          },
        ]}
      >
        <Input style={{ width: 220 }} suffix="元" data-testid="ledger-entry-amount" />
      </Form.Item>
      <Form.Item
        label="资金发生日期"
        name="entryOn"
        rules={calendarDateRules('资金发生日期', { date: project.awardedOn, label: '立项日期' })}
      >
        <DatePicker style={{ width: 200 }} disabledDate={isAfterToday} />
      </Form.Item>
      <Form.Item
        label={kind === 'DISBURSEMENT' ? '拨付凭证号' : '追回决定文号'}
        name="documentNumber"
        rules={[{ required: true, whitespace: true, message: '请填写凭证号或文号' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
