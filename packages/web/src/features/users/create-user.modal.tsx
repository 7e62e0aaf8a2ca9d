import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, rolesForLevel, type Role, type TenantLevel } from '@xiangmeng/domain';
import { Alert, Checkbox, Form, Modal } from 'antd';
import { useState } from 'react';
import { showApiErrorOnForm, toApiError } from '../../shared/api-error';
import type { TenantUserFieldsFragment } from '../../gql/graphql';
import { roleRules } from './account-rules';
import { NewAccountFields } from './user-fields';
import { CreateUserMutation } from './users.operations';

type CreateUserValues = {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  confirmPassword: string;
};

/** A new account in the admin's own tenant, with roles offered for the tenant's level only. */
export function CreateUserModal({
  open,
  level,
  onClose,
  onCreated,
}: {
  open: boolean;
  level: TenantLevel;
  onClose: () => void;
  onCreated: (user: TenantUserFieldsFragment) => void;
}) {
  const [form] = Form.useForm<CreateUserValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [createUser, { loading }] = useMutation(CreateUserMutation);

  async function create(values: CreateUserValues) {
    setFormError(null);
    try {
      const { data } = await createUser({
        variables: {
          input: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            roles: values.roles,
            password: values.password,
          },
        },
      });
      if (data) onCreated(data.createUser);
    } catch (error) {
      setFormError(showApiErrorOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={open}
      title="新建用户"
      okText="创建"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<CreateUserValues>
        form={form}
        name="create-user"
        layout="vertical"
        initialValues={{ roles: [] }}
        onFinish={(values) => void create(values)}
      >
        <NewAccountFields />
        <Form.Item label="角色" name="roles" rules={roleRules(level)} required>
          <Checkbox.Group
            options={rolesForLevel(level).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
