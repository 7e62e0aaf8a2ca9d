import { EditOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { ALLIANCE_STATUS_LABELS, PILOT_STATUS_LABELS } from '@xiangmeng/domain';
import { Alert, App, Button, Descriptions, Flex, Form, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, toApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import { AllianceBasicsFields } from './alliance-fields';
import { fromCalendarDate, toCalendarDate } from '../../shared/calendar-dates';
import { showViolationsOnForm } from '../../shared/form-violations';
import { useSignedInViewer } from '../auth/viewer.provider';
import { type AllianceSummary, UpdateAllianceMutation } from './alliances.operations';

type BasicsValues = { name: string; industryCode: string; foundedOn: Dayjs; objectives?: string };

/** 基本信息: the register entry, edited against the version read (a concurrent change is refused). */
export function BasicsSection({ alliance, editable }: { alliance: AllianceSummary; editable: boolean }) {
  const viewer = useSignedInViewer();
  const [editing, setEditing] = useState(false);
  // A city's pilot application stays the city's: the province reads it only when it was sent up
  // (a provincial pilot), so it is offered the link to that one alone.
  const readsPilotApplication =
    alliance.tenant.id === viewer.tenant.id || alliance.pilotStatus === 'PROVINCIAL_PILOT';
  // Keyed by version: loading a newer entry after a refused stale save starts the form over.
  if (editing && editable)
    return <BasicsForm key={alliance.version} alliance={alliance} onDone={() => setEditing(false)} />;
  return (
    <Flex vertical>
      <Descriptions
        bordered
        column={1}
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'name', label: '联盟名称', children: alliance.name },
          { key: 'industry', label: '产业分类', children: alliance.industry.name },
          { key: 'foundedOn', label: '发起日期', children: alliance.foundedOn },
          { key: 'status', label: '状态', children: ALLIANCE_STATUS_LABELS[alliance.status] },
          {
            key: 'pilot',
            label: '试点',
            children: (
              <Space size={8} data-testid="alliance-pilot">
                <span>{PILOT_STATUS_LABELS[alliance.pilotStatus]}</span>
                {alliance.pilotSince && <span>（{alliance.pilotSince} 确认）</span>}
                {alliance.pilotApplicationId && readsPilotApplication && (
                  <Link to={`/pilots/applications/${alliance.pilotApplicationId}`}>查看试点申报</Link>
                )}
              </Space>
            ),
          },
          { key: 'tenant', label: '登记单位', children: alliance.tenant.name },
          ...(alliance.establishedOn
            ? [{ key: 'establishedOn', label: '成立日期', children: alliance.establishedOn }]
            : []),
          ...(alliance.dissolvedOn
            ? [
                { key: 'dissolvedOn', label: '解散日期', children: alliance.dissolvedOn },
                { key: 'dissolutionReason', label: '解散原因', children: alliance.dissolutionReason },
              ]
            : []),
          {
            key: 'objectives',
            label: '联盟目标',
            children: alliance.objectives ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {alliance.objectives}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">未填写</Typography.Text>
            ),
          },
        ]}
      />
      {editable && (
        <div style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑基本信息
          </Button>
        </div>
      )}
    </Flex>
  );
}

function BasicsForm({ alliance, onDone }: { alliance: AllianceSummary; onDone: () => void }) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<BasicsValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [updateAlliance, { loading }] = useMutation(UpdateAllianceMutation);

  async function save(values: BasicsValues) {
    setFormError(null);
    setStale(null);
    try {
      await updateAlliance({
        variables: {
          input: {
            id: alliance.id,
            version: alliance.version,
            name: values.name.trim(),
            industryCode: values.industryCode,
            foundedOn: toCalendarDate(values.foundedOn),
            objectives: (values.objectives ?? '').trim(),
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success('基本信息已保存');
      onDone();
    } catch (error) {
      const apiError = toApiError(error);
      // Someone else saved first: keep what was typed on screen and offer their version.
      if (isStaleEdit(apiError)) setStale(apiError);
      else setFormError(showViolationsOnForm(form, apiError));
    }
  }

  return (
    <Form<BasicsValues>
      form={form}
      name="alliance-basics"
      layout="vertical"
      style={{ maxWidth: 840 }}
      initialValues={{
        name: alliance.name,
        industryCode: alliance.industry.code,
        foundedOn: fromCalendarDate(alliance.foundedOn),
        objectives: alliance.objectives,
      }}
      onFinish={(values) => void save(values)}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {stale && (
        <StaleEditAlert
          error={stale}
          onReload={() => client.refetchQueries({ include: ['AllianceSummary'] })}
        />
      )}
      <AllianceBasicsFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={loading}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
