import { useMutation } from '@apollo/client/react';
import { addCalendarDays } from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { NoticeSubjectType, SupportObjectionFieldsFragment } from '../../gql/graphql';
import {
  calendarDateRules,
  fromCalendarDate,
  todayInChina,
  toCalendarDate,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import {
  AnswerSupportObjectionMutation,
  RecordSupportObjectionMutation,
} from './support-objections.operations';
import { ListTable } from '../../shared/list-table';

type Objection = SupportObjectionFieldsFragment;

type Props = {
  subjectType: NoticeSubjectType;
  subjectId: string;
  /** 立项公示 or 验收公示. */
  noticeName: string;
  /** The subject is in its notice now (objections are recorded and answered only then). */
  inNotice: boolean;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  /** The authority's own staff: they keep the objections (the API shows nobody else any). */
  authorityStaff: boolean;
  objections: readonly Objection[];
  onChanged: () => void;
};

/**
 * 公示: the notice's dates and when the decision may follow, and for the authority the objections
 * received, each answered once with whether it is sustained (成立 leaves only the negative decision).
 */
export function SupportNoticeSection(props: Props) {
  const { noticeName, inNotice, noticeStartsOn, noticeEndsOn, authorityStaff, objections } = props;
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'answer'; objection: Objection } | null>(
    null,
  );
  if (!noticeStartsOn || !noticeEndsOn) return null;
  const decideFrom = addCalendarDays(noticeEndsOn, 1);
  const over = todayInChina() >= decideFrom;
  const open = objections.filter((o) => o.answer === null).length;
  const sustained = objections.filter((o) => o.sustained === true).length;
  const status = !inNotice
    ? `${noticeName}已于 ${noticeEndsOn} 结束。`
    : !over
      ? `${noticeName}中，公示期 ${noticeStartsOn} 至 ${noticeEndsOn}（北京时间）；${decideFrom} 起可作出决定。`
      : open
        ? `${noticeName}已期满，尚有 ${open} 条异议未答复，答复后方可作出决定。`
        : sustained
          ? `${noticeName}已期满；有 ${sustained} 条异议经核实成立，只能作出否定的决定。`
          : `${noticeName}已期满，可以作出决定。`;

  return (
    <Card title={noticeName} data-testid="support-notice-section">
      <Alert
        type={inNotice && (!over || open || sustained) ? 'warning' : 'info'}
        showIcon
        title={status}
        data-testid="support-notice-status"
      />
      {authorityStaff && (
        <>
          <Space style={{ margin: '12px 0' }}>
            <Typography.Text strong>公示异议</Typography.Text>
            {inNotice && (
              <Button
                size="small"
                onClick={() => setDialog({ kind: 'record' })}
                data-testid="record-objection"
              >
                登记异议
              </Button>
            )}
          </Space>
          <ListTable<Objection>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...objections]}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="公示期间未收到异议" />,
            }}
            columns={[
              { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
              { title: '异议人', dataIndex: 'objector', key: 'objector', width: 160, ellipsis: true },
              { title: '异议内容', dataIndex: 'content', key: 'content', ellipsis: true },
              {
                title: '答复',
                key: 'answer',
                width: 260,
                ellipsis: true,
                render: (_: unknown, o) =>
                  o.answer === null ? (
                    inNotice ? (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setDialog({ kind: 'answer', objection: o })}
                      >
                        答复
                      </Button>
                    ) : (
                      '未答复'
                    )
                  ) : (
                    <Space size={4}>
                      <Tag color={o.sustained ? 'red' : 'green'}>{o.sustained ? '成立' : '不成立'}</Tag>
                      <Typography.Text ellipsis={{ tooltip: o.answer }} style={{ maxWidth: 180 }}>
                        {o.answer}
                      </Typography.Text>
                    </Space>
                  ),
              },
            ]}
          />
        </>
      )}
      {dialog?.kind === 'record' && <RecordObjectionModal {...props} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'answer' && (
        <AnswerObjectionModal
          objection={dialog.objection}
          onChanged={props.onChanged}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

type RecordValues = { receivedOn?: Dayjs; objector?: string; content?: string };

function RecordObjectionModal({
  subjectType,
  subjectId,
  noticeStartsOn,
  onChanged,
  onClose,
}: Props & { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [record, { loading }] = useMutation(RecordSupportObjectionMutation);
  return (
    <FormModal<RecordValues>
      open
      title="登记公示异议"
      okText="确认登记"
      loading={loading}
      form={form}
      name="record-objection"
      initialValues={{ receivedOn: fromCalendarDate(todayInChina()) }}
      placeError={showViolationsOnForm}
      onCancel={onClose}
      onSubmit={async (values) => {
        await record({
          variables: {
            input: {
              subjectType,
              subjectId,
              receivedOn: values.receivedOn ? toCalendarDate(values.receivedOn) : '',
              objector: values.objector ?? '',
              content: values.content ?? '',
            },
          },
        });
        void message.success('已登记异议');
        onChanged();
        onClose();
      }}
    >
      <Form.Item
        label="收到日期"
        name="receivedOn"
        rules={calendarDateRules(
          '收到日期',
          noticeStartsOn ? { date: noticeStartsOn, label: '公示开始日期' } : undefined,
        )}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="异议人"
        name="objector"
        rules={[{ required: true, whitespace: true, message: '请填写异议人' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="异议内容"
        name="content"
        rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}

type AnswerValues = { answer?: string; sustained?: boolean };

function AnswerObjectionModal({
  objection,
  onChanged,
  onClose,
}: {
  objection: Objection;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const [answer, { loading }] = useMutation(AnswerSupportObjectionMutation);
  return (
    <FormModal<AnswerValues>
      open
      title={`答复异议：${objection.objector}`}
      okText="确认答复"
      loading={loading}
      form={form}
      name="answer-objection"
      placeError={showViolationsOnForm}
      onCancel={onClose}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="答复后不能更改。认定异议成立的，只能作出不予立项或不通过验收的决定。"
        />
      }
      onSubmit={async (values) => {
        await answer({
          variables: {
            input: { id: objection.id, answer: values.answer ?? '', sustained: values.sustained === true },
          },
        });
        void message.success('已答复异议');
        onChanged();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{objection.content}</Typography.Paragraph>
      <Form.Item
        label="核实结论"
        name="sustained"
        rules={[{ required: true, message: '请认定异议是否成立' }]}
      >
        <Radio.Group
          options={[
            { value: false, label: '不成立' },
            { value: true, label: '成立' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="答复"
        name="answer"
        rules={[{ required: true, whitespace: true, message: '请填写答复' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
