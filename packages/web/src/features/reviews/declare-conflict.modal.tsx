import { useMutation } from '@apollo/client/react';
import { DatePicker, Form, Input, Radio, Select, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ExpertFieldsFragment } from '../../gql/graphql';
import { OrganizationPicker } from '../organizations/organization-picker';
import { FormModal } from '../../shared/form-modal';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  todayInChina,
  toCalendarDate,
} from '../../shared/calendar-dates';
import { useBureauOptions, type TieKind } from './expert-form.modal';
import { placeViolations } from '../../shared/form-violations';
import { DeclareExpertConflictMutation } from './reviews.operations';

type ConflictValues = {
  kind: TieKind;
  organizationId?: string;
  bureauTenantId?: string;
  reason: string;
  declaredOn: Dayjs;
};

/** 声明利益冲突: recorded for good (the history is kept); the expert is never assigned to a dossier it touches. */
export function DeclareConflictModal({
  expert,
  open,
  onClose,
}: {
  expert: ExpertFieldsFragment;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ConflictValues>();
  const bureaus = useBureauOptions();
  const [declare, { loading }] = useMutation(DeclareExpertConflictMutation);
  const kind = Form.useWatch('kind', form) ?? 'ORGANIZATION';
  const okButtonProps: ButtonProps & { 'data-testid': string } = { 'data-testid': 'conflict-save' };

  async function save(values: ConflictValues) {
    await declare({
      variables: {
        input: {
          expertId: expert.id,
          organizationId: values.kind === 'ORGANIZATION' ? (values.organizationId ?? null) : null,
          bureauTenantId: values.kind === 'BUREAU' ? (values.bureauTenantId ?? null) : null,
          reason: values.reason.trim(),
          declaredOn: toCalendarDate(values.declaredOn),
        },
      },
    });
    onClose();
  }

  return (
    <FormModal<ConflictValues>
      open={open}
      title={`声明利益冲突 · ${expert.name}`}
      okText="登记"
      okButtonProps={okButtonProps}
      loading={loading}
      width={600}
      form={form}
      initialValues={{ kind: 'ORGANIZATION', reason: '', declaredOn: fromCalendarDate(todayInChina()) }}
      onSubmit={save}
      placeError={(f, error) =>
        placeViolations(f, error, ['organizationId', 'bureauTenantId', 'reason', 'declaredOn'])
      }
      onCancel={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          登记后不可删除。专家不会被指派评审与该单位（作为联盟成员或推荐单位）有关的申报。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="kind" label="利益冲突对象">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'ORGANIZATION', label: '单位' },
            { value: 'BUREAU', label: '科技局（推荐单位）' },
          ]}
        />
      </Form.Item>
      {kind === 'BUREAU' ? (
        <Form.Item name="bureauTenantId" label="科技局" rules={[{ required: true, message: '请选择科技局' }]}>
          <Select placeholder="选择科技局" options={bureaus} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      ) : (
        <Form.Item name="organizationId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrganizationPicker />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label="理由"
        rules={[{ required: true, whitespace: true, message: '请说明存在利益冲突的理由' }]}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} placeholder="如：近三年在该单位兼职" />
      </Form.Item>
      <Form.Item name="declaredOn" label="声明日期" rules={calendarDateRules('声明日期')}>
        <DatePicker disabledDate={isAfterToday} />
      </Form.Item>
    </FormModal>
  );
}
