import { useMutation } from '@apollo/client/react';
import { FormModal, NewAccountFields } from '@xiangmeng/web';
import { Form, Typography } from 'antd';
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
  const [createCityAdmin, { loading }] = useMutation(CreateCityAdminMutation);

  async function create(values: CreateCityAdminValues) {
    if (!division) return;
    const { data } = await createCityAdmin({
      variables: {
        input: {
          tenantCode: division.code,
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
        },
      },
    });
    if (data) onCreated(data.createCityAdmin.displayName, division);
  }

  return (
    <FormModal<CreateCityAdminValues>
      open={division !== null}
      title={`创建市州管理员${division ? ` · ${division.name}` : ''}`}
      okText="创建"
      loading={loading}
      onCancel={onClose}
      keepMounted
      form={form}
      name="create-city-admin"
      onSubmit={create}
      intro={
        division && (
          <Typography.Paragraph type="secondary">
            为{division.bureauName}（{division.code}）创建管理员账号，由其管理本局的其他用户。
          </Typography.Paragraph>
        )
      }
    >
      <NewAccountFields />
    </FormModal>
  );
}
