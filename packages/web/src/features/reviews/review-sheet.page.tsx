import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  ErrorCode,
  parseTaskContract,
  programmeKindOf,
  REVIEW_CRITERION_LABELS,
  reviewRecommendationLabels,
  REVIEW_SHEET_STATUS_LABELS,
  ReviewRecommendation,
  type ReviewCriterionKey,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Space,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError, type ApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import type { ReviewSheetQuery as ReviewSheetResult } from '../../gql/graphql';
import { dottedPath } from '../../shared/form-violations';
import { chinaDateTime, formatFen } from '../../shared/format';
import { ProgrammeApplicationFormView } from './programme-dossier.section';
import { FilingSnapshotSection } from '../filings/filing-snapshot.section';
import { roundLabel } from '../filings/filing-values';
import { DeclarationAlert } from './declaration.alert';
import { DossierSection } from './dossier.section';
import { formatScore } from './review-format';
import { lengthRule } from '../../shared/text-limit';
import {
  DeclareForReviewMutation,
  ReviewSheetQuery,
  SaveReviewSheetMutation,
} from './review-sheets.operations';
import { ListTable } from '../../shared/list-table';

type Assignment = ReviewSheetResult['myReviewAssignments'][number];
type Sheet = Assignment['sheet'];
type ScoreRow = Sheet['scores'][number];
type SheetValues = {
  scores: { key: string; score: number | null; comment: string }[];
  overallOpinion: string;
  recommendation: ReviewRecommendation | null;
};

const RECOMMENDATIONS = Object.values(ReviewRecommendation);

function criterionLabel(row: Pick<ScoreRow, 'key' | 'label'>): string {
  return row.key in REVIEW_CRITERION_LABELS
    ? REVIEW_CRITERION_LABELS[row.key as ReviewCriterionKey]
    : row.label;
}

/** Weighted total (weights in percent) of what is scored so far; complete when every criterion is. */
export function weightedTotal(
  rows: readonly { weight: number }[],
  scores: readonly ({ score: number | null } | undefined)[] | undefined,
): { total: number; complete: boolean } {
  let total = 0;
  let complete = true;
  rows.forEach((row, i) => {
    const score = scores?.[i]?.score;
    if (typeof score === 'number') total += (score * row.weight) / 100;
    else complete = false;
  });
  return { total: Math.round(total * 100) / 100, complete };
}

