import { useMutation } from '@apollo/client/react';
import { NOTICE_WITHDRAWAL_REASON_MAX } from '@xiangmeng/domain';
import { Form } from 'antd';
import { FormModal } from '../../shared/form-modal';
import { ReasonField } from '../../shared/reason-field';
import { NoticesForMeQuery, WithdrawNoticeMutation } from './notices.operations';

/** 撤回: the notice leaves its readers; the publisher keeps it with the reason. */
export function WithdrawNoticeModal({
  notice,
  onClose,
  onDone,
}: {
  notice: { id: string; version: number; title: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [withdraw] = useMutation(WithdrawNoticeMutation, { refetchQueries: [NoticesForMeQuery] });
  return (
    <FormModal<{ reason: string }>
      open={notice !== null}
      title="撤回通知"
      okText="撤回"
      okButtonProps={{ danger: true }}
      form={form}
      name="withdraw-notice"
      intro={notice ? `撤回后《${notice.title}》不再对发送范围内的人员显示，本级仍保留记录。` : undefined}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      onSubmit={async ({ reason }) => {
        if (!notice) return;
        await withdraw({ variables: { input: { id: notice.id, version: notice.version, reason } } });
        onDone();
      }}
    >
      <ReasonField
        name="reason"
        label="撤回理由"
        testId="notice-withdraw-reason"
        max={NOTICE_WITHDRAWAL_REASON_MAX}
      />
    </FormModal>
  );
}
