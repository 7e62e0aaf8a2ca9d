import { useMutation } from '@apollo/client/react';
import { NewAccountFields, showApiErrorOnForm, toApiError } from '@xiangmeng/web';
import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { DivisionsQuery as DivisionsResult } from '../../gql/graphql';
import { CreateCityAdminMutation } from './divisions.operations';

export type DivisionTenant = DivisionsResult['divisions'][number]['tenant'];

type CreateCityAdminValues = {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
};

/** The province opens a city's first account: a 市州管理员 of that city's bureau. */
export function CreateCityAdminModal({
  division,
  onClose,
  onCreated,
}: {
  division: DivisionTenant | null;
  onClose: () => void;
  onCreated: (displayName: string, division: DivisionTenant) => void;
}) {
  const [form] = Form.useForm<CreateCityAdminValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [createCityAdmin, { loading }] = useMutation(CreateCityAdminMutation);

  async function create(target: DivisionTenant, values: CreateCityAdminValues) {
    setFormError(null);
    try {
      const { data } = await createCityAdmin({
        variables: {
          input: {
            tenantCode: target.code,
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
          },
        },
      });
      if (data) onCreated(data.createCityAdmin.displayName, target);
    } catch (error) {
      setFormError(showApiErrorOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={division !== null}
      title={`创建市州管理员${division ? ` · ${division.name}` : ''}`}
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
      {division && (
        <Typography.Paragraph type="secondary">
          为{division.bureauName}（{division.code}）创建管理员账号，由其管理本局的其他用户。
        </Typography.Paragraph>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<CreateCityAdminValues>
        form={form}
        name="create-city-admin"
        layout="vertical"
        onFinish={(values) => {
          if (division) void create(division, values);
        }}
      >
        <NewAccountFields />
      </Form>
    </Modal>
  );
}
