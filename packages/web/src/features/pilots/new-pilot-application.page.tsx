import { useMutation, useQuery } from '@apollo/client/react';
import { PILOT_STATUS_LABELS } from '@xiangmeng/domain';
import { Alert, Breadcrumb, Button, Card, Empty, Flex, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError, type ApiError } from '../../shared/api-error';
import { showViolationsOnForm } from '../../shared/form-violations';
import { measuresLabel } from '../measures/measures-label';
import { ApiErrorAlert } from '../../shared/api-error.alert';
import { chinaDateTime } from '../../shared/format';
import { CallGuide } from '../calls/call-guide';
import { PilotCallsQuery } from '../calls/calls.operations';
import {
  ApplicableAlliancesQuery,
  CreatePilotApplicationMutation,
  PilotApplicationPageQuery,
} from './pilots.operations';

type NewValues = { callId: string; allianceId: string };

/** 新建申报: one of the city's established alliances applies to an open call; the dossier is filled in next. */
export function NewPilotApplicationPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewValues>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const calls = useQuery(PilotCallsQuery, { fetchPolicy: 'cache-and-network' });
  const alliances = useQuery(ApplicableAlliancesQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreatePilotApplicationMutation, {
    refetchQueries: [PilotApplicationPageQuery],
  });

  if ((calls.loading && !calls.data) || (alliances.loading && !alliances.data)) return <PageLoading />;
  if (!calls.data || !alliances.data) {
    return (
      <LoadFailure
        error={toApiError(calls.error ?? alliances.error)}
        onRetry={() => {
          void calls.refetch().catch(() => undefined);
          void alliances.refetch().catch(() => undefined);
        }}
      />
    );
  }

  const openCalls = calls.data.pilotCalls.filter((c) => c.isOpen);
  const requested = params.get('callId');
  const initialCall = openCalls.some((c) => c.id === requested) ? requested : openCalls[0]?.id;
  const established = alliances.data.alliances.nodes;

  async function submit(values: NewValues) {
    setFailure(null);
    try {
      const result = await create({ variables: { input: values } });
      const id = result.data?.createPilotApplication.id;
      if (id) void navigate(`/pilots/applications/${id}`);
    } catch (error) {
      const apiError = toApiError(error);
      // Field violations go beside their field; whatever is left (a closed call, say) above the form.
      const unplaced = showViolationsOnForm(form, apiError);
      setFailure(unplaced ? { ...apiError, message: unplaced, violations: [] } : null);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[{ title: <Link to="/pilots/applications">试点申报</Link> }, { title: '新建申报' }]}
      />
      <Card title="新建试点申报" style={{ maxWidth: 760 }}>
        {openCalls.length === 0 ? (
          <Empty description="当前没有处于申报期的申报通知" image={Empty.PRESENTED_IMAGE_SIMPLE}>
            <Button onClick={() => void navigate('/pilots/calls')}>查看申报通知</Button>
          </Empty>
        ) : established.length === 0 ? (
          <Empty
            description="本单位尚无已成立的联盟，联盟确认成立后方可申报"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          >
            <Button onClick={() => void navigate('/alliances')}>前往联盟名录</Button>
          </Empty>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              选择申报通知和本单位已成立的联盟，创建申报书草稿；随后在申报详情中填写申报书、选择可行性报告和附件，再提交推荐单位。
            </Typography.Paragraph>
            <ApiErrorAlert error={failure} testId="pilot-new-error" />
            <Form<NewValues>
              form={form}
              name="new-pilot-application"
              layout="vertical"
              initialValues={{ callId: initialCall ?? undefined }}
              onFinish={(v) => void submit(v)}
            >
              <Form.Item
                label="申报通知"
                name="callId"
                rules={[{ required: true, message: '请选择申报通知' }]}
              >
                <Select
                  data-testid="pilot-new-call"
                  options={openCalls.map((c) => ({
                    value: c.id,
                    label: `${c.title}（${c.authority.bureauName}，${chinaDateTime(c.closesAt)} 截止）`,
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={['callId']}>
                {({ getFieldValue }) => {
                  const call = openCalls.find((c) => c.id === getFieldValue('callId'));
                  return call ? (
                    <Alert
                      type="info"
                      style={{ marginBottom: 16 }}
                      title={`适用：${measuresLabel(call.measures)}`}
                      description={
                        <>
                          推荐截止：{chinaDateTime(call.recommendBy)}（北京时间）
                          {call.guide && (
                            <div>
                              申报指南：
                              <CallGuide callId={call.id} guide={call.guide} changeable={false} />
                            </div>
                          )}
                        </>
                      }
                    />
                  ) : null;
                }}
              </Form.Item>
              <Form.Item
                label="申报联盟"
                name="allianceId"
                rules={[{ required: true, message: '请选择申报联盟' }]}
                extra="仅列出本单位登记且已确认成立的联盟"
              >
                <Select
                  data-testid="pilot-new-alliance"
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="选择联盟"
                  options={established.map((a) => ({
                    value: a.id,
                    label:
                      a.pilotStatus === 'NONE'
                        ? `${a.name}（${a.industry.name}）`
                        : `${a.name}（${a.industry.name}，${PILOT_STATUS_LABELS[a.pilotStatus]}）`,
                  }))}
                />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={creating} data-testid="pilot-new-submit">
                  创建申报书
                </Button>
                <Button onClick={() => void navigate(-1)}>取消</Button>
              </Space>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
