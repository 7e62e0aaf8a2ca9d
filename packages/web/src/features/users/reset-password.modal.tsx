import { useMutation } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { showApiErrorOnForm, toApiError } from '../../shared/api-error';
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
  const [formError, setFormError] = useState<string | null>(null);
  const [resetPassword, { loading }] = useMutation(ResetUserPasswordMutation);

  async function reset(target: TenantUserFieldsFragment, values: ResetPasswordValues) {
    setFormError(null);
    try {
      await resetPassword({ variables: { input: { userId: target.id, newPassword: values.newPassword } } });
      onReset(target);
    } catch (error) {
      setFormError(showApiErrorOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={user !== null}
      title="重置密码"
      okText="重置"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      forceRender
    >
      {user && (
        <Typography.Paragraph>
          为用户「{user.displayName}」（{user.username}）设置新密码。
        </Typography.Paragraph>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ResetPasswordValues>
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={(values) => {
          if (user) void reset(user, values);
        }}
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
      </Form>
    </Modal>
  );
}
