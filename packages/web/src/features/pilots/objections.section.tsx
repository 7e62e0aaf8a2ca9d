import { useMutation, useQuery } from '@apollo/client/react';
import { Role, type PilotState } from '@xiangmeng/domain';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { PilotObjectionsQuery as PilotObjectionsResult } from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { calendarDateRules, isAfterToday, toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { placeViolations } from '../../shared/form-violations';
import {
  AnswerPilotObjectionMutation,
  PilotObjectionsQuery,
  RecordPilotObjectionMutation,
} from './objections.operations';

type Objection = PilotObjectionsResult['pilotApplication']['objections'][number];

const STAFF_ROLES: readonly Role[] = [
  Role.PROVINCE_ADMIN,
  Role.PROVINCE_OFFICER,
  Role.CITY_ADMIN,
  Role.CITY_OFFICER,
];
// After 公示 the decision is final; an application decided straight from REVIEWED had no notice.
const DECIDED_STATES: readonly PilotState[] = ['APPROVED', 'DECLINED'];

type Props = { applicationId: string; state: PilotState; onChanged: () => void };

/** 公示与异议 (Art. 13): the notice period, objections received and their answers (authority staff). */
export function ObjectionsSection({ applicationId, state, onChanged }: Props) {
  const viewer = useSignedInViewer();
  const { message } = App.useApp();
  const relevant = state === 'PUBLICISED' || DECIDED_STATES.includes(state);
  const { data, error, refetch } = useQuery(PilotObjectionsQuery, {
    variables: { id: applicationId },
    skip: !relevant,
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'answer'; objection: Objection } | null>(
    null,
  );

  if (!relevant || !data) {
    return relevant && error ? (
      <Card title="公示与异议" size="small" style={{ marginTop: 16 }}>
        <Typography.Text type="danger">公示与异议加载失败：{toApiError(error).message}</Typography.Text>
      </Card>
    ) : null;
  }
  const application = data.pilotApplication;
  const authorityStaff =
    application.authority.id === viewer.tenant.id && viewer.roles.some((r) => STAFF_ROLES.includes(r));
  if (!authorityStaff) return null;
  const publicised = application.state === 'PUBLICISED';
  const objections = application.objections;
  // A decision taken without 公示 has nothing to show here.
  if (!publicised && objections.length === 0 && !application.noticeStartsOn) return null;

  const done = (text: string) => {
    setDialog(null);
    void message.success(text);
    void refetch().catch(() => undefined);
    onChanged();
  };

  return (
    <Card
      title="公示与异议"
      style={{ marginTop: 16 }}
      data-testid="objections-section"
      extra={
        publicised ? (
          <Button data-testid="objection-record" onClick={() => setDialog({ kind: 'record' })}>
            登记异议
          </Button>
        ) : undefined
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="公示期">
          <span data-testid="notice-period">
            {application.noticeStartsOn ?? '—'} 至 {application.noticeEndsOn ?? '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="异议">
          {objections.length} 件，未答复 {objections.filter((o) => !o.answer).length} 件
        </Descriptions.Item>
      </Descriptions>
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={objections}
        onRow={() => ({ 'data-testid': 'objection-row' }) as object}
        locale={{ emptyText: '公示期内未收到异议' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
          { title: '异议人', dataIndex: 'objector', key: 'objector', width: 140 },
          {
            title: '异议内容',
            dataIndex: 'content',
            key: 'content',
            render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
          },
          {
            title: '答复',
            key: 'answer',
            render: (_v, o) =>
              o.answer ? (
                <div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</div>
                  <Typography.Text type="secondary">{chinaDateTime(o.answeredAt)} 答复</Typography.Text>
                </div>
              ) : publicised ? (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  data-testid="objection-answer"
                  onClick={() => setDialog({ kind: 'answer', objection: o })}
                >
                  答复
                </Button>
              ) : (
                <Tag color="warning">未答复</Tag>
              ),
          },
        ]}
      />
      {dialog?.kind === 'record' && (
        <RecordObjectionModal
          applicationId={applicationId}
          noticeStartsOn={application.noticeStartsOn ?? null}
          onClose={() => setDialog(null)}
          onRecorded={() => done('异议已登记')}
        />
      )}
      {dialog?.kind === 'answer' && (
        <AnswerObjectionModal
          objection={dialog.objection}
          onClose={() => setDialog(null)}
          onAnswered={() => done('已答复')}
        />
      )}
    </Card>
  );
}

type RecordValues = { receivedOn: Dayjs; objector: string; content: string };

function RecordObjectionModal({
  applicationId,
  noticeStartsOn,
  onClose,
  onRecorded,
}: {
  applicationId: string;
  noticeStartsOn: string | null;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const [form] = Form.useForm<RecordValues>();
  const [record, { loading }] = useMutation(RecordPilotObjectionMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'objection-record-confirm',
  };

  async function save(values: RecordValues) {
    await record({
      variables: {
        applicationId,
        receivedOn: toCalendarDate(values.receivedOn),
        objector: values.objector.trim(),
        content: values.content.trim(),
      },
    });
    onRecorded();
  }

  return (
    <FormModal<RecordValues>
      open
      title="登记异议"
      okText="登记"
      okButtonProps={okButtonProps}
      loading={loading}
      onCancel={onClose}
      width={600}
      form={form}
      onSubmit={save}
      placeError={(form, error) => placeViolations(form, error, ['receivedOn', 'objector', 'content'])}
    >
      <Form.Item
        name="receivedOn"
        label="收到日期"
        rules={calendarDateRules(
          '收到日期',
          noticeStartsOn ? { date: noticeStartsOn, label: '公示开始日期' } : undefined,
        )}
      >
        <DatePicker disabledDate={isAfterToday} />
      </Form.Item>
      <Form.Item
        name="objector"
        label="异议人"
        rules={[{ required: true, whitespace: true, message: '请输入异议人（单位或个人）' }]}
      >
        <Input maxLength={100} placeholder="提出异议的单位或个人" />
      </Form.Item>
      <Form.Item
        name="content"
        label="异议内容"
        rules={[{ required: true, whitespace: true, message: '请输入异议内容' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

type AnswerValues = { answer: string };

function AnswerObjectionModal({
  objection,
  onClose,
  onAnswered,
}: {
  objection: Objection;
  onClose: () => void;
  onAnswered: () => void;
}) {
  const [form] = Form.useForm<AnswerValues>();
  const [answer, { loading }] = useMutation(AnswerPilotObjectionMutation);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'objection-answer-confirm',
  };

  async function save(values: AnswerValues) {
    await answer({ variables: { id: objection.id, answer: values.answer.trim() } });
    onAnswered();
  }

  return (
    <FormModal<AnswerValues>
      open
      title={`答复异议 · ${objection.objector}`}
      okText="确认答复"
      okButtonProps={okButtonProps}
      loading={loading}
      onCancel={onClose}
      width={600}
      form={form}
      onSubmit={save}
      placeError={(form, error) => placeViolations(form, error, ['answer'])}
      intro={
        <>
          <Typography.Paragraph>
            <Typography.Text type="secondary">{objection.receivedOn} 收到：</Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{objection.content}</span>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            答复后不可修改，异议均答复且公示期满后方可作出决定。
          </Typography.Paragraph>
        </>
      }
    >
      <Form.Item
        name="answer"
        label="答复意见"
        rules={[{ required: true, whitespace: true, message: '请输入答复意见' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
