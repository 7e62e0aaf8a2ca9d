import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode } from '@xiangmeng/domain';
import { Alert, App, Button, DatePicker, Form, Input, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ApiError } from '../../shared/api-error';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { formatFen } from '../../shared/format';
import { showViolationsOnForm } from '../../shared/form-violations';
import {
  type AllianceSummary,
  DissolveAllianceMutation,
  EstablishAllianceMutation,
} from './alliances.operations';
import { OpenProjectsOfAllianceQuery } from '../projects/projects.operations';

type EstablishValues = { establishedOn: Dayjs };
type DissolveValues = { dissolvedOn: Dayjs; reason: string };

/** 确认成立: FORMING → ESTABLISHED, refused (with the failing conditions listed) unless Art. 8 holds that day. */
export function EstablishAllianceModal({
  alliance,
  open,
  onClose,
  onShowCheck,
}: {
  alliance: AllianceSummary;
  open: boolean;
  onClose: () => void;
  onShowCheck: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EstablishValues>();
  const [failing, setFailing] = useState<string[]>([]);
  const [establish, { loading }] = useMutation(EstablishAllianceMutation);

  async function confirm(values: EstablishValues) {
    setFailing([]);
    await establish({
      variables: {
        input: { allianceId: alliance.id, establishedOn: toCalendarDate(values.establishedOn) },
      },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`「${alliance.name}」已确认成立`);
    onClose();
  }

  // The failing Art. 8 conditions get their own list; anything else goes on the form or above it.
  function placeError(form: FormInstance<EstablishValues>, apiError: ApiError): string | null {
    const conditions = apiError.violations.filter((v) => v.field.startsWith('foundingConditions.'));
    if (apiError.code === ErrorCode.BAD_USER_INPUT && conditions.length > 0) {
      setFailing(conditions.map((v) => v.message));
    }
    const rest = { ...apiError, violations: apiError.violations.filter((v) => !conditions.includes(v)) };
    return rest.violations.length > 0 || conditions.length === 0 ? showViolationsOnForm(form, rest) : null;
  }

  return (
    <FormModal<EstablishValues>
      open={open}
      title="确认成立"
      okText="确认成立"
      loading={loading}
      onCancel={onClose}
      afterClose={() => setFailing([])}
      form={form}
      name="establish-alliance"
      initialValues={{ establishedOn: fromCalendarDate(todayInChina()) }}
      onSubmit={confirm}
      placeError={placeError}
      intro={
        <>
          <Typography.Paragraph>
            确认「{alliance.name}
            」成立。系统按成立日当天生效的实施办法检查第八条六项基本条件，全部满足方可成立；成立后状态变为「已成立」。
          </Typography.Paragraph>
          {failing.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title="不满足第八条基本条件，不能确认成立"
              data-testid="establish-failing"
              description={
                <>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {failing.map((text, index) => (
                      <li key={index}>{text}</li>
                    ))}
                  </ul>
                  <Button type="link" style={{ paddingInline: 0 }} onClick={onShowCheck}>
                    查看第八条检查
                  </Button>
                </>
              }
            />
          )}
        </>
      }
    >
      <Form.Item
        label="成立日期"
        name="establishedOn"
        rules={calendarDateRules('成立日期', { date: alliance.foundedOn, label: '发起日期' })}
        extra="按该日的成员单位、联盟协议和组织机构检查第八条"
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 解散: any state → DISSOLVED with date and reason; current members exit that day. Irreversible. */
export function DissolveAllianceModal({
  alliance,
  open,
  onClose,
}: {
  alliance: AllianceSummary;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DissolveValues>();
  const [dissolve, { loading }] = useMutation(DissolveAllianceMutation);
  // What the dissolution freezes (Art. 19), listed before the user confirms.
  const projects = useQuery(OpenProjectsOfAllianceQuery, {
    variables: { allianceId: alliance.id },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const frozen = projects.data?.openProjectsOfAlliance ?? [];

  async function confirm(values: DissolveValues) {
    await dissolve({
      variables: {
        input: {
          allianceId: alliance.id,
          dissolvedOn: toCalendarDate(values.dissolvedOn),
          reason: values.reason.trim(),
        },
      },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`「${alliance.name}」已解散`);
    onClose();
  }

  return (
    <FormModal<DissolveValues>
      open={open}
      title="解散联盟"
      okText="确认解散"
      okButtonProps={{ danger: true }}
      loading={loading}
      onCancel={onClose}
      form={form}
      name="dissolve-alliance"
      initialValues={{ dissolvedOn: fromCalendarDate(todayInChina()) }}
      onSubmit={confirm}
      placeError={showViolationsOnForm}
      intro={
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="解散不可撤销"
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: frozen.length ? 8 : 0 }}>
                {`「${alliance.name}」解散后状态变为「已解散」，现有成员单位同日退出，全部记录转为只读。`}
              </Typography.Paragraph>
              {frozen.length > 0 && (
                <>
                  <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                    以下 {frozen.length} 个在研项目将被冻结、停止拨付，交主管部门处理（第十九条）：
                  </Typography.Paragraph>
                  <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="dissolve-open-projects">
                    {frozen.map((p) => (
                      <li key={p.id}>
                        {p.title}（{p.authority.name}，{formatFen(p.awardFen)}，{p.stateLabel}）
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          }
        />
      }
    >
      <Form.Item
        label="解散日期"
        name="dissolvedOn"
        rules={calendarDateRules('解散日期', { date: alliance.foundedOn, label: '发起日期' })}
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="解散原因"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写解散原因' },
          { min: 2, message: '解散原因至少 2 个字' },
          { max: 1000, message: '解散原因不能超过 1000 个字' },
        ]}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
      </Form.Item>
    </FormModal>
  );
}
