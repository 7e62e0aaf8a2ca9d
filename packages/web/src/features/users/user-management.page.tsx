import { PlusOutlined } from '@ant-design/icons';
import { chinaDateTime } from '../../shared/format';
import { useMutation, useQuery } from '@apollo/client/react';
import { ROLE_LABELS } from '@xiangmeng/domain';
import {
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { TenantUserFieldsFragment } from '../../gql/graphql';
import { CreateUserModal } from './create-user.modal';
import { EditRolesModal } from './edit-roles.modal';
import { ResetPasswordModal } from './reset-password.modal';
import { SetUserDisabledMutation, TenantUsersQuery } from './users.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type TenantUser = TenantUserFieldsFragment;

/** An admin's list of their own tenant's accounts: create, disable or enable, reset a password. */
export function UserManagementPage() {
  const viewer = useSignedInViewer();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(TenantUsersQuery, { fetchPolicy: 'cache-and-network' });
  const [setUserDisabled] = useMutation(SetUserDisabledMutation);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<TenantUser | null>(null);
  const [editingRoles, setEditingRoles] = useState<TenantUser | null>(null);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const users = (data?.users ?? []).filter(
    (u) =>
      !needle ||
      u.username.toLowerCase().includes(needle) ||
      u.displayName.toLowerCase().includes(needle) ||
      u.roles.some((r) => ROLE_LABELS[r].includes(needle)),
  );

  async function toggleDisabled(user: TenantUser) {
    const disabled = !user.disabled;
    try {
      await setUserDisabled({ variables: { input: { userId: user.id, disabled } } });
      void message.success(`已${disabled ? '停用' : '启用'}用户「${user.displayName}」`);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  }

  const columns: TableColumnsType<TenantUser> = [
    {
      title: '用户名',
      dataIndex: 'username',
      sorter: (a, b) => a.username.localeCompare(b.username),
    },
    {
      title: '姓名',
      dataIndex: 'displayName',
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'),
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (_: unknown, user) => user.roles.map((role) => <Tag key={role}>{ROLE_LABELS[role]}</Tag>),
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      render: (_: unknown, user) => (user.disabled ? <Tag>已停用</Tag> : <Tag color="success">正常</Tag>),
    },
    {
      title: '最近登录',
      dataIndex: 'lastSignInAt',
      sorter: (a, b) => (a.lastSignInAt ?? '').localeCompare(b.lastSignInAt ?? ''),
      render: (_: unknown, user) =>
        user.lastSignInAt ? (
          chinaDateTime(user.lastSignInAt)
        ) : (
          <Typography.Text type="secondary">从未登录</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, user) => (
        <Space size={0}>
          {user.id === viewer.id ? (
            <Tooltip title="不能停用自己的账号">
              <Button type="link" disabled>
                停用
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={
                user.disabled ? `启用用户「${user.displayName}」？` : `停用用户「${user.displayName}」？`
              }
              description={
                user.disabled
                  ? '启用后该用户可以重新登录。'
                  : '停用后该用户将无法登录，已登录的会话随即失效。'
              }
              okText={user.disabled ? '启用' : '停用'}
              okButtonProps={{ danger: !user.disabled }}
              cancelText="取消"
              onConfirm={() => void toggleDisabled(user)}
            >
              <Button type="link" danger={!user.disabled}>
                {user.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
          <Button type="link" onClick={() => setEditingRoles(user)} data-testid="user-edit-roles">
            修改角色
          </Button>
          <Button type="link" onClick={() => setResetting(user)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={`用户管理 · ${viewer.tenant.bureauName}`}
      extra={
        <Space wrap>
          <ExportButton list="users" />
          {
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          }
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<TenantUser>
          rowKey="id"
          columns={columns}
          dataSource={users}
          scroll={{ x: 'max-content' }}
          title={() => (
            <Input.Search
              allowClear
              placeholder="按用户名、姓名或角色查找"
              style={{ maxWidth: 320 }}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="user-search"
            />
          )}
          loading={loading && !data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      )}
      <CreateUserModal
        open={creating}
        level={viewer.tenant.level}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void message.success(`已创建用户「${user.displayName}」`);
          void refetch().catch(() => undefined);
        }}
      />
      {editingRoles && (
        <EditRolesModal
          user={editingRoles}
          level={viewer.tenant.level}
          onClose={() => setEditingRoles(null)}
          onSaved={(user) => {
            setEditingRoles(null);
            void message.success(`已修改用户「${user.displayName}」的角色`);
            void refetch().catch(() => undefined);
          }}
        />
      )}
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onReset={(user) => {
          setResetting(null);
          void message.success(`已重置用户「${user.displayName}」的密码`);
        }}
      />
    </Card>
  );
}
