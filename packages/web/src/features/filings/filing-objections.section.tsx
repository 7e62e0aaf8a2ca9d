import { useMutation } from '@apollo/client/react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { calendarDateRules, isAfterToday, toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { placeViolations } from '../../shared/form-violations';
import { chinaDateTime } from '../../shared/format';
import {
  AnswerFilingObjectionMutation,
  RecordFilingObjectionMutation,
  type FilingDetail,
} from './filings.operations';

type Objection = FilingDetail['objections'][number];

const MUTATION_OPTIONS = { refetchQueries: 'active' as const, awaitRefetchQueries: true };

/**
 * 公示与异议: the notice period of a filing the round publicises, the objections received and
 * their answers (the province's staff). Filing waits until every objection is answered.
 */
export function FilingObjectionsSection({ filing }: { filing: FilingDetail }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'answer'; objection: Objection } | null>(
    null,
  );
  const publicised = filing.state === 'PUBLICISED';
  const objections = filing.objections;

  const done = (text: string) => {
    setDialog(null);
    void message.success(text);
  };

  return (
    <Flex vertical gap={12} data-testid="filing-objections">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Descriptions size="small" column={2} style={{ flex: 1, minWidth: 320 }}>
          <Descriptions.Item label="公示期">
            {filing.noticeStartsOn ?? '—'} 至 {filing.noticeEndsOn ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="异议">
            {objections.length} 件，未答复 {objections.filter((o) => !o.answer).length} 件
          </Descriptions.Item>
        </Descriptions>
        {publicised && (
          <Button data-testid="filing-objection-record" onClick={() => setDialog({ kind: 'record' })}>
            登记异议
          </Button>
        )}
      </Flex>
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={objections}
        scroll={{ x: 800 }}
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
              ) : publicised ? (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  data-testid="filing-objection-answer"
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
          filingId={filing.id}
          noticeStartsOn={filing.noticeStartsOn ?? null}
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
    </Flex>
  );
}

type RecordValues = { receivedOn: Dayjs; objector: string; content: string };

function RecordObjectionModal({
  filingId,
  noticeStartsOn,
  onClose,
  onRecorded,
}: {
  filingId: string;
  noticeStartsOn: string | null;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const [form] = Form.useForm<RecordValues>();
  const [record, { loading }] = useMutation(RecordFilingObjectionMutation, MUTATION_OPTIONS);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'filing-objection-record-confirm',
  };

  async function save(values: RecordValues) {
    await record({
      variables: {
        filingId,
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
  const [answer, { loading }] = useMutation(AnswerFilingObjectionMutation, MUTATION_OPTIONS);
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'filing-objection-answer-confirm',
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
            答复后不可修改；公示期满且异议均已答复后方可予以备案。
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
