import { useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../errors/api-error';
import type { AllianceMemberRow } from './members.section';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from './register-dates';
import { showViolationsOnForm } from './register-errors';
import { ExitAllianceMemberMutation } from './register.operations';

type ExitMemberValues = { exitedOn: Dayjs; reason: string };

/** A member leaves on a date, with a reason. It cannot be undone; the record stays as history. */
export function ExitMemberModal({
  member,
  onClose,
}: {
  member: AllianceMemberRow | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExitMemberValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [exitMember, { loading }] = useMutation(ExitAllianceMemberMutation);

  async function exit(target: AllianceMemberRow, values: ExitMemberValues) {
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
      okButtonProps={{ danger: true }}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue({ exitedOn: fromCalendarDate(todayInChina()) });
      }}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      forceRender
    >
      {member && (
        <Typography.Paragraph>
          {MEMBER_ROLE_LABELS[member.role]}「{member.organization.name}」（{member.joinedOn} 加入）退出联盟。
        </Typography.Paragraph>
      )}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="退出不可撤销"
        description="退出记录作为历史保留；该单位如再加入须重新登记。成员变化后，联盟协议须由全体现有成员签署才生效，请随后查看第八条检查。"
      />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ExitMemberValues>
        form={form}
        name="exit-member"
        layout="vertical"
        onFinish={(values) => {
          if (member) void exit(member, values);
        }}
      >
        <Form.Item
          label="退出日期"
          name="exitedOn"
          rules={calendarDateRules(
            '退出日期',
            member ? { date: member.joinedOn, label: '加入日期' } : undefined,
          )}
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
    </Modal>
  );
}
