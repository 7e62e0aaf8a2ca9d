import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  FILING_DOCUMENT_KIND_LABELS,
  filingRoundViolations,
  type FieldViolation,
  type FilingDocumentKind,
} from '@xiangmeng/domain';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type {
  FilingRoundDefaultsQuery,
  FilingRoundFieldsFragment,
  FilingRoundInput,
} from '../../gql/graphql';
import { todayInChina } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaPickerValue, instantFromChinaPicker } from '../../shared/format';
import {
  CreateFilingRoundMutation,
  FilingRoundsQuery,
  UpdateFilingRoundMutation,
} from './filings.operations';
import { isFilingDocumentKind } from './filing-values';

type RoundValues = {
  year: number;
  documentNumber: string;
  window: [Dayjs, Dayjs];
  quotaPerUnit: number | null;
  reviewRequired: boolean;
  noticeDays: number;
  requiredDocuments: FilingDocumentKind[];
};

export type FilingRoundDefaults = FilingRoundDefaultsQuery['filingRoundDefaults'];

const KINDS = Object.keys(FILING_DOCUMENT_KIND_LABELS) as FilingDocumentKind[];
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

// The API and the domain name the input's fields; the window is one picker here.
function toPath(field: string): (string | number)[] | null {
  const name = field.replace(/^input\./, '').split('.')[0] ?? field;
  if (name === 'opensAt' || name === 'closesAt') return ['window'];
  return [name];
}

function initialValues(
  round: FilingRoundFieldsFragment | null,
  defaults: FilingRoundDefaults | null,
): Partial<RoundValues> {
  if (!round)
    return {
      year: Number(todayInChina().slice(0, 4)),
      quotaPerUnit: null,
      reviewRequired: defaults?.reviewRequired ?? false,
      noticeDays: defaults?.noticeDays ?? 0,
      requiredDocuments: (defaults?.requiredDocuments ?? []).filter(isFilingDocumentKind),
    };
  return {
    year: round.year,
    documentNumber: round.documentNumber,
    window: [chinaPickerValue(round.opensAt), chinaPickerValue(round.closesAt)],
    quotaPerUnit: round.quotaPerUnit ?? null,
    reviewRequired: round.reviewRequired,
    noticeDays: round.noticeDays,
    requiredDocuments: round.requiredDocuments.filter(isFilingDocumentKind),
  };
}

/**
 * 新建 / 编辑备案批次 (a draft only; a published round never changes). A new round starts from the
 * defaults of the province's measures in force; times are China time.
 */
export function FilingRoundFormModal({
  round,
  defaults,
  onClose,
}: {
  /** null for a new round */
  round: FilingRoundFieldsFragment | null;
  defaults: FilingRoundDefaults | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<RoundValues>();
  // The version the form was filled from; a reload after a refused stale save moves it on.
  const [base, setBase] = useState(round);
  const [create, { loading: creating }] = useMutation(CreateFilingRoundMutation, {
    refetchQueries: [FilingRoundsQuery],
    awaitRefetchQueries: true,
  });
  const [update, { loading: updating }] = useMutation(UpdateFilingRoundMutation);

  function place(violations: FieldViolation[]): void {
    showViolationsOnForm(form, { code: 'BAD_USER_INPUT', message: '', violations }, toPath);
  }

  async function save(values: RoundValues) {
    const input: FilingRoundInput = {
      year: values.year,
      documentNumber: values.documentNumber.trim(),
      opensAt: instantFromChinaPicker(values.window[0]),
      closesAt: instantFromChinaPicker(values.window[1]),
      quotaPerUnit: values.quotaPerUnit ?? null,
      reviewRequired: values.reviewRequired,
      noticeDays: values.noticeDays,
      requiredDocuments: values.requiredDocuments,
    };
    // The round's rules from the domain, before the API applies them again.
    const violations = filingRoundViolations({
      ...input,
      quotaPerUnit: input.quotaPerUnit ?? null,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      requiredDocuments: values.requiredDocuments,
    });
    if (violations.length > 0) {
      place(violations);
      return;
    }
    if (base) {
      await update({ variables: { id: base.id, version: base.version, input } });
      void message.success('备案批次已保存');
    } else {
      await create({ variables: { input } });
      void message.success('备案批次草稿已创建');
    }
    onClose();
  }

  async function reload() {
    if (!base) return;
    const { data } = await client.query({ query: FilingRoundsQuery, fetchPolicy: 'network-only' });
    const stored = data?.filingRounds.find((r) => r.id === base.id);
    if (!stored) return;
    setBase(stored);
    form.setFieldsValue(initialValues(stored, defaults));
  }

  return (
    <FormModal<RoundValues>
      open
      title={round ? '编辑备案批次' : '新建备案批次'}
      okText="保存草稿"
      loading={creating || updating}
      onCancel={onClose}
      width={680}
      form={form}
      name="filing-round"
      initialValues={initialValues(round, defaults)}
      onSubmit={save}
      onReload={round ? reload : undefined}
      placeError={(form, error) => showViolationsOnForm(form, error, toPath)}
      errorTestId="filing-round-error"
      intro={
        defaults ? (
          <Typography.Paragraph type="secondary">
            {round ? '' : '专家评审、公示天数和所需材料已按现行实施办法预填，可按本批次调整。'}
            备案有效期由实施办法规定（现行 {defaults.validityYears} 年），不在批次中设置。
          </Typography.Paragraph>
        ) : undefined
      }
    >
      <Space size={16} align="start" wrap>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          label="文号"
          name="documentNumber"
          rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
        >
          <Input
            count={{ show: true, max: 100 }}
            placeholder="如：湘科函〔2027〕8号"
            style={{ width: 300 }}
          />
        </Form.Item>
      </Space>
      <Form.Item
        label="受理时间（北京时间）"
        name="window"
        rules={[{ required: true, message: '请选择受理开始和截止时间' }]}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format={TIME_FORMAT}
          placeholder={['开始时间', '截止时间']}
        />
      </Form.Item>
      <Space size={16} align="start" wrap>
        <Form.Item label="每个市州名额" name="quotaPerUnit" extra="留空表示不限额">
          <InputNumber precision={0} min={1} placeholder="不限" style={{ width: 140 }} suffix="项" />
        </Form.Item>
        <Form.Item
          label="公示天数"
          name="noticeDays"
          extra="0 表示不公示"
          rules={[{ required: true, message: '请填写公示天数' }]}
        >
          <InputNumber precision={0} min={0} style={{ width: 140 }} suffix="天" />
        </Form.Item>
      </Space>
      <Form.Item label="专家评审" name="reviewRequired">
        <Radio.Group
          options={[
            { value: true, label: '组织专家评审' },
            { value: false, label: '不组织专家评审' },
          ]}
        />
      </Form.Item>
      <Form.Item label="所需材料" name="requiredDocuments">
        <Checkbox.Group
          options={KINDS.map((kind) => ({ value: kind, label: FILING_DOCUMENT_KIND_LABELS[kind] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