/** 评分: the assigned dossier read-only and the expert's own score sheet. */
export function ReviewSheetPage() {
  const { assignmentId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ReviewSheetQuery, { fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const assignment = data.myReviewAssignments.find((a) => a.id === assignmentId);
  if (!assignment) {
    return (
      <Result
        status="404"
        title="评审任务不存在"
        subTitle="该评审任务不存在，或已不再分配给您。"
        extra={
          <Button type="primary" onClick={() => void navigate('/reviews/mine')}>
            返回评审任务
          </Button>
        }
      />
    );
  }

  const { application, filing, project, programmeApplication, sheet } = assignment;
  const allianceName =
    project?.title ??
    filing?.allianceName ??
    programmeApplication?.allianceName ??
    application?.allianceName ??
    '—';
  const contract = project ? parseTaskContract(project.contract) : null;
  const facts = project
    ? [
        { key: 'requested', label: '申请验收', children: project.acceptance?.requestedOn ?? '—' },
        { key: 'assignedAt', label: '分配时间', children: chinaDateTime(assignment.assignedAt) },
      ]
    : programmeApplication
      ? [
          { key: 'programme', label: '支持计划', children: programmeApplication.programmeName ?? '—' },
          { key: 'call', label: '申报通知', children: programmeApplication.callTitle ?? '—' },
          { key: 'title', label: '项目名称', children: programmeApplication.form.title || '—' },
          {
            key: 'support',
            label: '申请支持',
            children: formatFen(programmeApplication.requestedSupportFen),
          },
          { key: 'industry', label: '所属产业', children: programmeApplication.industry?.name ?? '—' },
          { key: 'assignedAt', label: '分配时间', children: chinaDateTime(assignment.assignedAt) },
        ]
      : filing
        ? [
            { key: 'round', label: '备案批次', children: roundLabel(filing.round) },
            { key: 'city', label: '备案市州', children: filing.cityName },
            { key: 'assignedAt', label: '分配时间', children: chinaDateTime(assignment.assignedAt) },
          ]
        : [
            { key: 'call', label: '申报通知', children: application?.call.title ?? '—' },
            { key: 'assignedAt', label: '分配时间', children: chinaDateTime(assignment.assignedAt) },
            { key: 'decideBy', label: '评审截止', children: chinaDateTime(application?.call.decideBy) },
          ];
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/reviews/mine">评审任务</Link> }, { title: allianceName }]} />
      <Card>
        <Flex vertical gap={8}>
          <Space size={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {allianceName}
            </Typography.Title>
            {filing && <Tag color="geekblue">备案评审</Tag>}
            {project && <Tag color="purple">项目验收</Tag>}
            {programmeApplication && <Tag color="cyan">项目申报</Tag>}
            <Tag color={sheet.status === 'SUBMITTED' ? 'green' : 'orange'} data-testid="review-sheet-status">
              {REVIEW_SHEET_STATUS_LABELS[sheet.status]}
            </Tag>
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={facts} />
        </Flex>
      </Card>
      {project ? (
        <Card title="验收材料" data-testid="acceptance-review-dossier">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="目标任务">{contract?.targets ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="考核指标">
              {contract?.indicators.map((i) => `${i.name}：${i.target}`).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="项目总结报告">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {project.acceptance?.finalReport ?? '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="验收材料">
              {project.acceptanceDocuments.map((d) => (
                <div key={d.documentId}>
                  <a href={`/api/documents/${d.documentId}`} target="_blank" rel="noreferrer">
                    {d.fileName}
                  </a>
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : programmeApplication ? (
        <ProgrammeApplicationFormView
          application={programmeApplication}
          kind={programmeKindOf(programmeApplication.programmeKind)}
          downloads
        />
      ) : filing ? (
        <Card title="备案材料（提交时冻结的快照）" data-testid="filing-review-snapshot">
          <FilingSnapshotSection snapshot={filing.snapshot} />
        </Card>
      ) : (
        application && (
          <Card title="申报材料">
            <DossierSection application={application} />
          </Card>
        )
      )}
      {/* A saved sheet comes back with a new version: the form starts again from what was stored. */}
      <ScoreSheetCard
        key={`${sheet.id}-${sheet.version}`}
        assignmentId={assignment.id}
        sheet={sheet}
        conclusions={reviewRecommendationLabels(assignment.subjectKind)}
      />
    </Flex>
  );
}

function ScoreSheetCard({
  assignmentId,
  sheet,
  conclusions,
}: {
  assignmentId: string;
  sheet: Sheet;
  /** How the conclusions read for what is reviewed (a pilot application, a filing, an acceptance…). */
  conclusions: Record<ReviewRecommendation, string>;
}) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<SheetValues>();
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const client = useApolloClient();
  const [save, { loading }] = useMutation(SaveReviewSheetMutation);
  const watched = Form.useWatch('scores', form);
  const submitted = sheet.status === 'SUBMITTED';
  // No score before the commitment and no-conflict declaration (the API refuses it too).
  const undeclared = !submitted && !sheet.declaredAt;
  const locked = submitted || undeclared;
  const live = weightedTotal(sheet.scores, submitted ? sheet.scores : watched);

  async function send(submit: boolean) {
    setProblem(null);
    setStale(null);
    // A score out of range or a text past its limit is refused here, beside its field.
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) {
      setProblem({ title: '评分表有不符合要求的内容，请按提示修改', lines: [] });
      return;
    }
    const values = form.getFieldsValue(true) as SheetValues;
    try {
      await save({
        variables: {
          input: {
            assignmentId,
            version: sheet.version,
            scores: values.scores.map((s) => ({
              key: s.key,
              score: s.score ?? null,
              comment: s.comment ?? '',
            })),
            overallOpinion: values.overallOpinion ?? '',
            recommendation: values.recommendation ?? null,
            submit,
          },
        },
        // Submitting changes the work list and the task list; a draft changes only this sheet.
        refetchQueries: submit ? 'active' : [],
      });
      void message.success(submit ? '评分表已提交' : '评分表已保存');
    } catch (error) {
      const apiError = toApiError(error);
      // Saved elsewhere first (another window, or reopened): keep the scores typed, offer the stored ones.
      if (isStaleEdit(apiError)) setStale(apiError);
      else showProblem(apiError, form, sheet.scores, setProblem);
    }
  }

  function confirmSubmit() {
    const values = form.getFieldsValue(true) as SheetValues;
    const missing: { name: (string | number)[]; errors: string[] }[] = [];
    values.scores.forEach((s, i) => {
      if (typeof s.score !== 'number') missing.push({ name: ['scores', i, 'score'], errors: ['请评分'] });
    });
    if (!values.overallOpinion?.trim())
      missing.push({ name: ['overallOpinion'], errors: ['请填写总体意见'] });
    if (!values.recommendation) missing.push({ name: ['recommendation'], errors: ['请选择评审建议'] });
    (form as FormInstance).setFields(missing);
    if (missing.length > 0) {
      setProblem({ title: '评分表尚未填写完整', lines: [] });
      return;
    }
    void modal.confirm({
      title: '提交评分表',
      content: '提交后不可修改，如需修改须由组织单位退回',
      okText: '提交',
      cancelText: '取消',
      onOk: () => send(true),
    });
  }

  const initialValues: SheetValues = {
    scores: sheet.scores.map((s) => ({ key: s.key, score: s.score ?? null, comment: s.comment })),
    overallOpinion: sheet.overallOpinion,
    recommendation: sheet.recommendation ?? null,
  };

  return (
    <Card
      title="评分表"
      extra={
        <Typography.Text strong data-testid="review-total">
          加权总分：{formatScore(live.total)}
          {live.complete ? '' : '（未评完）'}
        </Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        {undeclared && <ReviewDeclarationAlert assignmentId={assignmentId} />}
        {sheet.declaredAt && (
          <Typography.Text type="secondary" data-testid="review-declared">
            已于 {chinaDateTime(sheet.declaredAt)} 确认评审承诺书及回避声明（文本版本{' '}
            {sheet.declarationVersion}）
          </Typography.Text>
        )}
        {submitted && (
          <Alert
            type="success"
            showIcon
            title={`评分表已于 ${chinaDateTime(sheet.submittedAt)} 提交，不可修改`}
            description="如需修改，须由组织单位退回。"
            data-testid="review-sheet-locked"
          />
        )}
        {!submitted && sheet.reopenedAt && (
          <Alert
            type="warning"
            showIcon
            title={`组织单位已于 ${chinaDateTime(sheet.reopenedAt)} 退回评分表，请修改后重新提交`}
            description={sheet.reopenReason ? `退回理由：${sheet.reopenReason}` : undefined}
          />
        )}
        {stale && (
          <StaleEditAlert
            error={stale}
            // The card is keyed by the sheet's version: the stored sheet starts it over.
            onReload={() => client.refetchQueries({ include: 'active' })}
          />
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem.title}
            data-testid="review-sheet-error"
            description={
              problem.lines.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problem.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {sheet.scores[0] && (
          <Typography.Text type="secondary" data-testid="review-scale">
            评分标准：{sheet.scores[0].scale}
          </Typography.Text>
        )}
        <Form<SheetValues>
          form={form}
          name="review-sheet"
          layout="vertical"
          disabled={locked}
          initialValues={initialValues}
        >
          <ListTable<ScoreRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={sheet.scores}
            columns={[
              {
                title: '评审指标及内容',
                key: 'label',
                width: 320,
                render: (_: unknown, row) => (
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{criterionLabel(row)}</Typography.Text>
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12 }}
                      data-testid={`criterion-${row.key}`}
                    >
                      {row.description}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: '权重', key: 'weight', width: 80, render: (_: unknown, row) => `${row.weight}%` },
              {
                title: '得分（0–100）',
                key: 'score',
                width: 150,
                render: (_: unknown, row, index) => (
                  <Form.Item
                    name={['scores', index, 'score']}
                    style={{ margin: 0 }}
                    // Out of range is refused with the range, never silently clamped (150 → 100).
                    rules={[{ type: 'number', min: 0, max: 100, message: '得分须在 0–100 之间' }]}
                  >
                    <InputNumber<number>
                      style={{ width: 110 }}
                      aria-label={`${criterionLabel(row)}得分`}
                      data-testid={`score-${row.key}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: '评语',
                key: 'comment',
                render: (_: unknown, row, index) => (
                  <Form.Item name={['scores', index, 'comment']} style={{ margin: 0 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      count={{ show: true, max: 2000 }}
                      aria-label={`${criterionLabel(row)}评语`}
                      data-testid={`score-comment-${row.key}`}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Form.Item
            label="总体意见"
            name="overallOpinion"
            style={{ marginTop: 16 }}
            rules={[lengthRule('总体意见', 5000)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              count={{ show: true, max: 5000 }}
              data-testid="review-opinion"
            />
          </Form.Item>
          <Form.Item label="评审建议" name="recommendation">
            <Radio.Group
              data-testid="review-recommendation"
              options={RECOMMENDATIONS.map((r) => ({ value: r, label: conclusions[r] }))}
            />
          </Form.Item>
        </Form>
        {submitted ? (
          <Typography.Text type="secondary">提交时间：{chinaDateTime(sheet.submittedAt)}</Typography.Text>
        ) : undeclared ? null : (
          <Space>
            <Button loading={loading} onClick={() => void send(false)} data-testid="review-save">
              保存
            </Button>
            <Button type="primary" loading={loading} onClick={confirmSubmit} data-testid="review-submit">
              提交
            </Button>
          </Space>
        )}
      </Flex>
    </Card>
  );
}

/** 承诺书/回避声明: read and confirmed once per application, before the first score. */
function ReviewDeclarationAlert({ assignmentId }: { assignmentId: string }) {
  const [declare] = useMutation(DeclareForReviewMutation);
  return (
    <DeclarationAlert
      onConfirm={(declarationVersion) =>
        declare({
          variables: { assignmentId, declarationVersion },
          refetchQueries: [ReviewSheetQuery],
          awaitRefetchQueries: true,
        })
      }
    />
  );
}

// Violations that name a field of the form go beside it; every violation is also listed above.
function showProblem(
  error: ApiError,
  form: FormInstance,
  rows: readonly ScoreRow[],
  setProblem: (p: { title: string; lines: string[] }) => void,
) {
  const registered = new Set(form.getFieldsError().map(({ name }) => JSON.stringify(name)));
  const placed = error.violations
    .map((v) => ({ name: dottedPath(v.field), errors: [v.message] }))
    .filter((f) => registered.has(JSON.stringify(f.name)));
  form.setFields(placed);
  const title =
    error.code === ErrorCode.BAD_USER_INPUT && error.violations.length > 0
      ? '评分表有误，请修改后再试'
      : error.message;
  setProblem({ title, lines: error.violations.map((v) => `${fieldLabel(v.field, rows)}：${v.message}`) });
}

function fieldLabel(field: string, rows: readonly ScoreRow[]): string {
  const path = dottedPath(field);
  const row = path[0] === 'scores' && typeof path[1] === 'number' ? rows[path[1]] : undefined;
  if (row) {
    return `${criterionLabel(row)}${path[2] === 'comment' ? '评语' : '得分'}`;
  }
  if (path[0] === 'overallOpinion') return '总体意见';
  if (path[0] === 'recommendation') return '评审建议';
  return field;
}
