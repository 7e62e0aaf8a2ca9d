import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '@xiangmeng/domain';
import { App, Checkbox, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PilotCallFieldsFragment, PilotCallInput } from '../../gql/graphql';
import { showViolationsOnForm } from '../../shared/form-violations';
import { FormModal } from '../../shared/form-modal';
import { chinaPickerValue, instantFromChinaPicker } from '../../shared/format';
import { CreatePilotCallMutation, PilotCallsQuery, UpdatePilotCallMutation } from './calls.operations';

type CallValues = {
  title: string;
  description: string;
  window: [Dayjs, Dayjs];
  recommendBy: Dayjs;
  decideBy: Dayjs;
  requiredDocuments: DocumentKind[];
};

const KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

// The API names the input's fields; the window is one picker here.
const FIELD_PATHS: Record<string, string[]> = {
  title: ['title'],
  description: ['description'],
  opensAt: ['window'],
  closesAt: ['window'],
  recommendBy: ['recommendBy'],
  decideBy: ['decideBy'],
  requiredDocuments: ['requiredDocuments'],
};

function toPath(field: string): string[] | null {
  return FIELD_PATHS[field.replace(/^input\./, '')] ?? null;
}

function initialValues(call: PilotCallFieldsFragment | null): Partial<CallValues> {
  if (!call) return { description: '', requiredDocuments: ['FEASIBILITY_REPORT', 'AGREEMENT_SCAN'] };
  return {
    title: call.title,
    description: call.description,
    window: [chinaPickerValue(call.opensAt), chinaPickerValue(call.closesAt)],
    recommendBy: chinaPickerValue(call.recommendBy),
    decideBy: chinaPickerValue(call.decideBy),
    requiredDocuments: [...call.requiredDocuments],
  };
}

/** 新建 / 编辑申报通知 (a draft only; published calls never change). Times are China time. */
export function PilotCallFormModal({
  call,
  open,
  onClose,
}: {
  /** null for a new call */
  call: PilotCallFieldsFragment | null;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<CallValues>();
  // The version the form was filled from; a reload after a refused stale save moves it on.
  const [base, setBase] = useState(call);
  const [create, { loading: creating }] = useMutation(CreatePilotCallMutation, {
    refetchQueries: [PilotCallsQuery],
    awaitRefetchQueries: true,
  });
  const [update, { loading: updating }] = useMutation(UpdatePilotCallMutation);

  async function save(values: CallValues) {
    const input: PilotCallInput = {
      title: values.title.trim(),
      description: values.description.trim(),
      opensAt: instantFromChinaPicker(values.window[0]),
      closesAt: instantFromChinaPicker(values.window[1]),
      recommendBy: instantFromChinaPicker(values.recommendBy),
      decideBy: instantFromChinaPicker(values.decideBy),
      requiredDocuments: values.requiredDocuments,
    };
    if (base) {
      await update({ variables: { id: base.id, version: base.version, input } });
      void message.success('申报通知已保存');
    } else {
      await create({ variables: { input } });
      void message.success('申报通知草稿已创建');
    }
    onClose();
  }

  async function reload() {
    if (!base) return;
    const { data } = await client.query({ query: PilotCallsQuery, fetchPolicy: 'network-only' });
    const stored = data?.pilotCalls.find((c) => c.id === base.id);
    if (!stored) return;
    setBase(stored);
    form.setFieldsValue(initialValues(stored));
  }

  return (
    <FormModal<CallValues>
      open={open}
      title={call ? '编辑申报通知' : '新建申报通知'}
      okText="保存草稿"
      loading={creating || updating}
      onCancel={onClose}
      width={640}
      form={form}
      name="pilot-call"
      initialValues={initialValues(call)}
      onSubmit={save}
      onReload={call ? reload : undefined}
      placeError={(form, error) => showViolationsOnForm(form, error, toPath)}
    >
      <Form.Item
        label="通知标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写通知标题' },
          { max: 200, message: '通知标题不能超过 200 个字' },
        ]}
      >
        <Input count={{ show: true, max: 200 }} />
      </Form.Item>
      <Form.Item label="通知内容" name="description" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
        <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
      </Form.Item>
      <Form.Item
        label="申报时间（北京时间）"
        name="window"
        rules={[
          { required: true, message: '请选择申报开始和截止时间' },
          {
            validator: (_rule, value: [Dayjs, Dayjs] | null | undefined) =>
              !value || value[1].isAfter(value[0])
                ? Promise.resolve()
                : Promise.reject(new Error('截止时间应晚于开始时间')),
          },
        ]}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format={TIME_FORMAT}
          placeholder={['开始时间', '截止时间']}
        />
      </Form.Item>
      <Form.Item
        label="推荐截止时间"
        name="recommendBy"
        dependencies={['window']}
        extra="推荐单位完成推荐的期限"
        rules={[
          { required: true, message: '请选择推荐截止时间' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: Dayjs | null | undefined) => {
              const window = getFieldValue('window') as [Dayjs, Dayjs] | undefined;
              return !value || !window || !value.isBefore(window[1])
                ? Promise.resolve()
                : Promise.reject(new Error('推荐截止时间不能早于申报截止时间'));
            },
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label="审查决定截止时间"
        name="decideBy"
        dependencies={['recommendBy']}
        extra="形式审查、专家评审和决定的期限"
        rules={[
          { required: true, message: '请选择审查决定截止时间' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: Dayjs | null | undefined) => {
              const recommendBy = getFieldValue('recommendBy') as Dayjs | undefined;
              return !value || !recommendBy || !value.isBefore(recommendBy)
                ? Promise.resolve()
                : Promise.reject(new Error('审查决定截止时间不能早于推荐截止时间'));
            },
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
      <Form.Item label="所需材料" name="requiredDocuments">
        <Checkbox.Group options={KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }))} />
      </Form.Item>
    </FormModal>
  );
}
