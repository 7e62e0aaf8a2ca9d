import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { PROVINCE_CODE, TenantLevel } from '@xiangmeng/domain';
import { Alert, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { showApiErrorOnForm, toApiError } from '../../shared/api-error';
import type { SignInRedirectState } from './require-viewer.guard';
import { LoginMutation, SignInTenantsQuery } from './viewer.operations';
import { useViewer } from './viewer.provider';

type SignInValues = { tenantCode: string; username: string; password: string };

/** Which tier signs in here: the province's one tenant, or a choice among the cities. */
export type SignInTier = 'province' | 'city';

const LAST_CITY_KEY = 'xiangmeng.signIn.cityCode';

export function SignInPage({ tier, appTitle }: { tier: SignInTier; appTitle: string }) {
  const { viewer, error: viewerError } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [form] = Form.useForm<SignInValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [login, { loading: signingIn }] = useMutation(LoginMutation);
  const from = (location.state as SignInRedirectState | null)?.from ?? '/';

  if (viewer) return <Navigate to={from} replace />;

  async function signIn(values: SignInValues) {
    setFormError(null);
    const tenantCode = tier === 'province' ? PROVINCE_CODE : values.tenantCode;
    try {
      await login({
        variables: { input: { tenantCode, username: values.username.trim(), password: values.password } },
      });
      if (tier === 'city') localStorage.setItem(LAST_CITY_KEY, tenantCode);
      // Start from an empty cache so nothing read under an earlier session is shown; this refetches `me`.
      await client.resetStore();
      await navigate(from, { replace: true });
    } catch (error) {
      form.setFieldValue('password', '');
      setFormError(showApiErrorOnForm(form, toApiError(error)));
    }
  }

  return (
    <Flex
      vertical
      justify="center"
      align="center"
      gap={24}
      style={{ minHeight: '100vh', boxSizing: 'border-box', padding: 24, background: '#eef2f7' }}
    >
      <Flex vertical align="center" gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          湘盟
        </Typography.Title>
        <Typography.Text type="secondary">湖南省产业技术创新战略联盟管理平台</Typography.Text>
      </Flex>
      <Card title={appTitle} style={{ width: '100%', maxWidth: 400 }}>
        {viewerError && (
          <Alert type="warning" showIcon title={viewerError.message} style={{ marginBottom: 16 }} />
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form<SignInValues>
          form={form}
          name="sign-in"
          layout="vertical"
          requiredMark={false}
          initialValues={{
            tenantCode: tier === 'city' ? (localStorage.getItem(LAST_CITY_KEY) ?? undefined) : PROVINCE_CODE,
          }}
          onFinish={(values) => void signIn(values)}
        >
          {tier === 'city' ? (
            <Form.Item
              label="所在市州"
              name="tenantCode"
              rules={[{ required: true, message: '请选择所在市州' }]}
            >
              <CitySelect />
            </Form.Item>
          ) : (
            <Form.Item label="单位">
              <Typography.Text>湖南省科学技术厅</Typography.Text>
            </Form.Item>
          )}
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={signingIn}
              data-testid="login-submit"
            >
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Typography.Text type="secondary">湖南省科学技术厅 主办</Typography.Text>
    </Flex>
  );
}

/** The 14 cities from the API, so a new division needs no release of the app. */
function CitySelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { data, loading, error, refetch } = useQuery(SignInTenantsQuery);
  const cities = (data?.signInTenants ?? []).filter((t) => t.level === TenantLevel.CITY);
  return (
    <>
      <Select
        {...props}
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder="请选择所在市州"
        options={cities.map((t) => ({ value: t.code, label: t.name }))}
        notFoundContent={error ? '市州列表加载失败' : undefined}
      />
      {error && (
        <Typography.Text type="danger">
          市州列表加载失败，
          <Typography.Link onClick={() => void refetch().catch(() => undefined)}>重试</Typography.Link>
        </Typography.Text>
      )}
    </>
  );
}
