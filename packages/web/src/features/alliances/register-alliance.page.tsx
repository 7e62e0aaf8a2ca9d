import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { PageTrail } from '../../shared/page-trail';
import { AllianceBasicsFields } from './alliance-fields';
import { toCalendarDate } from '../../shared/calendar-dates';
import { showViolationsOnForm } from '../../shared/form-violations';
import { RegisterAllianceMutation } from './alliances.operations';

type RegisterAllianceValues = { name: string; industryCode: string; foundedOn: Dayjs; objectives?: string };

/** 登记联盟: a new alliance enters the register as 筹建中; members and the rest follow on its page. */
export function RegisterAlliancePage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterAllianceValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [registerAlliance, { loading }] = useMutation(RegisterAllianceMutation);

  async function register(values: RegisterAllianceValues) {
    setFormError(null);
    try {
      const { data } = await registerAlliance({
        variables: {
          input: {
            name: values.name.trim(),
            industryCode: values.industryCode,
            foundedOn: toCalendarDate(values.foundedOn),
            objectives: (values.objectives ?? '').trim(),
          },
        },
      });
      if (!data) return;
      void message.success(`已登记联盟「${data.registerAlliance.name}」`);
      await navigate(`/alliances/${data.registerAlliance.id}?tab=members`);
    } catch (error) {
      setFormError(showViolationsOnForm(form, toApiError(error)));
    }
  }

  return (
    <>
      <PageTrail items={[{ label: '联盟名录', to: '/alliances' }, { label: '登记联盟' }]} />
      <Card title="登记联盟" style={{ maxWidth: 880 }}>
        <Typography.Paragraph type="secondary">
          登记后联盟处于「筹建中」。随后录入成员单位、组织机构和联盟协议，第八条六项基本条件全部满足后即可确认成立。
        </Typography.Paragraph>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form<RegisterAllianceValues>
          form={form}
          name="register-alliance"
          layout="vertical"
          onFinish={(values) => void register(values)}
        >
          <AllianceBasicsFields />
          <Form.Item style={{ marginBottom: 0 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={loading}>
                登记
              </Button>
              <Button onClick={() => void navigate('/alliances')}>取消</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
