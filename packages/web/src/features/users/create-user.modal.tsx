import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, rolesForLevel, type Role, type TenantLevel } from '@xiangmeng/domain';
import { Checkbox, Form } from 'antd';
import { FormModal } from '../../shared/form-modal';
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
  const [createUser, { loading }] = useMutation(CreateUserMutation);

  async function create(values: CreateUserValues) {
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
  }

  return (
    <FormModal<CreateUserValues>
      open={open}
      title="新建用户"
      okText="创建"
      loading={loading}
      onCancel={onClose}
      keepMounted
      form={form}
      name="create-user"
      initialValues={{ roles: [] }}
      onSubmit={create}
    >
      <NewAccountFields />
      <Form.Item label="角色" name="roles" rules={roleRules(level)} required>
        <Checkbox.Group
          options={rolesForLevel(level).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
