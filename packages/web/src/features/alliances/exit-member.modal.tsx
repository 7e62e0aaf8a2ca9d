import { useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { type AllianceMemberRow, ExitAllianceMemberMutation } from './alliances.operations';
import { useShownSubject } from '../../shared/use-shown-subject';

type ExitMemberValues = { exitedOn: Dayjs; reason: string };

/** A member leaves on a date, with a reason. It cannot be undone; the record stays as history. */
export function ExitMemberModal({
  member,
  onClose,
}: {
  member: AllianceMemberRow | null;
  onClose: () => void;
}) {
  const shown = useShownSubject(member);
  // One form per member, fresh at each opening, so reopening never shows an earlier member's values.
  return shown ? (
    <ExitMemberForm key={shown.id} member={shown} open={member !== null} onClose={onClose} />
  ) : null;
}

function ExitMemberForm({
  member,
  open,
  onClose,
}: {
  member: AllianceMemberRow;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExitMemberValues>();
  const [exitMember, { loading }] = useMutation(ExitAllianceMemberMutation);

  async function exit(values: ExitMemberValues) {
    await exitMember({
      variables: {
        input: {
          memberId: member.id,
          exitedOn: toCalendarDate(values.exitedOn),
          reason: values.reason.trim(),
        },
      },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`${member.organization.name}已退出联盟`);
    onClose();
  }

  return (
    <FormModal<ExitMemberValues>
      open={open}
      title="成员单位退出"
      okText="确认退出"
      okButtonProps={{ danger: true }}
      loading={loading}
      onCancel={onClose}
      keepMounted
      form={form}
      name="exit-member"
      initialValues={{ exitedOn: fromCalendarDate(todayInChina()) }}
      onSubmit={exit}
      placeError={showViolationsOnForm}
      intro={
        <>
          <Typography.Paragraph>
            {MEMBER_ROLE_LABELS[member.role]}「{member.organization.name}」（{member.joinedOn}{' '}
            加入）退出联盟。
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="退出不可撤销"
            description="退出记录作为历史保留；该单位如再加入须重新登记。成员变化后，联盟协议须由全体现有成员签署才生效，请随后查看第八条检查。"
          />
        </>
      }
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
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
      </Form.Item>
    </FormModal>
  );
}
