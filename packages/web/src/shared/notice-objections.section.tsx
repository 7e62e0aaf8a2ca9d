import { App, Button, DatePicker, Descriptions, Form, Input, Tag, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type CSSProperties } from 'react';
import type { FilingDetailQuery, PilotObjectionsQuery } from '../gql/graphql';
import { calendarDateRules, isAfterToday, toCalendarDate } from './calendar-dates';
import { FormModal } from './form-modal';
import { placeViolations } from './form-violations';
import { chinaDateTime } from './format';
import { ListTable } from './list-table';

// 公示与异议 as every workflow with a notice period shows it: the period, the objections received
// and their answers. Each workflow sends them through its own mutations and lays the parts out.
// Test ids are `${testIdPrefix}-record`, `-record-confirm`, `-row`, `-answer` and `-answer-confirm`.

/** An objection as the workflows' queries read it (the same fields under each one's type). */
export type Objection =
  | PilotObjectionsQuery['pilotApplication']['objections'][number]
  | FilingDetailQuery['filing']['objections'][number];

/** An objection as the authority records it. */
export type ReceivedObjection = { receivedOn: string; objector: string; content: string };

type NoticeWindow = { noticeStartsOn?: string | null; noticeEndsOn?: string | null };

/** The notice period, and how many objections came in and are still unanswered. */
export function ObjectionsSummary({
  notice,
  objections,
  periodTestId,
  style,
}: {
  notice: NoticeWindow;
  objections: readonly Objection[];
  periodTestId?: string;
  style?: CSSProperties;
}) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={style}>
      <Descriptions.Item label="公示期">
        <span data-testid={periodTestId}>
          {notice.noticeStartsOn ?? '—'} 至 {notice.noticeEndsOn ?? '—'}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="异议">
        {objections.length} 件，未答复 {objections.filter((o) => !o.answer).length} 件
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 登记异议: the button and its form; `record` sends the objection, then `onRecorded` follows. */
export function RecordObjectionButton({
  noticeStartsOn,
  record,
  onRecorded,
  testIdPrefix,
}: {
  noticeStartsOn: string | null;
  record: (objection: ReceivedObjection) => Promise<unknown>;
  onRecorded?: () => void;
  testIdPrefix: string;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid={`${testIdPrefix}-record`} onClick={() => setOpen(true)}>
        登记异议
      </Button>
      {open && (
        <RecordObjectionModal
          noticeStartsOn={noticeStartsOn}
          record={record}
          onClose={() => setOpen(false)}
          onRecorded={() => {
            setOpen(false);
            void message.success('异议已登记');
            onRecorded?.();
          }}
          testIdPrefix={testIdPrefix}
        />
      )}
    </>
  );
}

/**
 * The objections received, each with its answer and when it was given. While `answerable` an
 * unanswered one has a 答复 link: `answer` sends the answer, then `onAnswered` follows.
 */
export function ObjectionsTable({
  objections,
  answerable,
  answer,
  answerHint,
  onAnswered,
  testIdPrefix,
}: {
  objections: readonly Objection[];
  answerable: boolean;
  answer: (id: string, answer: string) => Promise<unknown>;
  /** Said in the answer form: what waits for the answers. */
  answerHint: string;
  onAnswered?: () => void;
  testIdPrefix: string;
}) {
  const { message } = App.useApp();
  const [answering, setAnswering] = useState<Objection | null>(null);
  return (
    <>
      <ListTable<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={objections}
        scroll={{ x: 800 }}
        onRow={() => ({ 'data-testid': `${testIdPrefix}-row` }) as object}
        locale={{ emptyText: '公示期内未收到异议' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
          { title: '异议人', dataIndex: 'objector', key: 'objector', width: 160, ellipsis: true },
          {
            title: '异议内容',
            dataIndex: 'content',
            key: 'content',
            width: 280,
            render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
          },
          {
            title: '答复',
            key: 'answer',
            width: 250,
            render: (_v, o) =>
              o.answer ? (
                <div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</div>
                  <Typography.Text type="secondary">{chinaDateTime(o.answeredAt)} 答复</Typography.Text>
                </div>
              ) : answerable ? (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  data-testid={`${testIdPrefix}-answer`}
                  onClick={() => setAnswering(o)}
                >
                  答复
                </Button>
              ) : (
                <Tag color="warning">未答复</Tag>
              ),
          },
        ]}
      />
      {answering && (
        <AnswerObjectionModal
          objection={answering}
          answer={answer}
          hint={answerHint}
          onClose={() => setAnswering(null)}
          onAnswered={() => {
            setAnswering(null);
            void message.success('已答复');
            onAnswered?.();
          }}
          testIdPrefix={testIdPrefix}
        />
      )}
    </>
  );
}

type RecordValues = { receivedOn: Dayjs; objector: string; content: string };

function RecordObjectionModal({
  noticeStartsOn,
  record,
  onClose,
  onRecorded,
  testIdPrefix,
}: {
  noticeStartsOn: string | null;
  record: (objection: ReceivedObjection) => Promise<unknown>;
  onClose: () => void;
  onRecorded: () => void;
  testIdPrefix: string;
}) {
  const [form] = Form.useForm<RecordValues>();
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': `${testIdPrefix}-record-confirm`,
  };

  async function save(values: RecordValues) {
    await record({
      receivedOn: toCalendarDate(values.receivedOn),
      objector: values.objector.trim(),
      content: values.content.trim(),
    });
    onRecorded();
  }

  return (
    <FormModal<RecordValues>
      open
      title="登记异议"
      okText="登记"
      okButtonProps={okButtonProps}
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
        <Input count={{ show: true, max: 100 }} placeholder="提出异议的单位或个人" />
      </Form.Item>
      <Form.Item
        name="content"
        label="异议内容"
        rules={[{ required: true, whitespace: true, message: '请输入异议内容' }]}
      >
        <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}

type AnswerValues = { answer: string };

function AnswerObjectionModal({
  objection,
  answer,
  hint,
  onClose,
  onAnswered,
  testIdPrefix,
}: {
  objection: Objection;
  answer: (id: string, answer: string) => Promise<unknown>;
  hint: string;
  onClose: () => void;
  onAnswered: () => void;
  testIdPrefix: string;
}) {
  const [form] = Form.useForm<AnswerValues>();
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': `${testIdPrefix}-answer-confirm`,
  };

  async function save(values: AnswerValues) {
    await answer(objection.id, values.answer.trim());
    onAnswered();
  }

  return (
    <FormModal<AnswerValues>
      open
      title={`答复异议 · ${objection.objector}`}
      okText="确认答复"
      okButtonProps={okButtonProps}
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
          <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        </>
      }
    >
      <Form.Item
        name="answer"
        label="答复意见"
        rules={[{ required: true, whitespace: true, message: '请输入答复意见' }]}
      >
        <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}
