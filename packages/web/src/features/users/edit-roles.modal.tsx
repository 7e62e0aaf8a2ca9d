import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, rolesForLevel, type Role, type TenantLevel } from '@xiangmeng/domain';
import { Checkbox, Form, Typography } from 'antd';
import { FormModal } from '../../shared/form-modal';
import type { TenantUserFieldsFragment } from '../../gql/graphql';
import { roleRules } from './account-rules';
import { SetUserRolesMutation } from './users.operations';

type RolesValues = { roles: Role[] };

/** 修改角色: an admin sets an account's roles, from the tier's roles; the API keeps the admin's own. */
export function EditRolesModal({
  user,
  level,
  onClose,
  onSaved,
}: {
  user: TenantUserFieldsFragment;
  level: TenantLevel;
  onClose: () => void;
  onSaved: (user: TenantUserFieldsFragment) => void;
}) {
  const [form] = Form.useForm<RolesValues>();
  const [setRoles, { loading }] = useMutation(SetUserRolesMutation);

  async function save(values: RolesValues) {
    await setRoles({ variables: { input: { userId: user.id, roles: values.roles } } });
    onSaved(user);
  }

  return (
    <FormModal<RolesValues>
      open
      title={`修改角色 · ${user.displayName}`}
      okText="保存"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="edit-roles"
      initialValues={{ roles: user.roles }}
      onSubmit={save}
    >
      <Typography.Paragraph type="secondary">
        角色决定该用户能看到的菜单和能办理的事项，自下一次操作起生效。
      </Typography.Paragraph>
      <Form.Item label="角色" name="roles" rules={roleRules(level)} required>
        <Checkbox.Group
          options={rolesForLevel(level).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
