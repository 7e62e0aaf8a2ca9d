import { useMutation } from '@apollo/client/react';
import {
  EVALUATION_GRADE_LABELS,
  evaluate,
  evaluationConsequence,
  PLATFORM_KINDS,
  PLATFORM_STATUS_LABELS,
  type PlatformKind,
  platformKindOf,
  REPORT_FIELD_LABELS,
  STANDING_OF_STATUS,
  STATUS_OF_STANDING,
  type PlatformStatus,
} from '@xiangmeng/domain';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PlatformDetailFieldsFragment } from '../../gql/graphql';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { isYuanAmount, yuanToFen } from '../../shared/format';
import {
  domainSheets,
  EMPTY_SHEETS,
  EvaluationSheetsList,
  type SheetValues,
  sheetsInput,
} from './evaluation-sheets';
import { EvaluatePlatformMutation, FilePlatformReportMutation } from './platforms.operations';

type Platform = PlatformDetailFieldsFragment;

const COUNT_FIELDS = ['staff', 'projects', 'papers', 'patents', 'standards', 'industryServices'] as const;

type ReportValues = { year: number; rdSpendingYuan: string } & Record<(typeof COUNT_FIELDS)[number], number>;

/** 报送年度报告: the host unit's figures for one year; filed once, never changed. */
export function FileReportModal({ platform, onClose }: { platform: Platform; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const [file, { loading }] = useMutation(FilePlatformReportMutation);
  const thisYear = Number(todayInChina().slice(0, 4));
  const firstYear = Number(platform.recognisedOn.slice(0, 4));
  const filed = new Set(platform.reports.map((r) => r.year));
  const open = [...Array(thisYear - firstYear + 1).keys()]
    .map((i) => firstYear + i)
    .filter((y) => !filed.has(y));

  async function save(values: ReportValues) {
    if (!isYuanAmount(values.rdSpendingYuan ?? '')) {
      form.setFields([{ name: 'rdSpendingYuan', errors: ['请填写金额（元，最多两位小数）'] }]);
      throw new Error('请检查研发经费');
    }
    await file({
      variables: {
        input: {
          platformId: platform.id,
          year: values.year,
          rdSpendingFen: yuanToFen(values.rdSpendingYuan),
          staff: values.staff,
          projects: values.projects,
          papers: values.papers,
          patents: values.patents,
          standards: values.standards,
          industryServices: values.industryServices,
        },
      },
    });
    void message.success('年度报告已报送');
    onClose();
  }

  return (
    <FormModal<ReportValues>
      open
      title="报送年度报告"
      okText="确认报送"
      loading={loading}
      onCancel={onClose}
      width={640}
      form={form}
      name="platform-report"
      initialValues={{
        year: open.at(-1) ?? thisYear,
        ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])),
      }}
      onSubmit={save}
      errorTestId="platform-report-error"
      intro={
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={`依托单位的年度报告，每年度一份，报送后不能修改。${thisYear} 年度报告截止日期为 ${platform.currentReportDueOn}，逾期未报送的撤销认定。`}
        />
      }
    >
      <Form.Item
        label={REPORT_FIELD_LABELS.year}
        name="year"
        rules={[{ required: true, message: '请填写报告年度' }]}
      >
        <InputNumber min={firstYear} max={thisYear} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        label="研发经费（元）"
        name="rdSpendingYuan"
        rules={[{ required: true, message: '请填写研发经费' }]}
      >
        <Input style={{ width: 220 }} data-testid="report-rd-spending" />
      </Form.Item>
      <Flex wrap gap={16}>
        {COUNT_FIELDS.map((f) => (
          <Form.Item
            key={f}
            label={REPORT_FIELD_LABELS[f]}
            name={f}
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 130 }} />
          </Form.Item>
        ))}
      </Flex>
    </FormModal>
  );
}

type EvaluationValues = { year: number; evaluatedOn: Dayjs; sheets: SheetValues[] };

/** 录入评估: the experts' scores on the kind's criteria; the grade and its consequence follow. */
export function EvaluateModal({ platform, onClose }: { platform: Platform; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EvaluationValues>();
  const [send, { loading }] = useMutation(EvaluatePlatformMutation);
  const kind = platformKindOf(platform.kind) as PlatformKind;
  const scheme = PLATFORM_KINDS[kind].evaluation;
  const reevaluation = platform.status === 'RECTIFYING';

  async function save(values: EvaluationValues) {
    const sheets = sheetsInput(scheme, values.sheets);
    const result = evaluate(scheme, domainSheets(sheets));
    const effect = evaluationConsequence(STANDING_OF_STATUS[platform.status as PlatformStatus], result.grade);
    const next = effect ? PLATFORM_STATUS_LABELS[STATUS_OF_STANDING[effect.next]] : '—';
    const confirmed = await modal.confirm({
      title: `评估结果：${result.total} 分，${EVALUATION_GRADE_LABELS[result.grade]}`,
      content: `${effect?.reason ?? ''}：平台将为「${next}」。评估录入后不能修改。`,
      okText: '确认录入',
      okButtonProps: { danger: result.grade === 'FAIL' },
    });
    if (!confirmed) throw new Error('已取消');
    await send({
      variables: {
        input: {
          platformId: platform.id,
          version: platform.version,
          year: values.year,
          evaluatedOn: toCalendarDate(values.evaluatedOn),
          sheets,
        },
      },
    });
    void message.success('评估已录入');
    onClose();
  }

  return (
    <FormModal<EvaluationValues>
      open
      title={reevaluation ? '整改后复评' : '录入定期评估'}
      okText="计算等级"
      loading={loading}
      onCancel={onClose}
      width={900}
      form={form}
      name="platform-evaluation"
      initialValues={{
        year: Number(todayInChina().slice(0, 4)),
        evaluatedOn: fromCalendarDate(todayInChina()),
        sheets: EMPTY_SHEETS,
      }}
      onSubmit={save}
      errorTestId="platform-evaluation-error"
      intro={
        <Alert
          type={reevaluation ? 'warning' : 'info'}
          style={{ marginBottom: 12 }}
          title={
            `按「${PLATFORM_KINDS[kind].label}」评估方案：` +
            scheme.criteria.map((c) => `${c.label} ${c.weight}%`).join('、') +
            `；${scheme.bands.map((b) => `${EVALUATION_GRADE_LABELS[b.grade]} ≥ ${b.minTotal}`).join('，')} 分。` +
            (reevaluation
              ? '复评仍不合格的撤销认定。'
              : `不合格的限期 ${scheme.rectificationMonths} 个月整改。`)
          }
        />
      }
    >
      <Flex gap={16}>
        <Form.Item label="评估年度" name="year" rules={[{ required: true, message: '请填写评估年度' }]}>
          <InputNumber min={2016} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          label="评估日期"
          name="evaluatedOn"
          rules={calendarDateRules('评估日期', { date: platform.recognisedOn, label: '认定日期' })}
        >
          <DatePicker disabledDate={isAfterToday} />
        </Form.Item>
      </Flex>
      <EvaluationSheetsList scheme={scheme} />
    </FormModal>
  );
}
