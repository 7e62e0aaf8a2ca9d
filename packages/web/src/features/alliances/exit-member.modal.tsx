import { useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../shared/api-error';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { showViolationsOnForm } from '../../shared/form-violations';
import { type AllianceMemberRow, ExitAllianceMemberMutation } from './alliances.operations';
import { useShownSubject } from '../../shared/use-shown-subject';

type ExitMemberValues = { exitedOn: Dayjs; reason: string };

const FORM_ID = 'exit-member-form';

/** A member leaves on a date, with a reason. It cannot be undone; the record stays as history. */
export function ExitMemberModal({
  member,
  onClose,
}: {
  member: AllianceMemberRow | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [exitMember, { loading }] = useMutation(ExitAllianceMemberMutation);
  const shown = useShownSubject(member);

  async function exit(
    target: AllianceMemberRow,
    values: ExitMemberValues,
    form: FormInstance<ExitMemberValues>,
  ) {
    setFormError(null);
    try {
      await exitMember({
        variables: {
          input: {
            memberId: target.id,
            exitedOn: toCalendarDate(values.exitedOn),
            reason: values.reason.trim(),
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success(`${target.organization.name}已退出联盟`);
      onClose();
    } catch (error) {
      setFormError(showViolationsOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={member !== null}
      title="成员单位退出"
      okText="确认退出"
      okButtonProps={{ danger: true, htmlType: 'submit', form: FORM_ID }}
      confirmLoading={loading}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      destroyOnHidden
    >
      {shown && (
        <>
          <Typography.Paragraph>
            {MEMBER_ROLE_LABELS[shown.role]}「{shown.organization.name}」（{shown.joinedOn} 加入）退出联盟。
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="退出不可撤销"
            description="退出记录作为历史保留；该单位如再加入须重新登记。成员变化后，联盟协议须由全体现有成员签署才生效，请随后查看第八条检查。"
          />
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          <ExitForm
            key={shown.id}
            member={shown}
            onFinish={(values, form) => {
              if (member) void exit(member, values, form);
            }}
          />
        </>
      )}
    </Modal>
  );
}

function ExitForm({
  member,
  onFinish,
}: {
  member: AllianceMemberRow;
  onFinish: (values: ExitMemberValues, form: FormInstance<ExitMemberValues>) => void;
}) {
  const [form] = Form.useForm<ExitMemberValues>();
  return (
    <Form<ExitMemberValues>
      form={form}
      id={FORM_ID}
      name="exit-member"
      layout="vertical"
      initialValues={{ exitedOn: fromCalendarDate(todayInChina()) }}
      onFinish={(values) => onFinish(values, form)}
    >
      <Form.Item
        label="退出日期"
        name="exitedOn"
        rules={calendarDateRules('退出日期', { date: member.joinedOn, label: '加入日期' })}
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="退出原因"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写退出原因' },
          { min: 2, message: '退出原因至少 2 个字' },
          { max: 1000, message: '退出原因不能超过 1000 个字' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </Form>
  );
}
