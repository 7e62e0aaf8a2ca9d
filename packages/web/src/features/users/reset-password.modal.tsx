import { useMutation } from '@apollo/client/react';
import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../shared/form-modal';
import type { TenantUserFieldsFragment } from '../../gql/graphql';
import { confirmPasswordRules, passwordRules } from './account-rules';
import { ResetUserPasswordMutation } from './users.operations';

type ResetPasswordValues = { newPassword: string; confirmPassword: string };

/** An admin sets a new password for a user of the tenant; the user's sessions are the API's concern. */
export function ResetPasswordModal({
  user,
  onClose,
  onReset,
}: {
  user: TenantUserFieldsFragment | null;
  onClose: () => void;
  onReset: (user: TenantUserFieldsFragment) => void;
}) {
  const [form] = Form.useForm<ResetPasswordValues>();
  const [resetPassword, { loading }] = useMutation(ResetUserPasswordMutation);

  async function reset(values: ResetPasswordValues) {
    if (!user) return;
    await resetPassword({ variables: { input: { userId: user.id, newPassword: values.newPassword } } });
    onReset(user);
  }

  return (
    <FormModal<ResetPasswordValues>
      open={user !== null}
      title="重置密码"
      okText="重置"
      loading={loading}
      onCancel={onClose}
      keepMounted
      form={form}
      name="reset-password"
      onSubmit={reset}
      intro={
        user && (
          <Typography.Paragraph>
            为用户「{user.displayName}」（{user.username}）设置新密码。
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={passwordRules({ fixed: user?.username ?? '' })}
        extra="至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={confirmPasswordRules('newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
