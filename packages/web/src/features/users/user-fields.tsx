import { Form, Input } from 'antd';
import { confirmPasswordRules, displayNameRules, passwordRules, usernameRules } from './account-rules';

/** Username, name and initial password: the fields of every new account, user or city admin. */
export function NewAccountFields() {
  return (
    <>
      <Form.Item
        label="用户名"
        name="username"
        rules={usernameRules}
        extra="3–32 位小写字母、数字或 . _ -，以字母开头"
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={displayNameRules} required>
        <Input autoComplete="off" count={{ show: true, max: 40 }} />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        dependencies={['username']}
        rules={passwordRules({ field: 'username' })}
        extra="至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={confirmPasswordRules('password')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
