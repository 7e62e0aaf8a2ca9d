import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DebarmentFieldsFragment } from '../../gql/graphql';
import { toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import { OrganizationPicker } from '../organizations/organization-picker';
import { DebarmentsQuery, LiftDebarmentMutation, RecordDebarmentMutation } from './programmes.operations';

type RecordValues = {
  organizationId: string;
  decisionDocument: string;
  fromDate: Dayjs;
  reason: string;
  evidence: string;
};

const dateField = (field: string) => (field.replace(/^input\./, '') === 'fromDate' ? ['fromDate'] : null);

/** 登记禁入 (Art. 20): the decision is public; its evidence stays with this authority. */
export function RecordDebarmentModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [record, { loading }] = useMutation(RecordDebarmentMutation, {
    refetchQueries: [DebarmentsQuery],
    awaitRefetchQueries: true,
  });

  async function save(values: RecordValues) {
    await record({
      variables: {
        input: {
          organizationId: values.organizationId,
          decisionDocument: values.decisionDocument.trim(),
          fromDate: toCalendarDate(values.fromDate),
          reason: values.reason.trim(),
          evidence: values.evidence?.trim() || null,
        },
      },
    });
    void message.success('禁入决定已登记');
    onClose();
  }

  return (
    <FormModal<RecordValues>
      open
      title="登记禁入决定"
      okText="登记"
      loading={loading}
      onCancel={onClose}
      width={680}
      form={form}
      name="debarment"
      onSubmit={save}
      placeError={(f, error) =>
        showViolationsOnForm(f, error, (field) => dateField(field) ?? [field.replace(/^input\./, '')])
      }
      errorTestId="debarment-error"
      intro={
        <Typography.Paragraph type="secondary">
          依据第二十条第（二）项，违反知识产权约定的参与单位五年内不得承担省级科技计划项目；禁入期按起始日当日有效的实施办法计算。
          登记后全省可查，不能删除，只能说明理由后解除。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="被禁入单位" name="organizationId" rules={[{ required: true, message: '请选择单位' }]}>
        <OrganizationPicker />
      </Form.Item>
      <Form.Item
        label="决定文号"
        name="decisionDocument"
        rules={[{ required: true, whitespace: true, message: '请填写决定文号' }]}
      >
        <Input count={{ show: true, max: 100 }} placeholder="如：湘科计〔2028〕12号" style={{ width: 320 }} />
      </Form.Item>
      <Form.Item label="禁入起始日期" name="fromDate" rules={[{ required: true, message: '请选择起始日期' }]}>
        <DatePicker />
      </Form.Item>
      <ReasonField name="reason" label="禁入理由" testId="debarment-reason" />
      <Form.Item label="证据说明（仅本单位可见）" name="evidence">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}

type LiftValues = { on: Dayjs; reason: string };

/** 解除禁入: recorded with its date and reason; the decision stays in the register. */
export function LiftDebarmentModal({
  debarment,
  onClose,
}: {
  debarment: DebarmentFieldsFragment;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LiftValues>();
  const [lift, { loading }] = useMutation(LiftDebarmentMutation);

  async function save(values: LiftValues) {
    await lift({
      variables: { input: { id: debarment.id, on: toCalendarDate(values.on), reason: values.reason.trim() } },
    });
    void message.success('禁入已解除');
    onClose();
  }

  return (
    <FormModal<LiftValues>
      open
      title={`解除禁入 · ${debarment.organizationName}`}
      okText="确认解除"
      okButtonProps={{ danger: true }}
      loading={loading}
      onCancel={onClose}
      form={form}
      name="lift-debarment"
      onSubmit={save}
      placeError={(f, error) => showViolationsOnForm(f, error, (field) => [field.replace(/^input\./, '')])}
      errorTestId="lift-debarment-error"
      intro={
        <Typography.Paragraph type="secondary">
          {debarment.decisionDocument}，禁入期 {debarment.fromDate} 至 {debarment.untilDate}
          。解除日期应在禁入期内；解除后记录仍保留。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="解除日期" name="on" rules={[{ required: true, message: '请选择解除日期' }]}>
        <DatePicker />
      </Form.Item>
      <ReasonField name="reason" label="解除理由" testId="debarment-lift-reason" />
    </FormModal>
  );
}
