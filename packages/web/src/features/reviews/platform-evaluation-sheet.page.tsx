import { useMutation, useQuery } from '@apollo/client/react';
import { evaluate, EVALUATION_GRADE_LABELS, PLATFORM_KINDS, platformKindOf } from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import type { EvaluationTaskDetailFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { PageTrail } from '../../shared/page-trail';
import {
  DeclareForEvaluationMutation,
  MyEvaluationTaskQuery,
  SaveEvaluationSheetMutation,
} from '../platforms/evaluation-rounds.operations';
import { DeclarationAlert } from './declaration.alert';

type Task = EvaluationTaskDetailFieldsFragment;
type Sheet = Task['sheets'][number];
type ScoreValues = Record<string, number | null>;

// The bands are the same for every kind (platform-kinds.ts); any kind's scheme names them.
const BANDS = PLATFORM_KINDS.ENGINEERING_RESEARCH_CENTRE.evaluation;

/** One platform's sheet: the kind's criteria with their weights, saved as a draft or submitted. */
function SheetCard({ sheet, open }: { sheet: Sheet; open: boolean }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ScoreValues>();
  const [save, { loading }] = useMutation(SaveEvaluationSheetMutation);
  const submitted = sheet.status === 'SUBMITTED';
  const initial = Object.fromEntries(sheet.scores.map((s) => [s.key, s.score]));

  async function send(submit: boolean) {
    const values = submit ? await form.validateFields() : form.getFieldsValue();
    const scores = sheet.criteria.flatMap((c) =>
      typeof values[c.key] === 'number' ? [{ key: c.key, score: values[c.key] as number }] : [],
    );
    try {
      await save({ variables: { input: { sheetId: sheet.id, version: sheet.version, scores, submit } } });
      void message.success(submit ? '评分已提交' : '已保存');
    } catch (error) {
      const e = toApiError(error);
      form.setFields(
        e.violations
          .filter((v) => v.field.startsWith('scores.'))
          .map((v) => ({ name: v.field.slice(7), errors: [v.message] })),
      );
      void message.error(e.message);
    }
  }

  function confirmSubmit() {
    void form.validateFields().then((values) => {
      const scheme = PLATFORM_KINDS[platformKindOf(sheet.kind) ?? 'ENGINEERING_RESEARCH_CENTRE'].evaluation;
      const scores = Object.fromEntries(sheet.criteria.map((c) => [c.key, values[c.key] ?? 0]));
      const result = evaluate(scheme, [{ expertName: '', scores }]);
      void modal.confirm({
        title: `提交「${sheet.platformName}」的评分？`,
        content: `加权得分 ${result.total} 分（${EVALUATION_GRADE_LABELS[result.grade]}档）。提交后不能修改。`,
        okText: '确认提交',
        okButtonProps: { 'data-testid': `platform-sheet-submit-confirm-${sheet.platformId}` },
        onOk: () => send(true),
      });
    });
  }

  return (
    <Card
      title={
        <Space>
          {sheet.platformName}
          <Tag color={submitted ? 'green' : 'orange'}>{sheet.statusLabel}</Tag>
        </Space>
      }
      extra={sheet.weightedTotal !== null && <span>加权得分 {sheet.weightedTotal}</span>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'kind', label: '类别', children: sheet.kindLabel },
          { key: 'due', label: '评估类型', children: sheet.dueLabel },
          { key: 'host', label: '依托单位', children: sheet.hostName },
          { key: 'alliance', label: '联盟', children: sheet.allianceName },
          { key: 'recognisedOn', label: '认定日期', children: sheet.recognisedOn },
          {
            key: 'submittedAt',
            label: '提交时间',
            children: sheet.submittedAt ? chinaDateTime(sheet.submittedAt) : '—',
          },
        ]}
      />
      <Form<ScoreValues>
        form={form}
        layout="inline"
        initialValues={initial}
        disabled={submitted || !open}
        style={{ marginTop: 12, rowGap: 8 }}
        name={`platform-sheet-${sheet.platformId}`}
      >
        {sheet.criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={c.key}
            label={`${c.label}（${c.weight}%）`}
            rules={[{ required: true, message: '请评分（0–100）' }]}
          >
            <InputNumber min={0} max={100} precision={1} style={{ width: 100 }} />
          </Form.Item>
        ))}
      </Form>
      {!submitted && open && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button loading={loading} onClick={() => void send(false)}>
            保存草稿
          </Button>
          <Button
            type="primary"
            loading={loading}
            onClick={confirmSubmit}
            data-testid={`platform-sheet-submit-${sheet.platformId}`}
          >
            提交评分
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/**
 * 平台评估评分表: the expert's sheets of one round, one per platform they are free to score (tied
 * ones are left out); scoring opens after the commitment and no-conflict declaration.
 */
export function PlatformEvaluationSheetPage() {
  const { taskId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MyEvaluationTaskQuery, {
    variables: { id: taskId },
    fetchPolicy: 'cache-and-network',
  });
  const [declare] = useMutation(DeclareForEvaluationMutation);
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const task = data.myPlatformEvaluationTask;
  const open = task.round.status === 'OPEN';
  const title = `${task.round.year} 年度「${task.round.fieldName}」领域创新平台评估`;
  return (
    <Flex vertical gap={16}>
      <PageTrail items={[{ label: '评审任务', to: '/reviews/mine' }, { label: title }]} />
      <Card title={title}>
        <Typography.Paragraph>
          请按平台类别的评估指标逐项评分（0–100），加权得分：
          {BANDS.bands.map((b) => `${EVALUATION_GRADE_LABELS[b.grade]} ≥ ${b.minTotal}`).join('，')} 分。
          与平台依托单位或共建单位存在利害关系的平台不在此列（已回避）。
        </Typography.Paragraph>
        {!open && <Alert type="info" title="本批次评估已结束，评分表只读。" />}
        {open && !task.declaredAt && (
          <DeclarationAlert
            onConfirm={(declarationVersion) =>
              declare({ variables: { taskId: task.id, declarationVersion } })
            }
          />
        )}
        {task.declaredAt && (
          <Typography.Text type="secondary">
            已于 {chinaDateTime(task.declaredAt)} 确认评审承诺书及回避声明
          </Typography.Text>
        )}
      </Card>
      {task.sheets.map((sheet) => (
        <SheetCard
          key={`${sheet.id}:${sheet.version}`}
          sheet={sheet}
          open={open && task.declaredAt !== null}
        />
      ))}
    </Flex>
  );
}
